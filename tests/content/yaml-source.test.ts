import { describe, expect, it } from "vitest";
import { parseYaml, sourceFromLines, TEXT_START, validate, type YamlSource } from "../../src/content/yaml-source.ts";
import { courseSchema } from "../../src/schemas/course.ts";
import { dateTimeField } from "../../src/schemas/fields.ts";
import { personSchema } from "../../src/schemas/person.ts";
import { sessionSchema } from "../../src/schemas/session.ts";

/** Parses text that must be valid YAML. */
function source(text: string, file = "_data/test.yaml"): YamlSource {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new Error(`expected valid YAML, got ${JSON.stringify(parsed.problems)}`);
  return parsed.source;
}

const COURSE_TEXT = `title: Java
outline:
  - title: Basics
    topics:
      - Syntax
      - Types

  - title: Objects
    topics: [Classes, Interfaces]
formats:
  - public-classroom
`;

describe("parseYaml: values", () => {
  it("returns the plain JavaScript value and the file", () => {
    const parsed = source("a: 1\nb: [x, y]\nc: { d: true }\n", "_data/site.yaml");
    expect(parsed.file).toBe("_data/site.yaml");
    expect(parsed.value).toEqual({ a: 1, b: ["x", "y"], c: { d: true } });
  });

  it("turns unquoted dates into Date objects, so the schema can refuse them", () => {
    const value = source('a: 2026-12-07\nb: 2027-01-12T09:00:00\nc: "2026-12-07"\n').value as Record<string, unknown>;
    expect(value.a).toBeInstanceOf(Date);
    expect((value.a as Date).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(value.b).toBeInstanceOf(Date);
    expect(value.c).toBe("2026-12-07");
  });

  it("reads YAML 1.2: no, yes, on and off stay strings", () => {
    expect(source("a: no\nb: yes\nc: on\nd: off\ne: NO\n").value).toEqual({ a: "no", b: "yes", c: "on", d: "off", e: "NO" });
  });

  it("still reads true and false as booleans", () => {
    expect(source("a: true\nb: false\n").value).toEqual({ a: true, b: false });
  });

  it("returns null for an empty file", () => {
    expect(source("").value).toBeNull();
  });
});

describe("parseYaml: lines", () => {
  const parsed = source(COURSE_TEXT);

  it("gives 1-based lines of top-level keys", () => {
    expect(parsed.lineOf(["title"])).toBe(1);
    expect(parsed.lineOf(["outline"])).toBe(2);
    expect(parsed.lineOf(["formats"])).toBe(10);
  });

  it("gives the line of list entries and nested fields", () => {
    expect(parsed.lineOf(["outline", 0])).toBe(3);
    expect(parsed.lineOf(["outline", 0, "title"])).toBe(3);
    expect(parsed.lineOf(["outline", 0, "topics"])).toBe(4);
    expect(parsed.lineOf(["outline", 0, "topics", 0])).toBe(5);
    expect(parsed.lineOf(["outline", 0, "topics", 1])).toBe(6);
    expect(parsed.lineOf(["outline", 1])).toBe(8);
    expect(parsed.lineOf(["outline", 1, "topics"])).toBe(9);
    expect(parsed.lineOf(["formats", 0])).toBe(11);
  });

  it("gives the document's first line for the empty path", () => {
    expect(parsed.lineOf([])).toBe(1);
  });

  it("falls back to the nearest existing parent for a missing field", () => {
    expect(parsed.lineOf(["outline", 1, "summary"])).toBe(8);
    expect(parsed.lineOf(["outline", 7])).toBe(2);
    expect(parsed.lineOf(["outline", 0, "topics", 9])).toBe(4);
    expect(parsed.lineOf(["nothing", "here"])).toBe(1);
  });

  it("finds entries of a list of maps, such as the schedule", () => {
    const schedule = source('- id: a\n  start: "2027-01-12T09:00"\n- id: b\n  course: java\n  start: "2027-07-12T09:00"\n');
    expect(schedule.lineOf([0, "start"])).toBe(2);
    expect(schedule.lineOf([1])).toBe(3);
    expect(schedule.lineOf([1, "start"])).toBe(5);
  });

  it("finds entries of a map of maps, such as authors", () => {
    const authors = source("# comment\njane-doe:\n  name: Jane\n\nhsg:\n  name: HSG\n  bio: Team\n");
    expect(authors.lineOf(["jane-doe"])).toBe(2);
    expect(authors.lineOf(["hsg", "bio"])).toBe(7);
  });

  it("finds flow-style entries on their own lines", () => {
    const site = source("navigation:\n  - { label: Articles, url: /articles/ }\n  - { label: Courses, url: /courses/ }\n");
    expect(site.lineOf(["navigation", 1, "url"])).toBe(3);
  });

  it("gives the line a text value's text starts on: below a block's indicator and its opening blank lines, else the value's own", () => {
    const text = [
      "one: |", // 1
      "  A single line.", // 2
      "opening: |-", // 3
      "", // 4
      "  After a blank line.", // 5
      "folded: >", // 6
      "  Folded text.", // 7
      "plain: Plain text.", // 8
      "below:", // 9
      "  Plain text below its key,", // 10
      "  over two lines.", // 11
      'quoted: "A quoted text."', // 12
      "list:", // 13
      "  - body: |", // 14
      "      In a list.", // 15
      "number: 7", // 16
    ].join("\n");
    const texts = source(text);
    const starts = ["one", "opening", "folded", "plain", "below", "quoted"].map((key) => texts.lineOf([key, TEXT_START]));
    expect(starts).toEqual([2, 5, 7, 8, 10, 12]);
    expect(texts.lineOf(["list", 0, "body", TEXT_START])).toBe(15);
    // What holds no text answers its own line, as a missing field does.
    expect(texts.lineOf(["number", TEXT_START])).toBe(16);
    expect(texts.lineOf(["list", TEXT_START])).toBe(13);
    // The line table the cache keeps answers the same.
    const parse = parseYaml("x.yaml", text);
    const cached = sourceFromLines("x.yaml", parse.ok ? parse.lines : {});
    expect(["one", "opening", "folded", "plain", "below", "quoted"].map((key) => cached.lineOf([key, TEXT_START]))).toEqual(starts);
  });

  it("counts a leading newline, as front matter handed over after its opening --- has one", () => {
    const shifted = source(`\n${COURSE_TEXT}`);
    expect(shifted.lineOf(["title"])).toBe(2);
    expect(shifted.lineOf(["outline", 0, "topics", 1])).toBe(7);
    expect(shifted.lineOf(["formats", 0])).toBe(12);
  });
});

describe("parseYaml: syntax errors", () => {
  it("reports a syntax error as a problem of the file, not a value", () => {
    const parsed = parseYaml("_data/broken.yaml", "title: Java\noutline: [Basics\nformats: x\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0]).toMatchObject({ file: "_data/broken.yaml", line: 2, field: "", message: expect.stringMatching(/^a \[ opened on this line is never closed/) });
  });

  it("reports a duplicate key on the line of the second one", () => {
    const parsed = parseYaml("_data/dup.yaml", "title: A\nsummary: B\ntitle: C\n");
    expect(parsed).toEqual({ ok: false, problems: [{ file: "_data/dup.yaml", line: 3, field: "", message: "title is written twice at the same level (first on line 1): keep one" }] });
  });

  it("reports a syntax error in front matter on the file's line", () => {
    const parsed = parseYaml("content/articles/a.md", "\ntitle: A\nsummary: B\ntitle: C\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.line)).toEqual([4]);
  });

  it("does not repeat the position inside the message", () => {
    const parsed = parseYaml("_data/dup.yaml", "title: A\ntitle: C\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const problem of parsed.problems) expect(problem.message).not.toMatch(/at line \d+/);
  });
});

describe("validate", () => {
  it("returns the typed data when the value is valid", () => {
    const people = source("jane:\n  name: Jane\n  role: Writer\n  bio: Writes.\n");
    const result = validate(personSchema, people, (people.value as Record<string, unknown>).jane, ["jane"]);
    expect(result).toEqual({ ok: true, data: { name: "Jane", role: "Writer", bio: "Writes." } });
  });

  it("maps each issue to the file, line and field of the value", () => {
    const schedule = source(
      `- id: first
  course: java
  start: "2027-01-12T09:00"
  end: "2027-01-12T17:00"
  mode: online
  instructor: elena
  seats: 10
- id: second
  course: java
  start: "2027-01-12T09:00"
  end: "2027-01-11T17:00"
  mode: hybrid
  instructor: elena
  seats: "ten"
`,
      "_data/schedule.yaml",
    );
    const entries = schedule.value as unknown[];
    expect(validate(sessionSchema, schedule, entries[0], [0]).ok).toBe(true);
    const result = validate(sessionSchema, schedule, entries[1], [1]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: "_data/schedule.yaml", line: 12, field: "[1].mode", message: '"hybrid" is not one of "classroom", "online", "onsite"' },
      { file: "_data/schedule.yaml", line: 14, field: "[1].seats", message: 'must be a number such as 12, not "ten"' },
    ]);
  });

  it("says 'is required' for a missing field and points at the entry that lacks it", () => {
    const people = source("jane:\n  name: Jane\n  role: Writer\n", "_data/authors.yaml");
    const result = validate(personSchema, people, (people.value as Record<string, unknown>).jane, ["jane"]);
    expect(result).toEqual({ ok: false, problems: [{ file: "_data/authors.yaml", line: 1, field: "jane.bio", message: "is required" }] });
  });

  it("gives nested fields their editor-facing names and lines", () => {
    const course = source(COURSE_TEXT.replace("  - title: Objects\n", "  - title: ' '\n"), "_data/courses/java.yaml");
    const result = validate(courseSchema, course, course.value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ file: "_data/courses/java.yaml", line: 8, field: "outline[1].title", message: "must not be empty" });
  });

  it("reports each unknown key on its own line", () => {
    const people = source("jane:\n  name: Jane\n  titel: Dr.\n  role: Writer\n  bio: Writes.\n  emial: jane@example.com\n", "_data/authors.yaml");
    const result = validate(personSchema, people, (people.value as Record<string, unknown>).jane, ["jane"]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { file: "_data/authors.yaml", line: 3, field: "jane.titel", message: "unknown field titel: the fields here are name, role, bio, photo, photoAlt" },
        { file: "_data/authors.yaml", line: 6, field: "jane.emial", message: "unknown field emial: the fields here are name, role, bio, photo, photoAlt" },
      ],
    });
  });

  it("reports unknown keys in nested objects with their full field names", () => {
    const course = source(COURSE_TEXT.replace("    topics: [Classes, Interfaces]\n", "    topics: [Classes, Interfaces]\n    topic: typo\n"), "_data/courses/java.yaml");
    const result = validate(courseSchema, course, course.value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ file: "_data/courses/java.yaml", line: 10, field: "outline[1].topic", message: "unknown field topic: did you mean topics?" });
  });

  it("reports validation problems in front matter on the file's line", () => {
    const frontMatter = source("\nname: Jane\nrole: Writer\nbio: ''\n", "content/articles/a.md");
    const result = validate(personSchema, frontMatter, frontMatter.value);
    expect(result).toEqual({ ok: false, problems: [{ file: "content/articles/a.md", line: 4, field: "bio", message: "must not be empty" }] });
  });

  it("reports an unquoted date with the schema's explanation", () => {
    const schedule = source("start: 2027-01-12T09:00:00\n", "_data/x.yaml");
    const result = validate(dateTimeField, schedule, (schedule.value as Record<string, unknown>).start, ["start"]);
    expect(result).toEqual({
      ok: false,
      problems: [{ file: "_data/x.yaml", line: 1, field: "start", message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)' }],
    });
  });
});

