import { describe, expect, it } from "vitest";
import { editDistance, freeName, nearestName, slugFromTitle } from "../../src/scaffold/names.ts";

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

  it("suggests the intended id for a typo, and nothing for an unrelated word", () => {
    const ids = ["java-fundamentals", "advanced-java", "python-programming"];
    expect(editDistance("ab", "ba")).toBe(1);
    expect(nearestName("java-fundamentls", ids)).toBe("java-fundamentals");
    expect(nearestName("jaav-fundamentals", ids)).toBe("java-fundamentals");
    expect(nearestName("python", ids)).toBe("python-programming");
    expect(nearestName("cobol", ids)).toBeUndefined();
  });
});
