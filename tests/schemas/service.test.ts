import { describe, expect, it } from "vitest";
import { serviceSchema } from "../../src/schemas/service.ts";

const validService = () => ({
  title: "Team Mentoring",
  summary: "We sit with your team.",
  body: "Mentoring **works**.",
  offerings: ["Pairing", "Code review"],
  engagement: "A few weeks.",
  relatedCourses: ["java-fundamentals"],
  order: 1,
});

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = serviceSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("serviceSchema", () => {
  it("accepts a service unchanged", () => {
    // A service is published unless it says draft: true.
    expect(serviceSchema.parse(validService())).toEqual({ ...validService(), draft: false });
  });

  it("defaults relatedCourses to an empty list", () => {
    const { relatedCourses: _omitted, ...service } = validService();
    expect(serviceSchema.parse(service).relatedCourses).toEqual([]);
  });

  it("requires engagement", () => {
    const { engagement: _omitted, ...service } = validService();
    expect(issuesOf(service)).toEqual([{ path: "engagement", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("requires order", () => {
    const { order: _omitted, ...service } = validService();
    expect(issuesOf(service)[0]).toMatchObject({ path: "order", code: "invalid_type" });
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validService(), titel: "Mentoring" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it.each([0, -1])("refuses order %d", (order) => {
    expect(issuesOf({ ...validService(), order })[0]).toMatchObject({ path: "order", code: "too_small" });
  });

  it("refuses a fractional order", () => {
    expect(issuesOf({ ...validService(), order: 1.5 })[0]).toMatchObject({ path: "order", code: "invalid_type" });
  });

  it("refuses order written as a string", () => {
    expect(issuesOf({ ...validService(), order: "1" })[0]).toMatchObject({ path: "order", code: "invalid_type" });
  });

  it("needs at least one offering", () => {
    expect(issuesOf({ ...validService(), offerings: [] })[0]).toMatchObject({ path: "offerings", code: "too_small" });
  });

  it("refuses a summary over 200 characters", () => {
    expect(issuesOf({ ...validService(), summary: "x".repeat(201) })).toEqual([{ path: "summary", code: "too_big", message: "must be at most 200 characters" }]);
  });

  it("refuses a blank body", () => {
    expect(issuesOf({ ...validService(), body: "" })).toEqual([{ path: "body", code: "too_small", message: "must not be empty" }]);
  });

  it("refuses a related course that is not an id", () => {
    expect(issuesOf({ ...validService(), relatedCourses: ["Java Fundamentals"] })[0]).toMatchObject({ path: "relatedCourses.0", code: "invalid_format" });
  });
});
