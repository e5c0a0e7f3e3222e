import { describe, expect, it } from "vitest";
import { firstWhere, groupBy, uniqueBy } from "../../src/lib/collections.ts";

describe("list helpers", () => {
  it("groupBy keeps order and files an item under each of its keys", () => {
    expect(groupBy(["a1", "b1", "a2", "ab"], (item) => [...new Set(item.replace(/\d/g, ""))])).toEqual({ a: ["a1", "a2", "ab"], b: ["b1", "ab"] });
  });

  it("uniqueBy keeps the first item of each key, in order", () => {
    expect(uniqueBy(["Java", "java", "Go", "JAVA", "go"], (item) => item.toLowerCase())).toEqual(["Java", "Go"]);
  });

  it("firstWhere keeps the first items that pass, in order, and tests none after the last it needs", () => {
    const tested: number[] = [];
    const even = (item: number) => (tested.push(item), item % 2 === 0);
    expect(firstWhere([1, 2, 3, 4, 5, 6, 8], 2, even)).toEqual([2, 4]);
    expect(tested).toEqual([1, 2, 3, 4]);
    expect(firstWhere([1, 3], 2, (item) => item % 2 === 0)).toEqual([]);
  });
});
