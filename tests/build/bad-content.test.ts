// Every kind of mistake an editor can make, run in-process through the loader as `npm run check` runs it
// (loadCheckedModel, production view) and as the build loads it (SiteModelSource, the model every page plugin
// reads), on one copy of the tests' fixture content that each case edits and restores. One spawned
// `npm run check` and one spawned `npm run build` then take the same copy holding several of the mistakes at once:
// the real commands print what the loader said, and a refused build leaves the last good `_site/` as it was.
// The copy starts with the run's warm `.cache/`, so only what a case changes is parsed or rendered again.
// Adding a case is one entry in CASES.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { readSiteNow } from "../../src/time/clock.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject, FIXTURE_ROOT, removeFolder } from "../support/project-copy.ts";
import { checkInProcess } from "../support/in-process-commands.ts";
import { COMMANDS, copyWarmCache, runInAsync, type CommandResult } from "../support/sample-project.ts";
import { allFiles, fileForUrl } from "../support/site-output.ts";

/** Where the refusal must point: file, field, line and part of the message, as `file:line: field: message`. */
interface Refusal {
  file: string;
  /** The field as the check names it (`[3].start`, `tags[1]`); "" for the whole file (syntax, encoding, file name). */
  field: string;
  /** A line number, the first line the edit changed, or the first line of the edited file containing a text. */
  line?: number | "edited" | { containing: string };
  message: string;
}

/** One mistake (or one thing that looks like a mistake but must be accepted). */
interface BadContentCase {
  name: string;
  /** The file to change or create, from the project root. */
  file: string;
  /** The new contents from the old ("" for a new file); bytes for text that is not UTF-8. */
  edit: (text: string) => string | Uint8Array;
  /** What check and build must report (each refusal of a list), or "accepted": both pass and `page` is written. */
  expect: Refusal | readonly Refusal[] | "accepted";
  /** Texts the report must not contain (a marker inside a code block is text, not a marker). */
  absent?: readonly string[];
  /** The page of the entity concerned, opened when the case is accepted. */
  page?: string;
}

/** Replaces exactly one occurrence, so a case cannot pass because its edit silently missed. */
function once(search: string | RegExp, replacement: string) {
  return (text: string) => {
    const global = typeof search === "string" ? new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : new RegExp(search.source, `${search.flags.replace("g", "")}g`);
    const count = (text.match(global) ?? []).length;
    if (count !== 1) throw new Error(`Fixture edit expected one ${String(search)}, found ${count}`);
    return text.replace(search, replacement);
  };
}
const append = (addition: string) => (text: string) => `${text.trimEnd()}\n${addition}`;
const newFile = (contents: string) => () => contents;
/** A new file with the contents of a fixture file. */
const copyOf = (file: string) => () => readFileSync(path.join(FIXTURE_ROOT, file), "utf8");

const COURSE = "_data/courses/java-fundamentals.yaml";
const COURSE_PAGE = "/courses/java-fundamentals/";
const SCHEDULE = "_data/schedule.yaml";
/** A five-day class, Mon 7 to Fri 11 Dec 2026, of the five-day java-fundamentals course. */
const SESSION = "java-fundamentals-2026-12-den";
const SESSION_PAGE = `/schedule/${SESSION}/`;
const ARTICLE = "content/articles/profile-before-you-rewrite.md";
const ARTICLE_PAGE = "/articles/profile-before-you-rewrite/";
const SERVICE = "_data/services/team-mentoring.yaml";
/** An old address that the fixture's it-manager-vs-it-project-manager article lists in its aliases. */
const LEGACY_ALIAS = "/what-are-the-responsibilities-of-an-it-project-manager-vs-an-it-manager/";
/** A promotion and a course of the fixture, which promotion markers in a body may name. */
const PROMOTION_ID = "tools-for-the-market";
const MARKERS = "content/articles/promotion-marker-fixture.md";
/** Edits the java-fundamentals-2026-12-den entry of the schedule only. */
const inSession = (change: (entry: string) => string) => (text: string) => {
  const start = text.indexOf(`- id: ${SESSION}\n`);
  const end = text.indexOf("\n- id:", start + 1);
  if (start < 0 || end < 0) throw new Error(`${SESSION} is not in the fixture's schedule`);
  return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
};

