import { describe, expect, it } from "vitest";
import { groupBy, uniqueBy } from "../../src/lib/collections.ts";

describe("list helpers", () => {
  it("groupBy keeps order and files an item under each of its keys", () => {
    expect(groupBy(["a1", "b1", "a2", "ab"], (item) => [...new Set(item.replace(/\d/g, ""))])).toEqual({ a: ["a1", "a2", "ab"], b: ["b1", "ab"] });
  });

  it("uniqueBy keeps the first item of each key, in order", () => {
    expect(uniqueBy(["Java", "java", "Go", "JAVA", "go"], (item) => item.toLowerCase())).toEqual(["Java", "Go"]);
  });
});
