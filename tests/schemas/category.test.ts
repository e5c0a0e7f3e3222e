import { describe, expect, it } from "vitest";
import { categorySchema } from "../../src/schemas/category.ts";

const validCategory = () => ({ name: "Programming Languages", description: "Languages taught from first principles." });

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = categorySchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("categorySchema", () => {
  it("accepts a category", () => {
    expect(categorySchema.parse(validCategory())).toEqual(validCategory());
  });

  it("requires description", () => {
    expect(issuesOf({ name: "Languages" })).toEqual([{ path: "description", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("refuses an empty name", () => {
    expect(issuesOf({ ...validCategory(), name: "" })).toEqual([{ path: "name", code: "too_small", message: "must not be empty" }]);
  });

  it("refuses a name that is not text", () => {
    expect(issuesOf({ ...validCategory(), name: ["Languages"] })[0]).toMatchObject({ path: "name", code: "invalid_type" });
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validCategory(), titel: "Languages" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("reports every problem at once", () => {
    expect(issuesOf({ name: " ", descripton: "typo" }).map((issue) => issue.path)).toEqual(expect.arrayContaining(["name", "description", ""]));
  });
});
