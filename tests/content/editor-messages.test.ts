import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILE_KINDS, loadFile, type FileKind } from "../../src/content/load-file.ts";
import { parsePageCopy } from "../../src/content/load-page-copy.ts";
import { formatProblem, type ContentProblem } from "../../src/content/problems.ts";
import { parseYaml } from "../../src/content/yaml-source.ts";
import { createFixture, loadProblems, MINIMAL_PROJECT, type Fixture } from "../support/content-fixture.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";

/**
 * Every message an editor can get from a mistake in one file names the file and the line and says the fix
 * without a word of the code behind it. The mistakes are generated: each kind of content file, broken in each
 * of the ways editors break files.
 */

/** Words of the implementation: zod's and the YAML parser's vocabulary, and type names after "expected". */
const IMPLEMENTATION_WORDS =
  /\b(schema|zod|scalar|nodes?|object|array|string|received|undefined|nan|boolean|bigint|int|implicit|flow|mapping|collection|enum|literal|union|regex|pattern|sequence|tag)\b|\bexpected (number|text|record|map)\b|Invalid input|Too (small|big)/i;

/** One content file of each kind, as a valid text to break, with the loader that reads it. */
const SOURCES: { kind: string; file: string; text: string; load: (file: string, text: string) => Promise<ContentProblem[]> }[] = [
  ...(
    [
      ["site", "_data/site.yaml"],
      ["person", "_data/authors.yaml"],
      ["person", "_data/instructors.yaml"],
      ["location", "_data/locations.yaml"],
      ["category", "_data/categories.yaml"],
      ["course", "_data/courses/java-fundamentals.yaml"],
      ["service", "_data/services/mentoring.yaml"],
      ["session", "_data/schedule.yaml"],
      ["promotion", "_data/promotions.yaml"],
      ["redirect", "_data/redirects.yaml"],
      ["policy", "_data/policies.yaml"],
      ["article", "content/articles/first-article.md"],
    ] as const
  ).map(([kind, file]) => ({ kind, file, text: MINIMAL_PROJECT[file]!, load: loader(FILE_KINDS[kind]) })),
  { kind: "learningPath", file: "_data/learning-paths.yaml", text: readFileSync(path.join(FIXTURE_ROOT, "_data/learning-paths.yaml"), "utf8"), load: loader(FILE_KINDS.learningPath) },
  {
    kind: "page copy",
    file: "content/copy/home.md",
    text: MINIMAL_PROJECT["content/copy/home.md"]!,
    load: async (file, text) => {
      const parsed = parsePageCopy(file, "home", text);
      return parsed.ok ? [] : parsed.problems;
    },
  },
];

function loader(kind: FileKind): (file: string, text: string) => Promise<ContentProblem[]> {
  return async (file, text) => (await loadFile(kind, file, text, FIXTURE_ROOT)).problems;
}

/** A way editors break a file: the broken text, or undefined where the file has nothing to break that way. */
type Mistake = { name: string; apply: (text: string) => string | undefined };

/** The first `field: value` line (in the front matter for a Markdown file), with its parts. */
const FIELD_LINE = /^( *(?:- )?)([A-Za-z]+):( +)(\S.*)$/m;

const replaceFirst = (text: string, pattern: RegExp, change: (match: RegExpExecArray) => string): string | undefined => {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index) + change(match) + text.slice(match.index + match[0].length) : undefined;
};

