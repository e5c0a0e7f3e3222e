import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean, editDistance } from "../../src/content/suggest.ts";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("canceled", "cancelled")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("closestMatch", () => {
  const statuses = ["scheduled", "cancelled", "postponed"];

  it("finds a misspelling a few edits away", () => {
    expect(closestMatch("canceled", statuses)).toBe("cancelled");
    expect(closestMatch("intermidiate", ["introductory", "intermediate", "advanced"])).toBe("intermediate");
  });

  it("ignores case and surrounding spaces, and returns the candidate as spelled", () => {
    expect(closestMatch(" Classroom ", ["classroom", "online", "onsite"])).toBe("classroom");
    expect(closestMatch("java-FUNDAMENTALS", ["Java-Fundamentals"])).toBe("Java-Fundamentals");
  });

  it("prefers the fewest edits", () => {
    expect(closestMatch("onsit", ["online", "onsite"])).toBe("onsite");
  });

  it("falls back to the one candidate containing the word, or contained in it", () => {
    expect(closestMatch("online-live", ["classroom", "online", "onsite"])).toBe("online");
    expect(closestMatch("classroom", ["public-classroom", "online-live", "onsite-private"])).toBe("public-classroom");
  });

  it("does not guess between several containing candidates, or when nothing is close", () => {
    expect(closestMatch("on", ["online", "onsite"])).toBeUndefined();
    expect(closestMatch("abandoned", statuses)).toBeUndefined();
    expect(closestMatch("", statuses)).toBeUndefined();
    expect(closestMatch("anything", [])).toBeUndefined();
  });
});

describe("didYouMean", () => {
  it("phrases the suggestion, or says nothing", () => {
    expect(didYouMean("canceled", ["scheduled", "cancelled"])).toBe('; did you mean "cancelled"?');
    expect(didYouMean("cobol-basics", ["java-fundamentals"])).toBe("");
  });
});