const CASES: BadContentCase[] = [
  // YAML syntax, wrong types, unknown fields
  { name: "YAML syntax in a course", file: COURSE, edit: once(/^title: (.*)$/m, "title: [unclosed, $1"), expect: { file: COURSE, field: "", line: "edited", message: "a [ opened on this line is never closed: add the closing ]" } },
  { name: "YAML syntax in front matter", file: ARTICLE, edit: once(/^tags: \[(.*)\]$/m, "tags: [$1"), expect: { file: ARTICLE, field: "", line: "edited", message: "a [ opened on this line is never closed: add the closing ]" } },
  { name: "YAML syntax in locations", file: "_data/locations.yaml", edit: once(/^(\s+)name: HSG Training Center$/m, "$1name: [HSG Training Center"), expect: { file: "_data/locations.yaml", field: "", line: "edited", message: "a [ opened on this line is never closed: add the closing ]" } },
  { name: "a word where a number belongs", file: COURSE, edit: once(/^durationDays: 5$/m, "durationDays: five"), expect: { file: COURSE, field: "durationDays", line: "edited", message: 'must be a number such as 12, not "five"' } },
  { name: "a word where a number belongs in a service", file: SERVICE, edit: once(/^order: 3$/m, "order: third"), expect: { file: SERVICE, field: "order", line: "edited", message: 'must be a number such as 12, not "third"' } },
  { name: "a number where text belongs", file: "_data/locations.yaml", edit: once('postalCode: "80111"', "postalCode: 80111"), expect: { file: "_data/locations.yaml", field: "denver-tech-center.postalCode", line: "edited", message: "must be text: put 80111 in quotes" } },
  { name: "a misspelt value of a fixed list", file: SCHEDULE, edit: inSession(once("mode: classroom", "mode: classrom")), expect: { file: SCHEDULE, field: "[2].mode", line: "edited", message: "classroom" } },
  { name: "an unknown field in a course", file: COURSE, edit: once(/^title:/m, "titel:"), expect: { file: COURSE, field: "titel", line: 1, message: "unknown field" } },
  { name: "an unknown field in front matter", file: ARTICLE, edit: once(/^author: /m, "autor: "), expect: { file: ARTICLE, field: "autor", line: "edited", message: "unknown field" } },
  { name: "an unknown field in a category", file: "_data/categories.yaml", edit: once("  description: Object-oriented", "  descripton: Object-oriented"), expect: { file: "_data/categories.yaml", field: "programming-languages.descripton", line: "edited", message: "unknown field" } },
  { name: "a required field left out of an instructor", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, ""), expect: { file: "_data/instructors.yaml", field: "david-okafor.role", line: { containing: "david-okafor:" }, message: "is required" } },
  { name: "an e-mail address that is not one in site.yaml", file: "_data/site.yaml", edit: once(/^email: .*$/m, "email: info at hartmannsoftware"), expect: { file: "_data/site.yaml", field: "email", line: "edited", message: "mail" } },

  // Dates and times
  { name: "an impossible date (30 February)", file: ARTICLE, edit: once(/^date: .*$/m, 'date: "2025-02-30"'), expect: { file: ARTICLE, field: "date", line: "edited", message: '"2025-02-30" is not a real date' } },
  { name: "an impossible session start (31 November)", file: SCHEDULE, edit: inSession(once('start: "2026-12-07T09:00"', 'start: "2026-11-31T09:00"')), expect: { file: SCHEDULE, field: "[2].start", line: "edited", message: "not a real date" } },
  { name: "an unquoted date YAML would roll over", file: "_data/promotions.yaml", edit: once('validFrom: "2026-11-01"', "validFrom: 2026-11-31"), expect: { file: "_data/promotions.yaml", field: "[0].validFrom", line: "edited", message: 'must be in quotes, such as "' } },
  { name: "a time skipped by the daylight-saving change (2027-03-14T02:30 Denver)", file: SCHEDULE, edit: inSession(once('start: "2026-12-07T09:00"', 'start: "2027-03-14T02:30"')), expect: { file: SCHEDULE, field: "[2].start", line: "edited", message: "does not exist in America/Denver" } },
  { name: "a session that ends before it starts", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-04T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "must be after start" } },
  { name: "an article updated before it was written", file: ARTICLE, edit: once(/^author: /m, 'updated: "2020-01-01"\nauthor: '), expect: { file: ARTICLE, field: "updated", line: "edited", message: "must not be before date" } },
  { name: "a promotion that ends before it starts", file: "_data/promotions.yaml", edit: once('validUntil: "2027-01-31"', 'validUntil: "2026-10-31"'), expect: { file: "_data/promotions.yaml", field: "[0].validUntil", line: "edited", message: "must not be before validFrom" } },

  // A session outside its course's length
  { name: "a five-day course scheduled over two days", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-08T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "gives 2 teaching days" } },
  { name: "a five-day course scheduled over nine days", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-15T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "gives 7 teaching days" } },

  // Dangling references and duplicate ids
  { name: "a session of a course that does not exist", file: SCHEDULE, edit: inSession(once("course: java-fundamentals", "course: java-fundamental")), expect: { file: SCHEDULE, field: "[2].course", line: "edited", message: 'course "java-fundamental" does not exist' } },
  { name: "a session with an unknown instructor", file: SCHEDULE, edit: inSession(once("instructor: elena-marsh", "instructor: elena-marx")), expect: { file: SCHEDULE, field: "[2].instructor", line: "edited", message: 'instructor "elena-marx" does not exist' } },
  { name: "a session at an unknown location", file: SCHEDULE, edit: inSession(once("location: denver-downtown", "location: boulder")), expect: { file: SCHEDULE, field: "[2].location", line: "edited", message: 'location "boulder" does not exist' } },
  { name: "an article by an unknown author", file: ARTICLE, edit: once("author: dana-whitfield", "author: dana-whitfeld"), expect: { file: ARTICLE, field: "author", line: "edited", message: 'author "dana-whitfeld" does not exist' } },
  { name: "a course in an unknown category", file: COURSE, edit: once("category: programming-languages", "category: programing"), expect: { file: COURSE, field: "category", line: "edited", message: 'category "programing" does not exist' } },
  { name: "a service naming an unknown course", file: SERVICE, edit: once(/^relatedCourses:\n/m, "relatedCourses:\n  - cobol-basics\n"), expect: { file: SERVICE, field: "relatedCourses[0]", line: { containing: "cobol-basics" }, message: 'course "cobol-basics" does not exist' } },
  { name: "two sessions with one id", file: SCHEDULE, edit: inSession(once(`- id: ${SESSION}`, "- id: restful-web-services-2026-11-dtc")), expect: { file: SCHEDULE, field: "[2].id", line: "edited", message: "is already used at line" } },
  { name: "two authors with one id", file: "_data/authors.yaml", edit: append("hsg:\n  name: HSG again\n  role: Duplicate\n  bio: A second entry under the same id.\n"), expect: { file: "_data/authors.yaml", field: "", line: "edited", message: "hsg is written twice at the same level (first on line 1): keep one" } },
  { name: "two services in one place of the order", file: SERVICE, edit: once(/^order: 3$/m, "order: 2"), expect: { file: SERVICE, field: "order", line: "edited", message: "is already used by" } },

  // Bad slugs and tags that collide
  { name: "an article file name with capitals and spaces", file: "content/articles/My New Article.md", edit: newFile('---\ntitle: "A New Article"\ndate: "2026-11-02"\nauthor: hsg\nsummary: An article whose file name cannot be a web address.\n---\n\nText.\n'), expect: { file: "content/articles/My New Article.md", field: "", message: 'file name "My New Article" must be lowercase' } },
  { name: "a course file name with capitals", file: "_data/courses/Java-Basics.yaml", edit: copyOf(COURSE), expect: { file: "_data/courses/Java-Basics.yaml", field: "", message: 'file name "Java-Basics" must be lowercase' } },
  { name: "two tags that would share one page", file: ARTICLE, edit: once("tags: [Performance, Java, Architecture]", "tags: [Performance, Java, Architecture, C#, C Sharp]"), expect: { file: ARTICLE, field: "tags[4]", line: "edited", message: "would share the page /articles/tags/c-sharp/" } },

  // Markup, control characters and oversized fields
  { name: "a <script> element in a course title", file: COURSE, edit: once(/^title: .*$/m, 'title: "Java <script>alert(1)</script>"'), expect: { file: COURSE, field: "title", line: "edited", message: "without HTML tags such as <script>" } },
  { name: "a <b> element in an article title", file: ARTICLE, edit: once(/^title: .*$/m, 'title: "Profile <b>Before</b> You Rewrite"'), expect: { file: ARTICLE, field: "title", line: "edited", message: "without HTML tags such as <b>" } },
  { name: "a control character in an article title", file: ARTICLE, edit: once(/^title: .*$/m, 'title: "Profile Before\\u0007 You Rewrite"'), expect: { file: ARTICLE, field: "title", line: "edited", message: "control character U+0007" } },
  { name: "a control character in a promotion title", file: "_data/promotions.yaml", edit: once(/^- title: Half-Price Books(.*)$/m, '- title: "Half-Price\\u001b Books$1"'), expect: { file: "_data/promotions.yaml", field: "[0].title", line: "edited", message: "control character U+001B" } },
  { name: "a course title of 300 characters", file: COURSE, edit: once(/^title: .*$/m, `title: ${"Java ".repeat(60).trim()}`), expect: { file: COURSE, field: "title", line: "edited", message: "at most 120 characters" } },
  { name: "an article summary over its limit", file: ARTICLE, edit: once(/^summary: .*$/m, `summary: ${"Measure first. ".repeat(15).trim()}`), expect: { file: ARTICLE, field: "summary", line: "edited", message: "at most 200 characters" } },

  // Redirects
  { name: "a redirect loop", file: "_data/redirects.yaml", edit: append("- from: /ping/\n  to: /pong/\n- from: /pong/\n  to: /ping/\n"), expect: [{ file: "_data/redirects.yaml", field: "[5].to", line: { containing: "to: /pong/" }, message: "redirect loop" }, { file: "_data/redirects.yaml", field: "[6].to", line: { containing: "to: /ping/" }, message: "redirect loop" }] },
  { name: "a redirect to a page the site does not have", file: "_data/redirects.yaml", edit: append("- from: /old-brochure/\n  to: /no-such-page/\n"), expect: { file: "_data/redirects.yaml", field: "[5].to", line: { containing: "to: /no-such-page/" }, message: '"/no-such-page/" is not a page of this site' } },
  { name: "a redirect from a path an article alias already redirects", file: "_data/redirects.yaml", edit: append(`- from: ${LEGACY_ALIAS}\n  to: /courses/\n`), expect: { file: "_data/redirects.yaml", field: "[5].from", line: { containing: LEGACY_ALIAS }, message: "already redirected by content/articles/it-manager-vs-it-project-manager.md" } },
  { name: "a redirect to itself", file: "_data/redirects.yaml", edit: append("- from: /circle\n  to: /circle/\n"), expect: { file: "_data/redirects.yaml", field: "[5].to", line: { containing: "to: /circle/" }, message: "to itself" } },

  // Markdown bodies: images, headings and links between pages
  { name: "an image without alt text", file: ARTICLE, edit: append("\n![](/images/pairing-station.png)\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'image "/images/pairing-station.png" has no alt text' } },
  { name: "a missing image", file: ARTICLE, edit: append("\n![Response times before and after the change](response-times.png)\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'image "response-times.png" (content/images/response-times.png) does not exist' } },
  { name: "a lead image without imageAlt", file: ARTICLE, edit: once(/^author: /m, "image: /images/pairing-station.png\nauthor: "), expect: { file: ARTICLE, field: "imageAlt", message: "is required with image" } },
  { name: "an instructor photo that does not exist", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, "$&  photo: /images/david-okafor.jpg\n  photoAlt: David Okafor in a server room\n"), expect: { file: "_data/instructors.yaml", field: "david-okafor.photo", line: "edited", message: 'image "/images/david-okafor.jpg" (content/images/david-okafor.jpg) does not exist' } },
  { name: "an instructor photo without photoAlt", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, "$&  photo: /images/elena-marsh.png\n"), expect: { file: "_data/instructors.yaml", field: "david-okafor.photoAlt", line: { containing: "david-okafor:" }, message: "is required with photo" } },
  { name: "a level-1 heading in an article body", file: ARTICLE, edit: append("\n# One more thing\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: '"# One more thing" is a level-1 heading' } },
  { name: "a link to a page the site does not have", file: ARTICLE, edit: append("\nSee [our Java course](/courses/java-fundamental/).\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'link "/courses/java-fundamental/" leads to no page of this site: did you mean "/courses/java-fundamentals/"?' } },
  { name: "a link to a section an article does not have", file: ARTICLE, edit: append("\nSee [the rules](/articles/isolating-business-rules/#no-such-section).\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: "names #no-such-section, which /articles/isolating-business-rules/ does not have" } },

  { name: "promotion and course markers naming things that do not exist", file: MARKERS, edit: newFile(['---', 'title: "A Fixture Article"', 'date: "2020-01-01"', "author: hsg", "summary: Places promotions that do not exist.", "---", "", "Some text.", "", `[[promotion: ${PROMOTION_ID}x]]`, "", "```", "[[promotion: only-code-here]]", "```", "", "[[courses: java-fundamentals, no-such-course]]", ""].join("\n")), expect: [{ file: MARKERS, field: "body", line: 10, message: `promotion "${PROMOTION_ID}x" does not exist; did you mean "${PROMOTION_ID}"?` }, { file: MARKERS, field: "body", line: 16, message: 'course "no-such-course" does not exist' }], absent: ["only-code-here", 'course "java-fundamentals"'] },

  // Encodings: a byte-order mark and Windows line ends are accepted; bytes that are not UTF-8 are refused
  { name: "a course saved with a byte-order mark", file: COURSE, edit: (text) => `\uFEFF${text}`, expect: "accepted", page: COURSE_PAGE },
  { name: "an article saved with Windows line ends (CRLF)", file: ARTICLE, edit: (text) => text.replace(/\n/g, "\r\n"), expect: "accepted", page: ARTICLE_PAGE },
  { name: "a schedule saved with a byte-order mark and CRLF", file: SCHEDULE, edit: (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`, expect: "accepted", page: SESSION_PAGE },
  {
    name: "a course saved as Latin-1, not UTF-8",
    file: COURSE,
    edit: (text) => Buffer.from(once(/^summary: (.*)$/m, "summary: Für Entwickler: $1")(text), "latin1"),
    expect: { file: COURSE, field: "", line: { containing: "summary:" }, message: "is not UTF-8" },
  },
];

/** What one case did: the edited text (for line numbers), and what the check's and the build's loading reported. */
interface Outcome {
  editedText: string;
  editedLine: number;
  /** What `npm run check` prints to stderr for this content: warnings, then the problems. */
  check: LoadResult;
  /** What the build's site model reports when Eleventy asks for it. */
  build: LoadResult;
}

/** How one load of the content ended: the ContentError's report, or "" and the warnings of a load that passed. */
interface LoadResult {
  refused: boolean;
  report: string;
}

/** The 1-based number of the first line where two texts differ. */
function firstChangedLine(before: string, after: string): number {
  const a = before.split("\n");
  const b = after.split("\n");
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index + 1;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The refusals a case expects, as a list. */
const refusalsOf = (testCase: BadContentCase): readonly Refusal[] => (testCase.expect === "accepted" ? [] : Array.isArray(testCase.expect) ? testCase.expect : [testCase.expect as Refusal]);

/** The `file:line: field: message` line a refusal must produce, as a pattern over the command output. */
function refusalPattern(refusal: Refusal, outcome: Pick<Outcome, "editedText" | "editedLine">): RegExp {
  const line =
    refusal.line === undefined
      ? "(?::\\d+)?"
      : `:${refusal.line === "edited" ? outcome.editedLine : typeof refusal.line === "number" ? refusal.line : outcome.editedText.split(/\r?\n/).findIndex((text) => text.includes((refusal.line as { containing: string }).containing)) + 1}`;
  const field = refusal.field ? `${escape(refusal.field)}: ` : "";
  return new RegExp(`${escape(refusal.file)}${line}: ${field}[^\\n]*${escape(refusal.message)}`);
}

/** A load's outcome as the command would print it: the ContentError's message with its warnings before it. */
async function loadResult(load: () => Promise<{ warnings: readonly Parameters<typeof formatProblem>[0][] } | unknown>): Promise<LoadResult> {
  try {
    const loaded = (await load()) as { warnings?: readonly Parameters<typeof formatProblem>[0][] };
    return { refused: false, report: (loaded.warnings ?? []).map(formatProblem).join("\n") };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { refused: true, report: [...error.warnings.map(formatProblem), error.message].join("\n") };
  }
}

/** Writes a case's edit into `root`, and returns the edited text and a function that puts the file back. */
async function applyEdit(root: string, testCase: BadContentCase): Promise<{ editedText: string; editedLine: number; restore: () => Promise<void> }> {
  const target = path.join(root, testCase.file);
  const original = existsSync(target) ? await readFile(target) : undefined;
  const before = original?.toString("utf8") ?? "";
  const after = testCase.edit(before);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, after);
  const editedText = typeof after === "string" ? after : Buffer.from(after).toString("latin1");
  return { editedText, editedLine: firstChangedLine(before, editedText), restore: () => (original ? writeFile(target, original) : rm(target)) };
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every file of a folder with the digest of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries((await allFiles(dir)).map((file) => [file, digest(path.join(dir, file))]));
}

const REFUSED = CASES.filter((testCase) => testCase.expect !== "accepted");
const ACCEPTED = CASES.filter((testCase) => testCase.expect === "accepted");
/** The mistakes the spawned commands get at once: one per file, each found when that file is read, so none hides another. */
const SPAWNED = ["a word where a number belongs", "an impossible date (30 February)", "a misspelt value of a fixed list", "an unknown field in a category", "a number where text belongs", "promotion and course markers naming things that do not exist"].map(
  (name) => REFUSED.find((testCase) => testCase.name === name)!,
);

const outcomes = new Map<string, Outcome>();
let project: string;
const previousNow = process.env.SITE_NOW;

beforeAll(async () => {
  project = await copyProject("fixture");
  await copyWarmCache("fixture", project);
  process.env.SITE_NOW = CLOCKS.december;
  // One case at a time on one copy: each edit is undone before the next, so every case sees the fixture plus its own edit.
  for (const testCase of CASES) {
    const { editedText, editedLine, restore } = await applyEdit(project, testCase);
    const check = await loadResult(() => loadCheckedModel(project, { now: readSiteNow(), includeUnpublished: false }, undefined, { pictures: false }));
    const build = await loadResult(() => new SiteModelSource(project).get());
    outcomes.set(testCase.name, { editedText, editedLine, check, build });
    await restore();
  }
}, 300_000);

afterAll(async () => {
  if (previousNow === undefined) delete process.env.SITE_NOW;
  else process.env.SITE_NOW = previousNow;
  if (project) await removeFolder(project);
});

describe("the bad-content table", () => {
  it("covers at least 30 kinds of mistake across every kind of content file", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((testCase) => testCase.name)).size).toBe(CASES.length);
    const files = CASES.map((testCase) => testCase.file);
    for (const kind of [/^content\/articles\//, /^_data\/courses\//, /^_data\/schedule\.yaml$/, /^_data\/services\//, /^_data\/promotions\.yaml$/, /^_data\/locations\.yaml$/, /^_data\/instructors\.yaml$/, /^_data\/authors\.yaml$/, /^_data\/categories\.yaml$/, /^_data\/redirects\.yaml$/, /^_data\/site\.yaml$/]) {
      expect(files.some((file) => kind.test(file)), String(kind)).toBe(true);
    }
  });
});

/** Asserts that a load refused the case's content with each of its refusals, and without its absent texts. */
function expectRefused(testCase: BadContentCase, load: "check" | "build"): void {
  const outcome = outcomes.get(testCase.name)!;
  const { refused, report } = outcome[load];
  expect(refused, report).toBe(true);
  for (const refusal of refusalsOf(testCase)) expect(report).toMatch(refusalPattern(refusal, outcome));
  for (const text of testCase.absent ?? []) expect(report).not.toContain(text);
}

describe.each(REFUSED)("$name", (testCase) => {
  it("is refused by npm run check's loader, naming file, line and field", () => expectRefused(testCase, "check"));
});

describe.each(REFUSED)("$name", (testCase) => {
  it("is refused by the build, naming file, line and field", () => expectRefused(testCase, "build"));
});

describe.each(ACCEPTED)("$name", (testCase) => {
  it("is accepted by npm run check's loader and the build's site model, without a warning", () => {
    const outcome = outcomes.get(testCase.name)!;
    expect(outcome.check).toEqual({ refused: false, report: "" });
    expect(outcome.build).toEqual({ refused: false, report: "" });
  });
});

describe("the real commands on a copy holding several mistakes", () => {
  let root: string;
  let site: string;
  let good: Record<string, string>;
  const edited = new Map<string, Pick<Outcome, "editedText" | "editedLine">>();
  let check: CommandResult;
  let build: CommandResult;

  beforeAll(async () => {
    // The copy the table used: every case's edit has been undone, so it holds the fixture again.
    root = project;
    site = path.join(root, "_site");
    // The last good build: every accepted case at once, built as production is.
    const restores = [];
    for (const testCase of ACCEPTED) restores.push((await applyEdit(root, testCase)).restore);
    await buildSite(root, CLOCKS.december, "build", site);
    good = await snapshot(site);
    for (const restore of restores) await restore();
    for (const testCase of SPAWNED) edited.set(testCase.name, await applyEdit(root, testCase));
    [check, build] = await Promise.all([runInAsync(root, COMMANDS.check), runInAsync(root, COMMANDS.build)]);
  }, 300_000);

  it("builds the accepted encodings into pages of clean text: no byte-order mark, no carriage return, a heading", () => {
    for (const testCase of ACCEPTED) {
      const html = readFileSync(fileForUrl(site, testCase.page!), "utf8");
      expect(html, testCase.page).not.toContain("\uFEFF");
      expect(html, testCase.page).not.toContain("\r");
      expect(cheerio.load(html)("h1").text().trim().length, testCase.page).toBeGreaterThan(0);
    }
  });

  it("npm run check exits 1 and prints every mistake as file:line: field: message", () => {
    expect(check.status, check.stdout + check.stderr).toBe(1);
    for (const testCase of SPAWNED) for (const refusal of refusalsOf(testCase)) expect(check.stderr).toMatch(refusalPattern(refusal, edited.get(testCase.name)!));
    for (const text of SPAWNED.flatMap((testCase) => testCase.absent ?? [])) expect(check.stderr).not.toContain(text);
  });

  it("npm run build exits 1 and prints every mistake once, without a stack trace", () => {
    const output = build.stdout + build.stderr;
    expect(build.status, output).toBe(1);
    for (const testCase of SPAWNED) {
      for (const refusal of refusalsOf(testCase)) expect(output.match(new RegExp(refusalPattern(refusal, edited.get(testCase.name)!), "g")), `${testCase.name}\n${output}`).toHaveLength(1);
    }
    // Each file on a line of its own above its problems, as the failure report groups them.
    for (const testCase of SPAWNED) expect(output.split("\n").map((line) => line.trim())).toContain(testCase.file);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain("Original error stack trace");
  });

  it("a refused build leaves the last good _site/ byte for byte as it was, and no scratch folder", async () => {
    expect(await snapshot(site)).toEqual(good);
    expect((await readdir(root)).filter((entry) => entry.startsWith(".site-build-"))).toEqual([]);
  });
});

describe("the unedited sample content", () => {
  // In this process, from the run's warm cache of the sample: the spawned check above is the command line's test.
  it("passes npm run check, counting its articles", async () => {
    const root = await copyProject("sample");
    await copyWarmCache("sample", root);
    const result = await checkInProcess(root);
    await removeFolder(root);
    // Warnings (a title longer than a browser tab shows) are the editors' to weigh and do not fail the check:
    // whatever the sample holds next, nothing else may be printed.
    expect(result.stderr.split("\n").filter((line) => line !== "" && !line.includes(": warning: "))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Content is valid: \d+ articles/);
  });
});