const MISTAKES: Mistake[] = [
  { name: "a tab in the indentation", apply: (text) => replaceFirst(text, /^ {2}(\S.*)$/m, (match) => `\t${match[1]}`) },
  { name: "a misspelt field", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]!.slice(0, -1)}:${match[3]}${match[4]}`) },
  { name: "a field written twice", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[0]}\n${match[0].replace(/^( *)- /, "$1  ")}`) },
  { name: "a quote never closed", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]}:${match[3]}"${match[4]!.replace(/"/g, "")}`) },
  { name: "a list where one value belongs", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]}:${match[3]}[one, two]`) },
  { name: "a list never closed", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]}:${match[3]}[${match[4]}`) },
  { name: "fields where one value belongs", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]}:${match[3]}{ first: one }`) },
  { name: "a field left empty", apply: (text) => replaceFirst(text, FIELD_LINE, (match) => `${match[1]}${match[2]}:`) },
  { name: "a price with $ and commas", apply: (text) => replaceFirst(text, /^( *)priceUSD: \d+$/m, (match) => `${match[1]}priceUSD: $1,200`) },
  { name: "a quoted price", apply: (text) => replaceFirst(text, /^( *)priceUSD: \d+$/m, (match) => `${match[1]}priceUSD: "$1,200"`) },
  { name: "a number in words", apply: (text) => replaceFirst(text, /^( *)(seats|durationDays|order|fewSeatsLeft): \d+$/m, (match) => `${match[1]}${match[2]}: twelve`) },
  { name: "an unquoted date", apply: (text) => replaceFirst(text, /"(\d{4}-\d\d-\d\d)"/, (match) => match[1]!) },
  { name: "an unquoted date-time", apply: (text) => replaceFirst(text, /"(\d{4}-\d\d-\d\d)(T\d\d:\d\d)?"/, (match) => `${match[1]}T09:00`) },
  { name: "a list where fields belong", apply: (text) => replaceFirst(text, /^(address|blocks|earlyBird):\n((?: {2}.*\n)+)/m, (match) => `${match[1]}:\n${match[2]!.replace(/^ {2}/gm, "  - ")}`) },
  { name: "fields where a list belongs", apply: (text) => replaceFirst(text, /^( *)(audience|objectives|topics|courses|navigation|didYouKnow|formats):\n((?:\1 {2}- .*\n)+)/m, (match) => `${match[1]}${match[2]}:\n${match[3]!.replace(/- /g, "item: ")}`) },
  { name: "the whole file as a list", apply: (text) => (/^- /m.test(text) || text.startsWith("---") ? undefined : `- ${text.replace(/\n(?=.)/g, "\n  ")}`) },
  { name: "the whole file as fields", apply: (text) => (/^- /.test(text) ? text.replace(/^- /gm, "entry: ").replace(/^ {2}/gm, "") : undefined) },
  { name: "front matter never closed", apply: (text) => (text.startsWith("---") ? text.replace(/\n---\n/, "\n") : undefined) },
  { name: "a heading where front matter belongs", apply: (text) => (text.startsWith("---") ? `# Title\n\n${text}` : undefined) },
];

const CASES = SOURCES.flatMap((source) =>
  MISTAKES.flatMap((mistake) => {
    const text = mistake.apply(source.text);
    return text === undefined || text === source.text ? [] : [{ ...source, mistake: mistake.name, broken: text }];
  }),
);

describe("every message a broken file gives names its file and line and says the fix in the editor's words", () => {
  it("covers every kind of content file with several mistakes each", () => {
    const kinds = new Set(CASES.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["article", "category", "course", "learningPath", "location", "page copy", "person", "policy", "promotion", "redirect", "service", "session", "site"]);
    for (const kind of kinds) expect(CASES.filter((entry) => entry.kind === kind).length).toBeGreaterThanOrEqual(6);
  });

  it.each(CASES.map((entry) => [`${entry.kind} (${entry.file}): ${entry.mistake}`, entry] as const))("%s", async (_name, entry) => {
    const problems = await entry.load(entry.file, entry.broken);
    if (process.env.DUMP_MESSAGES) console.log(`${entry.kind} / ${entry.mistake}\n  ${problems.map(formatProblem).join("\n  ")}`);
    expect(problems.length, "a broken file gives at least one message").toBeGreaterThan(0);
    for (const problem of problems) {
      const message = formatProblem(problem);
      expect(problem.file, message).toBe(entry.file);
      expect(problem.line, message).toBeGreaterThanOrEqual(1);
      expect(message, message).not.toMatch(IMPLEMENTATION_WORDS);
    }
  });
});

