import { describe, expect, it } from "vitest";
import { freeName, slugFromTitle } from "../../src/scaffold/names.ts";

describe("scaffold names", () => {
  it("makes a slug of plain words from any title", () => {
    expect(slugFromTitle("Café & Crème: C++ in 2027!")).toBe("cafe-and-creme-c-in-2027");
    expect(slugFromTitle("  ")).toBe("");
    expect(slugFromTitle("word ".repeat(40)).length).toBeLessThanOrEqual(60);
  });

  it("finds the first free variant", () => {
    const taken = new Set(["a", "a-2"]);
    expect(freeName("a", (name) => taken.has(name))).toBe("a-3");
    expect(freeName("b", (name) => taken.has(name))).toBe("b");
  });
});
