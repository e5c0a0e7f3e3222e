import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean, editDistance, editDistanceWithin } from "../../src/content/suggest.ts";

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

  it("does not offer a candidate that is only a small part of the word, such as the site's root for a missing page", () => {
    expect(closestMatch("/docs/data-global/", ["/", "/courses/", "/articles/first-post/"])).toBeUndefined();
    expect(closestMatch("/articles/a-post-that-was-never-written/", ["/", "/articles/", "/courses/"])).toBeUndefined();
    // Half of the word or more still counts, beyond the edits a slip makes.
    expect(closestMatch("/courses/java-fundamentals/outline-and-more/", ["/", "/courses/java-fundamentals/", "/articles/"])).toBe("/courses/java-fundamentals/");
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

describe("editDistanceWithin", () => {
  it("gives editDistance wherever it is within the limit, and one more than the limit wherever it is not", () => {
    // Words over a small alphabet, so that many pairs are close: a fixed sequence, the same at every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const word = () => Array.from({ length: next() % 12 }, () => "abc/-"[next() % 5]).join("");
    let within = 0;
    for (let pair = 0; pair < 2000; pair++) {
      const [a, b, limit] = [word(), word(), next() % 6];
      const distance = editDistance(a, b);
      if (distance <= limit) within++;
      expect(editDistanceWithin(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(distance, limit + 1));
    }
    // Both sides of the limit were met often.
    expect(within).toBeGreaterThan(200);
    expect(within).toBeLessThan(1800);
  });
});
