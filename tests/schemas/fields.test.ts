import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { dateOnlyField, dateTimeField, idField, idListField, markdownField, priceField, sitePathField, summaryField, textField, TITLE_MAX_LENGTH, titleField } from "../../src/schemas/fields.ts";

/** The issues a schema reports for a value it must refuse. */
function issuesOf(schema: ZodType, value: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("idField", () => {
  it.each(["java", "java-fundamentals", "aws-2027", "c2", "a-b-c-1"])("accepts %j", (id) => {
    expect(idField.safeParse(id)).toEqual({ success: true, data: id });
  });

  it.each(["Java", "java fundamentals", "java--fundamentals", "-java", "java-", "java_fundamentals", "jáva", "", "java.fundamentals"])("refuses %j", (id) => {
    expect(issuesOf(idField, id)).toEqual([{ path: "", message: 'must be lowercase letters, digits and single hyphens, such as "java-fundamentals"' }]);
  });

  it("refuses a number", () => {
    expect(idField.safeParse(42).success).toBe(false);
  });
});

describe("textField, summaryField and markdownField", () => {
  it("trims text", () => {
    expect(textField.parse("  Hello world \n")).toBe("Hello world");
  });

  it.each(["", "   ", "\n\t"])("refuses blank text %j", (text) => {
    expect(issuesOf(textField, text)).toEqual([{ path: "", message: "must not be empty" }]);
  });

  it("refuses a non-string", () => {
    expect(textField.safeParse(12).success).toBe(false);
    expect(textField.safeParse(null).success).toBe(false);
  });

  it("accepts a summary of exactly 200 characters", () => {
    expect(summaryField.safeParse("a".repeat(200)).success).toBe(true);
  });

  it("refuses a summary of 201 characters", () => {
    expect(issuesOf(summaryField, "a".repeat(201))).toEqual([{ path: "", message: "must be at most 200 characters" }]);
  });

  it("counts a summary's length after trimming", () => {
    expect(summaryField.parse(`  ${"a".repeat(200)}  `)).toHaveLength(200);
  });

  it("refuses a blank summary", () => {
    expect(summaryField.safeParse(" ").success).toBe(false);
  });

  it("refuses blank Markdown and keeps Markdown as written", () => {
    expect(markdownField.parse("**bold**")).toBe("**bold**");
    expect(markdownField.safeParse("").success).toBe(false);
  });
});

describe("dateTimeField", () => {
  it("reads a local date-time in the site zone (standard time)", () => {
    const value = dateTimeField.parse("2027-01-12T09:00");
    expect(value.toISO()).toBe("2027-01-12T09:00:00.000-07:00");
    expect(value.zoneName).toBe("America/Denver");
  });

  it("reads a local date-time in the site zone (daylight time)", () => {
    const value = dateTimeField.parse("2027-07-12T09:00");
    expect(value.toISO()).toBe("2027-07-12T09:00:00.000-06:00");
    expect(value.zoneName).toBe("America/Denver");
  });

  it("accepts a date only", () => {
    expect(dateTimeField.parse("2026-12-07").toISO()).toBe("2026-12-07T00:00:00.000-07:00");
  });

  it("refuses an unquoted YAML date (a Date object)", () => {
    expect(issuesOf(dateTimeField, new Date("2026-12-07T00:00:00Z"))).toEqual([
      { path: "", message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)' },
    ]);
  });

  it.each([20261207, true, null, ["2026-12-07"]])("refuses a non-string %j", (value) => {
    expect(issuesOf(dateTimeField, value)).toEqual([{ path: "", message: 'must be a date in quotes, such as "2026-12-07"' }]);
  });

  it("says a missing date is required", () => {
    expect(issuesOf(dateTimeField, undefined)).toEqual([{ path: "", message: "is required" }]);
  });

  it("refuses 2025-02-30", () => {
    expect(issuesOf(dateTimeField, "2025-02-30")).toEqual([{ path: "", message: '"2025-02-30" is not a real date or time: check the month, day and hour' }]);
  });

  it("refuses month 13", () => {
    expect(issuesOf(dateTimeField, "2024-13-01")[0]?.message).toMatch(/is not a real date/);
  });

  it("refuses a local time inside the spring-forward gap", () => {
    expect(issuesOf(dateTimeField, "2027-03-14T02:30")).toEqual([
      { path: "", message: '"2027-03-14T02:30" does not exist in America/Denver (clocks skip it at the daylight-saving change)' },
    ]);
  });
});

describe("dateOnlyField", () => {
  it("reads a date as midnight in the site zone", () => {
    const value = dateOnlyField.parse("2027-07-01");
    expect(value.toISO()).toBe("2027-07-01T00:00:00.000-06:00");
    expect(value.zoneName).toBe("America/Denver");
  });

  it("refuses a time", () => {
    expect(issuesOf(dateOnlyField, "2027-07-01T09:00")[0]?.message).toBe('"2027-07-01T09:00" has a time; give a date only, such as "2026-12-07"');
  });

  it("refuses an unquoted YAML date", () => {
    expect(issuesOf(dateOnlyField, new Date(Date.UTC(2027, 6, 1)))[0]?.message).toMatch(/unquoted YAML dates are not accepted/);
  });

  it("refuses impossible dates", () => {
    expect(dateOnlyField.safeParse("2025-02-30").success).toBe(false);
    expect(dateOnlyField.safeParse("2024-13-01").success).toBe(false);
  });
});

describe("priceField", () => {
  it.each([1, 99, 2495])("accepts %d dollars", (price) => {
    expect(priceField.parse(price)).toBe(price);
  });

  it("refuses a price that is not a whole number", () => {
    expect(issuesOf(priceField, 2495.5)).toEqual([{ path: "", message: "must be a whole number of dollars" }]);
  });

  it.each([0, -100])("refuses %d", (price) => {
    expect(issuesOf(priceField, price)).toEqual([{ path: "", message: "must be more than 0" }]);
  });

  it("refuses a price written as a string", () => {
    expect(priceField.safeParse("2495").success).toBe(false);
  });
});

describe("idListField", () => {
  it("defaults to an empty list", () => {
    expect(idListField.parse(undefined)).toEqual([]);
  });

  it("accepts ids", () => {
    expect(idListField.parse(["java-fundamentals", "advanced-java"])).toEqual(["java-fundamentals", "advanced-java"]);
  });

  it("reports the index of a bad id", () => {
    expect(issuesOf(idListField, ["java-fundamentals", "Advanced Java"])).toEqual([
      { path: "1", message: 'must be lowercase letters, digits and single hyphens, such as "java-fundamentals"' },
    ]);
  });

  it("refuses a single id instead of a list", () => {
    expect(idListField.safeParse("java-fundamentals").success).toBe(false);
  });
});

describe("sitePathField", () => {
  it.each(["/", "/courses/", "/blog/2019/old-post.html", "/articles/?page=2"])("accepts %j", (path) => {
    expect(sitePathField.parse(path)).toBe(path);
  });

  it.each(["courses/", "https://example.com/courses/", "/with space/", ""])("refuses %j", (path) => {
    expect(issuesOf(sitePathField, path)).toEqual([{ path: "", message: 'must be a path on this site starting with "/", such as "/courses/"' }]);
  });
});

describe("control characters in text", () => {
  it.each([
    ["\u0007", "U+0007"],
    ["\u001b", "U+001B"],
    ["\u007f", "U+007F"],
    ["\u0085", "U+0085"],
  ])("refuses %j, naming it and where it is", (character, name) => {
    expect(issuesOf(textField, `Bell${character} here`)).toEqual([
      { path: "", message: `must not contain the control character ${name} (at character 5): delete it and retype the text around it` },
    ]);
  });

  it("keeps tabs and line ends, which Markdown and block scalars use", () => {
    expect(markdownField.parse("One\tcolumn\r\nand a line")).toBe("One\tcolumn\r\nand a line");
  });

  it("refuses a control character in a summary too", () => {
    expect(summaryField.safeParse("Fine\u0000").success).toBe(false);
  });
});

describe("titleField", () => {
  it.each(["Java Fundamentals", "C++ & C# for Teams", "Generics: List<T> and Map<K, V>", "When a < b and c > d", "Why <Templates> Matter"])("accepts the plain text %j", (title) => {
    expect(titleField.parse(` ${title} `)).toBe(title);
  });

  it.each([
    ["Java <script>alert(1)</script>", "<script>"],
    ["A <b>bold</b> claim", "<b>"],
    ["Closing </em> tag", "</em>"],
    ['<img src="x" onerror="alert(1)">', '<img src="x" onerror="alert(1)">'],
    ["A break<br/>here", "<br/>"],
    ["<span class=\"x\">Styled</span>", '<span class="x">'],
  ])("refuses the markup in %j", (title, tag) => {
    expect(issuesOf(titleField, title)).toEqual([{ path: "", message: `must be plain text without HTML tags such as ${tag}` }]);
  });

  it(`accepts ${TITLE_MAX_LENGTH} characters and refuses more`, () => {
    expect(titleField.safeParse("x".repeat(TITLE_MAX_LENGTH)).success).toBe(true);
    expect(issuesOf(titleField, "x".repeat(300))).toEqual([{ path: "", message: `must be at most ${TITLE_MAX_LENGTH} characters` }]);
  });

  it("refuses a title of two lines", () => {
    expect(issuesOf(titleField, "First line\nSecond line")).toEqual([{ path: "", message: "must be one line" }]);
  });

  it("refuses control characters and blank titles like any text", () => {
    expect(titleField.safeParse("Tab\u0008 here").success).toBe(false);
    expect(issuesOf(titleField, "  ")).toEqual([{ path: "", message: "must not be empty" }]);
  });
});
