import { describe, expect, it } from "vitest";
import { articleSchema } from "../../src/schemas/article.ts";

const validArticle = () => ({
  title: "Isolating Business Rules",
  date: "2027-01-12T09:00",
  author: "hsg",
  summary: "How to pull business rules out of application code.",
  tags: ["Architecture", "Business Rules"],
  updated: "2027-07-12T09:00",
  draft: false,
  relatedCourses: ["uml-object-modeling"],
  aliases: ["/blog/isolating-business-rules/"],
});

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = articleSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("articleSchema: valid front matter", () => {
  it("accepts complete front matter and reads dates in America/Denver", () => {
    const article = articleSchema.parse(validArticle());
    expect(article.date.toISO()).toBe("2027-01-12T09:00:00.000-07:00");
    expect(article.updated?.toISO()).toBe("2027-07-12T09:00:00.000-06:00");
    expect(article.date.zoneName).toBe("America/Denver");
    expect(article).toMatchObject({ title: "Isolating Business Rules", author: "hsg", tags: ["Architecture", "Business Rules"], aliases: ["/blog/isolating-business-rules/"] });
  });

  it("fills in defaults for the optional fields", () => {
    const article = articleSchema.parse({ title: "T", date: "2026-12-07", author: "hsg", summary: "S" });
    expect(article.date.toISO()).toBe("2026-12-07T00:00:00.000-07:00");
    expect(article).toMatchObject({ tags: [], draft: false, relatedCourses: [], aliases: [] });
    expect(article.updated).toBeUndefined();
  });

  it("accepts a plain-date updated on the same day as a timed date", () => {
    expect(articleSchema.safeParse({ ...validArticle(), date: "2027-01-19T07:00", updated: "2027-01-19" }).success).toBe(true);
    expect(articleSchema.safeParse({ ...validArticle(), date: "2027-01-19T07:00", updated: "2027-01-18" }).success).toBe(false);
  });

  it("accepts updated equal to date", () => {
    expect(articleSchema.safeParse({ ...validArticle(), updated: validArticle().date }).success).toBe(true);
  });
});

describe("articleSchema: invalid front matter", () => {
  it("requires title", () => {
    const { title: _omitted, ...article } = validArticle();
    expect(issuesOf(article)).toEqual([{ path: "title", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("requires date", () => {
    const { date: _omitted, ...article } = validArticle();
    expect(issuesOf(article)).toEqual([{ path: "date", code: "custom", message: "is required" }]);
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validArticle(), titel: "Rules" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("refuses updated before date", () => {
    expect(issuesOf({ ...validArticle(), updated: "2027-01-11T23:59" })).toEqual([{ path: "updated", code: "custom", message: "must not be before date" }]);
  });

  it("refuses a summary over 200 characters", () => {
    expect(issuesOf({ ...validArticle(), summary: "w".repeat(201) })).toEqual([{ path: "summary", code: "too_big", message: "must be at most 200 characters" }]);
  });

  it("refuses an unquoted YAML date", () => {
    expect(issuesOf({ ...validArticle(), date: new Date("2027-01-12T00:00:00Z") })).toEqual([
      { path: "date", code: "custom", message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)' },
    ]);
  });

  it("refuses impossible and skipped dates", () => {
    expect(issuesOf({ ...validArticle(), date: "2025-02-30", updated: undefined })[0]).toMatchObject({ path: "date", message: expect.stringContaining("is not a real date") });
    expect(issuesOf({ ...validArticle(), date: "2024-13-01", updated: undefined })[0]).toMatchObject({ path: "date", message: expect.stringContaining("is not a real date") });
    expect(issuesOf({ ...validArticle(), date: "2027-03-14T02:30", updated: undefined })[0]).toMatchObject({
      path: "date",
      message: expect.stringContaining("does not exist in America/Denver"),
    });
  });

  it("refuses draft written as a string", () => {
    expect(issuesOf({ ...validArticle(), draft: "yes" })[0]).toMatchObject({ path: "draft", code: "invalid_type" });
  });

  it("refuses tags given as one string", () => {
    expect(issuesOf({ ...validArticle(), tags: "Architecture" })[0]).toMatchObject({ path: "tags", code: "invalid_type" });
  });

  it("refuses a blank tag", () => {
    expect(issuesOf({ ...validArticle(), tags: ["Architecture", " "] })[0]).toMatchObject({ path: "tags.1", message: "must not be empty" });
  });

  it("refuses an author that is not an id", () => {
    expect(issuesOf({ ...validArticle(), author: "Dana Whitfield" })[0]).toMatchObject({ path: "author", code: "invalid_format" });
  });

  it("refuses an alias that is not a site path", () => {
    expect(issuesOf({ ...validArticle(), aliases: ["blog/old/"] })[0]).toMatchObject({ path: "aliases.0", code: "invalid_format" });
  });

  it("refuses a related course that is not an id", () => {
    expect(issuesOf({ ...validArticle(), relatedCourses: ["UML"] })[0]).toMatchObject({ path: "relatedCourses.0", code: "invalid_format" });
  });
});