describe("the commonest mistakes get the fix itself", () => {
  const schedule = MINIMAL_PROJECT["_data/schedule.yaml"]!;
  const session = (text: string) => loader(FILE_KINDS.session)("_data/schedule.yaml", text);
  const messages = (problems: ContentProblem[]) => problems.map(formatProblem);

  it.each(["$1,200", '"$1,200"', "1,200"])("a price written %s says to write 1200", async (price) => {
    const problems = await session(schedule.replace("  seats: 12\n", `  seats: 12\n  priceUSD: ${price}\n  priceNote: Discount\n`));
    expect(messages(problems)).toEqual([expect.stringMatching(/^_data\/schedule\.yaml:\d+: \[0\]\.priceUSD: write the price as a number without \$ or commas: 1200$/)]);
  });

  it("a tab inside a schedule entry names its line and says to indent with spaces", async () => {
    const lines = schedule.split("\n");
    const seats = lines.findIndex((line) => line === "  seats: 12");
    lines[seats] = "\tseats: 12";
    expect(messages(await session(lines.join("\n")))).toEqual([`_data/schedule.yaml:${seats + 1}: line ${seats + 1} starts with a tab: indent with spaces`]);
  });

  it("a tab in a course file gets the same words", async () => {
    const text = MINIMAL_PROJECT["_data/courses/java-fundamentals.yaml"]!.replace("  - Developers", "\t- Developers");
    const problems = await loader(FILE_KINDS.course)("_data/courses/java-fundamentals.yaml", text);
    expect(problems).toEqual([{ file: "_data/courses/java-fundamentals.yaml", line: 9, field: "", message: "line 9 starts with a tab: indent with spaces" }]);
  });

  it("a tab inside a block of text, where YAML allows it, is not blamed for a mistake on another line", () => {
    const text = 'title: Go\nnotes: |\n    main:\n    \tgo build\nsummary: "never closed\n';
    const parsed = parseYaml("_data/notes.yaml", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([{ file: "_data/notes.yaml", line: 5, field: "", message: "a quote is opened here but never closed: add the closing quote" }]);
  });

  it("front matter without its closing --- says where it starts and what to add", async () => {
    const text = MINIMAL_PROJECT["content/articles/first-article.md"]!.replace("\n---\n", "\n");
    const problems = await loader(FILE_KINDS.article)("content/articles/first-article.md", text);
    expect(messages(problems)).toEqual(["content/articles/first-article.md:1: the front matter that starts on line 1 is never closed: add a line with --- after the last field"]);
  });

  it("a map where a list belongs asks for one - per item", async () => {
    const text = MINIMAL_PROJECT["_data/courses/java-fundamentals.yaml"]!.replace("outline:\n  - title: Basics\n    topics:\n      - Syntax\n", "outline:\n  title: Basics\n  topics:\n    - Syntax\n");
    const problems = await loader(FILE_KINDS.course)("_data/courses/java-fundamentals.yaml", text);
    expect(messages(problems)).toEqual([`_data/courses/java-fundamentals.yaml:12: outline: expected a list of entries with fields such as title: and topics:, one "- " per item`]);
  });

  it("a list where fields belong asks for fields such as the ones that belong there", async () => {
    const text = MINIMAL_PROJECT["_data/site.yaml"]!.replace("  street: 1 Main Street\n", "  - street: 1 Main Street\n").replace(/^ {2}(city|region|postalCode|country):/gm, "    $1:");
    const problems = await loader(FILE_KINDS.site)("_data/site.yaml", text);
    expect(messages(problems)).toEqual([expect.stringMatching(/^_data\/site\.yaml:\d+: address: expected fields such as street:, city: and region: here, not a list/)]);
  });

  it("a misspelt field suggests the right one, and the right one is not also reported missing", async () => {
    const problems = await session(schedule.replace("  seats: 12\n", "  seat: 12\n"));
    expect(messages(problems)).toEqual([expect.stringMatching(/^_data\/schedule\.yaml:\d+: \[0\]\.seat: unknown field seat: did you mean seats\?$/)]);
  });

  it("an unquoted date-time is refused like an unquoted date", async () => {
    const problems = await session(schedule.replace('start: "2027-01-12T09:00"', "start: 2027-01-12T09:00"));
    expect(messages(problems)).toEqual([expect.stringMatching(/^_data\/schedule\.yaml:\d+: \[0\]\.start: must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted \(npm run fix adds the quotes\)$/)]);
  });

  it("a quote never closed is reported on the line that opens it, not where the file runs out", async () => {
    const problems = await session(schedule.replace('  mode: classroom\n', '  mode: "classroom\n'));
    expect(messages(problems)).toEqual(["_data/schedule.yaml:5: a quote is opened here but never closed: add the closing quote"]);
  });

  it("an unclosed [ is reported on the line that opens it", async () => {
    const problems = await session(schedule.replace("  mode: classroom\n", "  mode: [classroom\n"));
    expect(messages(problems)).toEqual(["_data/schedule.yaml:5: a [ opened on this line is never closed: add the closing ], or put a value that starts with [ in double quotes"]);
  });

  it("a number written in words says what was written", async () => {
    const problems = await session(schedule.replace("  seats: 12\n", "  seats: twelve\n"));
    expect(messages(problems)).toEqual([expect.stringMatching(/\[0\]\.seats: must be a number such as 12, not "twelve"$/)]);
  });
});

describe("one broken file gives one message, not a cascade", () => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await createFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it("authors.yaml written as a list gives one message, and no article reports its author missing", async () => {
    await fixture.write("_data/authors.yaml", "- name: Jane Doe\n  role: Writer\n  bio: Writes articles.\n- name: HSG\n  role: Editorial team\n  bio: The team.\n");
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/authors.yaml", line: 1, field: "", message: "must hold entries by id: each starts at the beginning of a line with its id and a colon, with its fields indented below" }]);
  });

  it("a schedule written as fields gives one message", async () => {
    await fixture.write("_data/schedule.yaml", MINIMAL_PROJECT["_data/schedule.yaml"]!.replace(/^- /gm, "session: ").replace(/^ {2}/gm, ""));
    const problems = await loadProblems(fixture.root);
    expect(problems.filter((problem) => problem.file === "_data/schedule.yaml")).toHaveLength(1);
  });
});