describe("sourceFromLines", () => {
  it("answers every lineOf question as the parsed text does, from a table that survives JSON", () => {
    const parsed = parseYaml("_data/courses/test.yaml", COURSE_TEXT);
    if (!parsed.ok) throw new Error("fixture must parse");
    const cached = sourceFromLines(parsed.source.file, JSON.parse(JSON.stringify(parsed.lines)) as Record<string, number>);
    const paths: (string | number)[][] = [[], ["title"], ["outline"], ["outline", 0], ["outline", 0, "topics", 1], ["outline", 1, "topics"], ["outline", 7], ["formats", 0], ["missing", "deeper"]];
    for (const fieldPath of paths) expect(cached.lineOf(fieldPath), fieldPath.join(".")).toBe(parsed.source.lineOf(fieldPath));
  });
});

describe("validate: values outside a fixed list", () => {
  // A valid session with one field written as an editor might, validated as it would load from the file.
  const sessionWith = (field: string, written: string) => {
    const fields: Record<string, string> = { id: "first", course: "java", start: '"2027-01-12T09:00"', end: '"2027-01-12T17:00"', mode: "online", instructor: "elena", seats: "10" };
    fields[field] = written;
    return Object.entries(fields).map(([key, value]) => `${key}: ${value}\n`).join("");
  };
  const lineOf = (text: string, field: string) => text.split("\n").findIndex((line) => line.startsWith(`${field}:`)) + 1;
  const problemsOf = (text: string, schema: typeof sessionSchema | typeof courseSchema = sessionSchema) => {
    const parsed = source(text, "_data/schedule.yaml");
    const result = validate(schema, parsed, parsed.value);
    return result.ok ? [] : result.problems;
  };

  it.each([
    ["status", "canceled", "cancelled"],
    ["status", "Postponed", "postponed"],
    ["mode", "Classroom", "classroom"],
    ["mode", "online-live", "online"],
    ["mode", "on-site", "onsite"],
  ])("suggests the nearest value for session %s %j", (field, written, suggestion) => {
    const text = sessionWith(field, written);
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: "_data/schedule.yaml", line: lineOf(text, field), field });
    expect(problem?.message).toMatch(new RegExp(`^"${written}" is not one of "[^;]*"; did you mean "${suggestion}"\\?$`));
  });

  it("names the allowed values without a guess when nothing is close", () => {
    expect(problemsOf(sessionWith("status", "abandoned"))).toEqual([
      { file: "_data/schedule.yaml", line: 8, field: "status", message: '"abandoned" is not one of "scheduled", "cancelled", "postponed"' },
    ]);
  });

  it("says what is allowed when the value is not text at all", () => {
    expect(problemsOf(sessionWith("status", "42"))[0]?.message).toBe('must be one of "scheduled", "cancelled", "postponed"');
  });

  it("suggests for course levels and for each entry of a list of formats, at the entry's line", () => {
    const course = `level: intermidiate\nformats:\n  - public-classroom\n  - classroom\n  - Online-Live\n`;
    const problems = problemsOf(course, courseSchema).filter((problem) => /^(level|formats)/.test(problem.field));
    expect(problems).toEqual([
      { file: "_data/schedule.yaml", line: 1, field: "level", message: expect.stringMatching(/^"intermidiate" is not one of .*; did you mean "intermediate"\?$/) },
      { file: "_data/schedule.yaml", line: 4, field: "formats[1]", message: expect.stringMatching(/; did you mean "public-classroom"\?$/) },
      { file: "_data/schedule.yaml", line: 5, field: "formats[2]", message: expect.stringMatching(/; did you mean "online-live"\?$/) },
    ]);
  });
});
