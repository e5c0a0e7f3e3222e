import { describe, expect, it } from "vitest";
import { courseFormats, courseLevels, courseSchema } from "../../src/schemas/course.ts";

const validCourse = () => ({
  title: "Java Programming Fundamentals",
  category: "programming-languages",
  level: "introductory",
  durationDays: 5,
  priceUSD: 2495,
  summary: "A five-day start in Java.",
  description: "This course takes developers who know another language and makes them productive in **Java**.",
  audience: ["Developers moving to Java"],
  prerequisites: ["One programming language"],
  objectives: ["Write Java programs"],
  outline: [{ title: "Getting Started", topics: ["The JDK", "Maven"] }],
  formats: ["public-classroom", "online-live"],
  relatedCourses: ["advanced-java"],
});

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = courseSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("courseSchema: valid courses", () => {
  it("accepts a complete course unchanged", () => {
    // Policy overrides default to none; a course is published unless it says draft: true.
    expect(courseSchema.parse(validCourse())).toEqual({ ...validCourse(), policies: {}, draft: false });
  });

  it("leaves out priceUSD for price on request and defaults the optional lists", () => {
    const { priceUSD: _price, prerequisites: _prerequisites, relatedCourses: _related, ...course } = validCourse();
    const parsed = courseSchema.parse(course);
    expect(parsed.priceUSD).toBeUndefined();
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.relatedCourses).toEqual([]);
  });

  it("accepts every level and format", () => {
    for (const level of courseLevels) expect(courseSchema.safeParse({ ...validCourse(), level }).success).toBe(true);
    expect(courseSchema.safeParse({ ...validCourse(), formats: [...courseFormats] }).success).toBe(true);
  });

  it("accepts 1 and 30 days", () => {
    expect(courseSchema.safeParse({ ...validCourse(), durationDays: 1 }).success).toBe(true);
    expect(courseSchema.safeParse({ ...validCourse(), durationDays: 30 }).success).toBe(true);
  });
});

describe("courseSchema: invalid courses", () => {
  it("requires title", () => {
    const { title: _omitted, ...course } = validCourse();
    expect(issuesOf(course)).toEqual([{ path: "title", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validCourse(), titel: "Java" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("refuses an unknown level", () => {
    expect(issuesOf({ ...validCourse(), level: "expert" })).toEqual([
      { path: "level", code: "invalid_value", message: 'Invalid option: expected one of "introductory"|"intermediate"|"advanced"' },
    ]);
  });

  it("refuses an unknown format", () => {
    expect(issuesOf({ ...validCourse(), formats: ["public-classroom", "classroom"] })[0]).toMatchObject({ path: "formats.1", code: "invalid_value" });
  });

  it("needs at least one format, audience and objective", () => {
    expect(issuesOf({ ...validCourse(), formats: [] })).toEqual([{ path: "formats", code: "too_small", message: "must name at least one format" }]);
    expect(issuesOf({ ...validCourse(), audience: [] })).toEqual([{ path: "audience", code: "too_small", message: "must name at least one audience" }]);
    expect(issuesOf({ ...validCourse(), objectives: [] })).toEqual([{ path: "objectives", code: "too_small", message: "must list at least one objective" }]);
  });

  it.each([0, 31, -1])("refuses durationDays %d", (days) => {
    expect(issuesOf({ ...validCourse(), durationDays: days })[0]).toMatchObject({ path: "durationDays", code: days > 30 ? "too_big" : "too_small" });
    expect(issuesOf({ ...validCourse(), durationDays: days })).toHaveLength(1);
  });

  it("refuses a fractional number of days", () => {
    expect(issuesOf({ ...validCourse(), durationDays: 2.5 })).toEqual([{ path: "durationDays", code: "invalid_type", message: "must be a whole number of days" }]);
  });

  it("refuses durationDays written as a string", () => {
    expect(issuesOf({ ...validCourse(), durationDays: "5" })).toEqual([
      { path: "durationDays", code: "invalid_type", message: "Invalid input: expected number, received string" },
    ]);
  });

  it("refuses a price that is not a whole number of dollars", () => {
    expect(issuesOf({ ...validCourse(), priceUSD: 2495.5 })).toEqual([{ path: "priceUSD", code: "invalid_type", message: "must be a whole number of dollars" }]);
  });

  it("refuses a price of 0", () => {
    expect(issuesOf({ ...validCourse(), priceUSD: 0 })).toEqual([{ path: "priceUSD", code: "too_small", message: "must be more than 0" }]);
  });

  it("refuses a summary over 200 characters", () => {
    expect(issuesOf({ ...validCourse(), summary: "s".repeat(201) })).toEqual([{ path: "summary", code: "too_big", message: "must be at most 200 characters" }]);
  });

  it("refuses a blank description", () => {
    expect(issuesOf({ ...validCourse(), description: "   " })).toEqual([{ path: "description", code: "too_small", message: "must not be empty" }]);
  });

  it("refuses a category that is not an id", () => {
    expect(issuesOf({ ...validCourse(), category: "Programming Languages" })[0]).toMatchObject({ path: "category", code: "invalid_format" });
  });

  it("refuses a related course that is not an id", () => {
    expect(issuesOf({ ...validCourse(), relatedCourses: ["advanced-java", "Advanced Java"] })[0]).toMatchObject({ path: "relatedCourses.1", code: "invalid_format" });
  });

  it("checks the outline: at least one section, each with topics and no unknown fields", () => {
    expect(issuesOf({ ...validCourse(), outline: [] })[0]).toMatchObject({ path: "outline", code: "too_small" });
    expect(issuesOf({ ...validCourse(), outline: [{ title: "Basics", topics: [] }] })[0]).toMatchObject({ path: "outline.0.topics", code: "too_small" });
    expect(issuesOf({ ...validCourse(), outline: [{ title: "Basics", topics: ["Syntax"], topic: "typo" }] })).toEqual([
      { path: "outline.0", code: "unrecognized_keys", message: 'Unrecognized key: "topic"' },
    ]);
    expect(issuesOf({ ...validCourse(), outline: [{ topics: ["Syntax"] }] })[0]).toMatchObject({ path: "outline.0.title", code: "invalid_type" });
  });
});
