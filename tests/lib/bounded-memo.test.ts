import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/lib/bounded-memo.ts";

describe("boundedMemo", () => {
  it("computes each key once, an undefined result included, and starts again past its limit", () => {
    const asked: string[] = [];
    const memo = boundedMemo(
      (word: string) => (asked.push(word), word === "none" ? undefined : word.length),
      (word) => word.toLowerCase(),
      3,
    );
    expect([memo("one"), memo("ONE"), memo("none"), memo("none"), memo("three")]).toEqual([3, 3, undefined, undefined, 5]);
    expect(asked).toEqual(["one", "none", "three"]);
    // A fourth key finds the memory full: it starts again, so "one" is computed anew.
    memo("four");
    memo("one");
    expect(asked).toEqual(["one", "none", "three", "four", "one"]);
  });
});
