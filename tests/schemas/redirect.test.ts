import { describe, expect, it } from "vitest";
import { redirectSchema } from "../../src/schemas/redirect.ts";

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = redirectSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

const PATH_MESSAGE = 'must be a path on this site starting with "/", such as "/courses/"';

describe("redirectSchema", () => {
  it("accepts a redirect between site paths", () => {
    expect(redirectSchema.parse({ from: "/old-courses/", to: "/courses/" })).toEqual({ from: "/old-courses/", to: "/courses/" });
    expect(redirectSchema.safeParse({ from: "/blog/post.html", to: "/articles/post/" }).success).toBe(true);
  });

  it("requires to", () => {
    expect(issuesOf({ from: "/old/" })).toEqual([{ path: "to", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("refuses a relative from", () => {
    expect(issuesOf({ from: "old/", to: "/new/" })).toEqual([{ path: "from", code: "invalid_format", message: PATH_MESSAGE }]);
  });

  it("refuses an absolute URL as the target", () => {
    expect(issuesOf({ from: "/old/", to: "https://example.com/new/" })).toEqual([{ path: "to", code: "invalid_format", message: PATH_MESSAGE }]);
  });

  it("refuses a path with a space", () => {
    expect(issuesOf({ from: "/old page/", to: "/new/" })[0]?.path).toBe("from");
  });

  it("refuses a number", () => {
    expect(issuesOf({ from: 404, to: "/new/" })[0]).toMatchObject({ path: "from", code: "invalid_type" });
  });

  it("refuses a misspelt key: the unknown key and the missing one are both reported", () => {
    expect(issuesOf({ form: "/old/", to: "/new/" })).toEqual([
      { path: "from", code: "invalid_type", message: "Invalid input: expected string, received undefined" },
      { path: "", code: "unrecognized_keys", message: 'Unrecognized key: "form"' },
    ]);
  });
});
