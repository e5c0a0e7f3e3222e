// Every kind of mistake an editor can make, run through `npm run check` (the real script, spawned) and the
// production build (Eleventy's API with the project's own configuration, in this worker), on a copy of the
// tests' fixture content. Adding a case is one entry in CASES.
import { existsSync, readFileSync } from "node:fs";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject, FIXTURE_ROOT, removeFolder } from "../support/project-copy.ts";
import { COMMANDS, runInAsync, type CommandResult } from "../support/sample-project.ts";
import { fileForUrl } from "../support/site-output.ts";

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
  /** What check and build must report, or "accepted": both pass and `page` is written. */
  expect: Refusal | "accepted";
  /** The page of the entity concerned: never written when refused, written when accepted. */
  page: string;
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
/** Edits the java-fundamentals-2026-12-den entry of the schedule only. */
const inSession = (change: (entry: string) => string) => (text: string) => {
  const start = text.indexOf(`- id: ${SESSION}\n`);
  const end = text.indexOf("\n- id:", start + 1);
  if (start < 0 || end < 0) throw new Error(`${SESSION} is not in the fixture's schedule`);
  return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
};

const CASES: BadContentCase[] = [
  // YAML syntax, wrong types, unknown fields
  { name: "YAML syntax in a course", file: COURSE, edit: once(/^title: (.*)$/m, "title: [unclosed, $1"), expect: { file: COURSE, field: "", message: "YAML syntax" }, page: COURSE_PAGE },
  { name: "YAML syntax in front matter", file: ARTICLE, edit: once(/^tags: \[(.*)\]$/m, "tags: [$1"), expect: { file: ARTICLE, field: "", message: "YAML syntax" }, page: ARTICLE_PAGE },
  { name: "YAML syntax in locations", file: "_data/locations.yaml", edit: once(/^(\s+)name: HSG Training Center$/m, "$1name: [HSG Training Center"), expect: { file: "_data/locations.yaml", field: "", message: "YAML syntax" }, page: "/about/" },
  { name: "a word where a number belongs", file: COURSE, edit: once(/^durationDays: 5$/m, "durationDays: five"), expect: { file: COURSE, field: "durationDays", line: "edited", message: "expected number" }, page: COURSE_PAGE },
  { name: "a word where a number belongs in a service", file: SERVICE, edit: once(/^order: 3$/m, "order: third"), expect: { file: SERVICE, field: "order", line: "edited", message: "expected number" }, page: "/consulting/team-mentoring/" },
  { name: "a number where text belongs", file: "_data/locations.yaml", edit: once('postalCode: "80111"', "postalCode: 80111"), expect: { file: "_data/locations.yaml", field: "denver-tech-center.postalCode", line: "edited", message: "string" }, page: "/about/" },
  { name: "a misspelt value of a fixed list", file: SCHEDULE, edit: inSession(once("mode: classroom", "mode: classrom")), expect: { file: SCHEDULE, field: "[2].mode", line: "edited", message: "classroom" }, page: SESSION_PAGE },
  { name: "an unknown field in a course", file: COURSE, edit: once(/^title:/m, "titel:"), expect: { file: COURSE, field: "titel", line: 1, message: "unknown field" }, page: COURSE_PAGE },
  { name: "an unknown field in front matter", file: ARTICLE, edit: once(/^author: /m, "autor: "), expect: { file: ARTICLE, field: "autor", line: "edited", message: "unknown field" }, page: ARTICLE_PAGE },
  { name: "an unknown field in a category", file: "_data/categories.yaml", edit: once("  description: Object-oriented", "  descripton: Object-oriented"), expect: { file: "_data/categories.yaml", field: "programming-languages.descripton", line: "edited", message: "unknown field" }, page: "/courses/category/programming-languages/" },
  { name: "a required field left out of an instructor", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, ""), expect: { file: "_data/instructors.yaml", field: "david-okafor.role", line: { containing: "david-okafor:" }, message: "is required" }, page: "/about/" },
  { name: "an e-mail address that is not one in site.yaml", file: "_data/site.yaml", edit: once(/^email: .*$/m, "email: info at hartmannsoftware"), expect: { file: "_data/site.yaml", field: "email", line: "edited", message: "mail" }, page: "/contact/" },

  // Dates and times
  { name: "an impossible date (30 February)", file: ARTICLE, edit: once(/^date: .*$/m, 'date: "2025-02-30"'), expect: { file: ARTICLE, field: "date", line: "edited", message: '"2025-02-30" is not a real date' }, page: ARTICLE_PAGE },
  { name: "an impossible session start (31 November)", file: SCHEDULE, edit: inSession(once('start: "2026-12-07T09:00"', 'start: "2026-11-31T09:00"')), expect: { file: SCHEDULE, field: "[2].start", line: "edited", message: "not a real date" }, page: SESSION_PAGE },
  { name: "an unquoted date YAML would roll over", file: "_data/promotions.yaml", edit: once('validFrom: "2026-11-01"', "validFrom: 2026-11-31"), expect: { file: "_data/promotions.yaml", field: "[0].validFrom", line: "edited", message: "must be a quoted string" }, page: "/" },
  { name: "a time skipped by the daylight-saving change (2027-03-14T02:30 Denver)", file: SCHEDULE, edit: inSession(once('start: "2026-12-07T09:00"', 'start: "2027-03-14T02:30"')), expect: { file: SCHEDULE, field: "[2].start", line: "edited", message: "does not exist in America/Denver" }, page: SESSION_PAGE },
  { name: "a session that ends before it starts", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-04T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "must be after start" }, page: SESSION_PAGE },
  { name: "an article updated before it was written", file: ARTICLE, edit: once(/^author: /m, 'updated: "2020-01-01"\nauthor: '), expect: { file: ARTICLE, field: "updated", line: "edited", message: "must not be before date" }, page: ARTICLE_PAGE },
  { name: "a promotion that ends before it starts", file: "_data/promotions.yaml", edit: once('validUntil: "2027-01-31"', 'validUntil: "2026-10-31"'), expect: { file: "_data/promotions.yaml", field: "[0].validUntil", line: "edited", message: "must not be before validFrom" }, page: "/" },

  // A session outside its course's length
  { name: "a five-day course scheduled over two days", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-08T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "gives 2 teaching days" }, page: SESSION_PAGE },
  { name: "a five-day course scheduled over nine days", file: SCHEDULE, edit: inSession(once('end: "2026-12-11T16:30"', 'end: "2026-12-15T16:30"')), expect: { file: SCHEDULE, field: "[2].end", line: "edited", message: "gives 7 teaching days" }, page: SESSION_PAGE },

  // Dangling references and duplicate ids
  { name: "a session of a course that does not exist", file: SCHEDULE, edit: inSession(once("course: java-fundamentals", "course: java-fundamental")), expect: { file: SCHEDULE, field: "[2].course", line: "edited", message: 'course "java-fundamental" does not exist' }, page: SESSION_PAGE },
  { name: "a session with an unknown instructor", file: SCHEDULE, edit: inSession(once("instructor: elena-marsh", "instructor: elena-marx")), expect: { file: SCHEDULE, field: "[2].instructor", line: "edited", message: 'instructor "elena-marx" does not exist' }, page: SESSION_PAGE },
  { name: "a session at an unknown location", file: SCHEDULE, edit: inSession(once("location: denver-downtown", "location: boulder")), expect: { file: SCHEDULE, field: "[2].location", line: "edited", message: 'location "boulder" does not exist' }, page: SESSION_PAGE },
  { name: "an article by an unknown author", file: ARTICLE, edit: once("author: dana-whitfield", "author: dana-whitfeld"), expect: { file: ARTICLE, field: "author", line: "edited", message: 'author "dana-whitfeld" does not exist' }, page: ARTICLE_PAGE },
  { name: "a course in an unknown category", file: COURSE, edit: once("category: programming-languages", "category: programing"), expect: { file: COURSE, field: "category", line: "edited", message: 'category "programing" does not exist' }, page: COURSE_PAGE },
  { name: "a service naming an unknown course", file: SERVICE, edit: once(/^relatedCourses:\n/m, "relatedCourses:\n  - cobol-basics\n"), expect: { file: SERVICE, field: "relatedCourses[0]", line: { containing: "cobol-basics" }, message: 'course "cobol-basics" does not exist' }, page: "/consulting/team-mentoring/" },
  { name: "two sessions with one id", file: SCHEDULE, edit: inSession(once(`- id: ${SESSION}`, "- id: restful-web-services-2026-11-dtc")), expect: { file: SCHEDULE, field: "[2].id", line: "edited", message: "is already used at line" }, page: "/schedule/" },
  { name: "two authors with one id", file: "_data/authors.yaml", edit: append("hsg:\n  name: HSG again\n  role: Duplicate\n  bio: A second entry under the same id.\n"), expect: { file: "_data/authors.yaml", field: "", line: "edited", message: "Map keys must be unique" }, page: "/authors/hsg/" },
  { name: "two services in one place of the order", file: SERVICE, edit: once(/^order: 3$/m, "order: 2"), expect: { file: SERVICE, field: "order", line: "edited", message: "is already used by" }, page: "/consulting/team-mentoring/" },

  // Bad slugs and tags that collide
  { name: "an article file name with capitals and spaces", file: "content/articles/My New Article.md", edit: newFile('---\ntitle: "A New Article"\ndate: "2026-11-02"\nauthor: hsg\nsummary: An article whose file name cannot be a web address.\n---\n\nText.\n'), expect: { file: "content/articles/My New Article.md", field: "", message: 'file name "My New Article" must be lowercase' }, page: "/articles/" },
  { name: "a course file name with capitals", file: "_data/courses/Java-Basics.yaml", edit: copyOf(COURSE), expect: { file: "_data/courses/Java-Basics.yaml", field: "", message: 'file name "Java-Basics" must be lowercase' }, page: "/courses/" },
  { name: "two tags that would share one page", file: ARTICLE, edit: once("tags: [Performance, Java, Architecture]", "tags: [Performance, Java, Architecture, C#, C Sharp]"), expect: { file: ARTICLE, field: "tags[4]", line: "edited", message: "would share the page /articles/tags/c-sharp/" }, page: ARTICLE_PAGE },

  // Markup, control characters and oversized fields
  { name: "a <script> element in a course title", file: COURSE, edit: once(/^title: .*$/m, 'title: "Java <script>alert(1)</script>"'), expect: { file: COURSE, field: "title", line: "edited", message: "without HTML tags such as <script>" }, page: COURSE_PAGE },
  { name: "a <b> element in an article title", file: ARTICLE, edit: once(/^title: .*$/m, 'title: "Profile <b>Before</b> You Rewrite"'), expect: { file: ARTICLE, field: "title", line: "edited", message: "without HTML tags such as <b>" }, page: ARTICLE_PAGE },
  { name: "a control character in an article title", file: ARTICLE, edit: once(/^title: .*$/m, 'title: "Profile Before\\u0007 You Rewrite"'), expect: { file: ARTICLE, field: "title", line: "edited", message: "control character U+0007" }, page: ARTICLE_PAGE },
  { name: "a control character in a promotion title", file: "_data/promotions.yaml", edit: once(/^- title: Half-Price Books(.*)$/m, '- title: "Half-Price\\u001b Books$1"'), expect: { file: "_data/promotions.yaml", field: "[0].title", line: "edited", message: "control character U+001B" }, page: "/" },
  { name: "a course title of 300 characters", file: COURSE, edit: once(/^title: .*$/m, `title: ${"Java ".repeat(60).trim()}`), expect: { file: COURSE, field: "title", line: "edited", message: "at most 120 characters" }, page: COURSE_PAGE },
  { name: "an article summary over its limit", file: ARTICLE, edit: once(/^summary: .*$/m, `summary: ${"Measure first. ".repeat(15).trim()}`), expect: { file: ARTICLE, field: "summary", line: "edited", message: "at most 200 characters" }, page: ARTICLE_PAGE },

  // Redirects
  { name: "a redirect loop", file: "_data/redirects.yaml", edit: append("- from: /ping/\n  to: /pong/\n- from: /pong/\n  to: /ping/\n"), expect: { file: "_data/redirects.yaml", field: "[5].to", line: { containing: "to: /pong/" }, message: "redirect loop" }, page: "/" },
  { name: "a redirect to itself", file: "_data/redirects.yaml", edit: append("- from: /circle\n  to: /circle/\n"), expect: { file: "_data/redirects.yaml", field: "[5].to", line: { containing: "to: /circle/" }, message: "to itself" }, page: "/" },

  // Markdown bodies: images, headings and links between pages
  { name: "an image without alt text", file: ARTICLE, edit: append("\n![](/images/pairing-station.png)\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'image "/images/pairing-station.png" has no alt text' }, page: ARTICLE_PAGE },
  { name: "a missing image", file: ARTICLE, edit: append("\n![Response times before and after the change](response-times.png)\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'image "response-times.png" (content/images/response-times.png) does not exist' }, page: ARTICLE_PAGE },
  { name: "a lead image without imageAlt", file: ARTICLE, edit: once(/^author: /m, "image: /images/pairing-station.png\nauthor: "), expect: { file: ARTICLE, field: "imageAlt", message: "is required with image" }, page: ARTICLE_PAGE },
  { name: "an instructor photo that does not exist", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, "$&  photo: /images/david-okafor.jpg\n  photoAlt: David Okafor in a server room\n"), expect: { file: "_data/instructors.yaml", field: "david-okafor.photo", line: "edited", message: 'image "/images/david-okafor.jpg" (content/images/david-okafor.jpg) does not exist' }, page: "/instructors/david-okafor/" },
  { name: "an instructor photo without photoAlt", file: "_data/instructors.yaml", edit: once(/^ {2}role: Senior Instructor, Systems and Cloud\n/m, "$&  photo: /images/elena-marsh.png\n"), expect: { file: "_data/instructors.yaml", field: "david-okafor.photoAlt", line: { containing: "david-okafor:" }, message: "is required with photo" }, page: "/instructors/david-okafor/" },
  { name: "a level-1 heading in an article body", file: ARTICLE, edit: append("\n# One more thing\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: '"# One more thing" is a level-1 heading' }, page: ARTICLE_PAGE },
  { name: "a link to a page the site does not have", file: ARTICLE, edit: append("\nSee [our Java course](/courses/java-fundamental/).\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: 'link "/courses/java-fundamental/" leads to no page of this site: did you mean "/courses/java-fundamentals/"?' }, page: ARTICLE_PAGE },
  { name: "a link to a section an article does not have", file: ARTICLE, edit: append("\nSee [the rules](/articles/isolating-business-rules/#no-such-section).\n"), expect: { file: ARTICLE, field: "body", line: "edited", message: "names #no-such-section, which /articles/isolating-business-rules/ does not have" }, page: ARTICLE_PAGE },

  // Encodings: a byte-order mark and Windows line ends are accepted; bytes that are not UTF-8 are refused
  { name: "a course saved with a byte-order mark", file: COURSE, edit: (text) => `\uFEFF${text}`, expect: "accepted", page: COURSE_PAGE },
  { name: "an article saved with Windows line ends (CRLF)", file: ARTICLE, edit: (text) => text.replace(/\n/g, "\r\n"), expect: "accepted", page: ARTICLE_PAGE },
  { name: "a schedule saved with a byte-order mark and CRLF", file: SCHEDULE, edit: (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`, expect: "accepted", page: SESSION_PAGE },
  {
    name: "a course saved as Latin-1, not UTF-8",
    file: COURSE,
    edit: (text) => Buffer.from(once(/^summary: (.*)$/m, "summary: Für Entwickler: $1")(text), "latin1"),
    expect: { file: COURSE, field: "", line: { containing: "summary:" }, message: "is not UTF-8" },
    page: COURSE_PAGE,
  },
];

/** What one case did: the edited text (for line numbers), and both commands' outcomes. */
interface Outcome {
  root: string;
  editedText: string;
  editedLine: number;
  check: CommandResult;
  build: { failed: boolean; output: string };
}

/** The 1-based number of the first line where two texts differ. */
function firstChangedLine(before: string, after: string): number {
  const a = before.split("\n");
  const b = after.split("\n");
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index + 1;
}

/** The messages of an error and of the errors it wraps (Eleventy wraps the content error in its own). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let current = error as { message?: unknown; originalError?: unknown; cause?: unknown } | undefined; current && parts.length < 10; current = (current.originalError ?? current.cause) as typeof current) {
    parts.push(String(current.message));
  }
  return parts.join("\n");
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `file:line: field: message` line a refusal must produce, as a pattern over the command output. */
function refusalPattern(refusal: Refusal, outcome: Outcome): RegExp {
  const line =
    refusal.line === undefined
      ? "(?::\\d+)?"
      : `:${refusal.line === "edited" ? outcome.editedLine : typeof refusal.line === "number" ? refusal.line : outcome.editedText.split(/\r?\n/).findIndex((text) => text.includes((refusal.line as { containing: string }).containing)) + 1}`;
  const field = refusal.field ? `${escape(refusal.field)}: ` : "";
  return new RegExp(`${escape(refusal.file)}${line}: ${field}[^\\n]*${escape(refusal.message)}`);
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  // Every case gets its own copy, edited once.
  const prepared = await Promise.all(
    CASES.map(async (testCase) => {
      const root = await copyProject("fixture", { shareCache: true });
      const target = path.join(root, testCase.file);
      const before = existsSync(target) ? await readFile(target, "utf8") : "";
      const after = testCase.edit(before);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, after);
      const editedText = typeof after === "string" ? after : Buffer.from(after).toString("latin1");
      return { testCase, root, editedText, editedLine: firstChangedLine(before, editedText) };
    }),
  );
  // Checks run as separate processes, two at a time; builds run here one after another meanwhile (they share
  // the social-image cache, which is safe only one at a time). Two cores: this keeps both busy, no more.
  const builds = (async () => {
    const results: { failed: boolean; output: string }[] = [];
    for (const { root } of prepared) {
      results.push(await buildSite(root, CLOCKS.december, "build", path.join(root, "_site")).then(() => ({ failed: false, output: "" }), (error: unknown) => ({ failed: true, output: messages(error) })));
    }
    return results;
  })();
  const checks = inBatches(prepared, 2, ({ root }) => runInAsync(root, COMMANDS.check));
  const [buildResults, checkResults] = await Promise.all([builds, checks]);
  prepared.forEach(({ testCase, root, editedText, editedLine }, index) => {
    outcomes.set(testCase.name, { root, editedText, editedLine, check: checkResults[index]!, build: buildResults[index]! });
  });
}, 600_000);

afterAll(async () => {
  await Promise.all([...outcomes.values()].map(({ root }) => removeFolder(root)));
});

describe("the bad-content table", () => {
  it("covers at least 30 kinds of mistake across every kind of content file", () => {
    expect(CASES.filter((testCase) => testCase.expect !== "accepted").length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((testCase) => testCase.name)).size).toBe(CASES.length);
    const files = CASES.map((testCase) => testCase.file);
    for (const kind of [/^content\/articles\//, /^_data\/courses\//, /^_data\/schedule\.yaml$/, /^_data\/services\//, /^_data\/promotions\.yaml$/, /^_data\/locations\.yaml$/, /^_data\/instructors\.yaml$/, /^_data\/authors\.yaml$/, /^_data\/categories\.yaml$/, /^_data\/redirects\.yaml$/, /^_data\/site\.yaml$/]) {
      expect(files.some((file) => kind.test(file)), String(kind)).toBe(true);
    }
  });
});

describe.each(CASES.filter((testCase) => testCase.expect !== "accepted"))("$name", (testCase) => {
  const refusal = testCase.expect as Refusal;

  it("fails npm run check, naming file, line and field", () => {
    const outcome = outcomes.get(testCase.name)!;
    expect(outcome.check.status, outcome.check.stdout + outcome.check.stderr).toBe(1);
    expect(outcome.check.stderr).toMatch(refusalPattern(refusal, outcome));
  });

  it("fails the build, naming file, line and field, and publishes no page for it", () => {
    const outcome = outcomes.get(testCase.name)!;
    expect(outcome.build.failed).toBe(true);
    expect(outcome.build.output).toMatch(refusalPattern(refusal, outcome));
    expect(existsSync(fileForUrl(path.join(outcome.root, "_site"), testCase.page)), testCase.page).toBe(false);
  });
});

describe.each(CASES.filter((testCase) => testCase.expect === "accepted"))("$name", (testCase) => {
  it("passes npm run check and the build, and the page shows clean text", () => {
    const outcome = outcomes.get(testCase.name)!;
    expect(outcome.check.stderr).toBe("");
    expect(outcome.check.status).toBe(0);
    expect(outcome.build).toEqual({ failed: false, output: "" });
    const html = readFileSync(fileForUrl(path.join(outcome.root, "_site"), testCase.page), "utf8");
    expect(html).not.toContain("\uFEFF");
    expect(html).not.toContain("\r");
    expect(cheerio.load(html)("h1").text().trim().length).toBeGreaterThan(0);
  });
});

describe("the real commands", () => {
  it("the unedited sample content passes npm run check", async () => {
    const root = await copyProject("sample");
    const result = await runInAsync(root, COMMANDS.check);
    await removeFolder(root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Content is valid: \d+ articles/);
  });

  it("the build command exits non-zero on bad content and prints each problem with its file", async () => {
    const root = await copyProject("fixture");
    await writeFile(path.join(root, COURSE), (await readFile(path.join(root, COURSE), "utf8")).replace("durationDays: 5", "durationDays: five"));
    await writeFile(path.join(root, ARTICLE), (await readFile(path.join(root, ARTICLE), "utf8")).replace(/^date: .*$/m, 'date: "2025-02-30"'));
    const result = await runInAsync(root, COMMANDS.build);
    await removeFolder(root);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/_data\/courses\/java-fundamentals\.yaml:4: durationDays: /);
    expect(result.stdout + result.stderr).toMatch(/content\/articles\/profile-before-you-rewrite\.md:3: date: "2025-02-30" is not a real date/);
  });
});
