import { describe, expect, it } from "vitest";
import { formatWarnings, type ContentProblem } from "../../src/content/problems.ts";

const warning = (file: string, line: number | undefined, message: string, field = "body"): ContentProblem => ({ file, line, field, message, severity: "warning" });

describe("formatWarnings", () => {
  it("lists warnings by file and line, whatever order the checks found them in", () => {
    const lines = formatWarnings([warning("b.md", 3, "second file"), warning("a.md", 40, "later"), warning("a.md", 7, "earlier")]);
    expect(lines).toEqual(["a.md:7: body: warning: earlier", "a.md:40: body: warning: later", "b.md:3: body: warning: second file"]);
  });

  it("gives a warning repeated in one file and field one line at its first place, naming the other lines", () => {
    const fences = [104, 112, 120].map((line) => warning("vue.md", line, 'code language "vue" is not highlighted'));
    const lines = formatWarnings([...fences.reverse(), warning("vue.md", 108, "a different warning"), warning("other.md", 5, 'code language "vue" is not highlighted')]);
    expect(lines).toEqual([
      "other.md:5: body: warning: code language \"vue\" is not highlighted",
      'vue.md:104: body: warning: code language "vue" is not highlighted (also at lines 112, 120)',
      "vue.md:108: body: warning: a different warning",
    ]);
  });

  it("names eight further lines and counts the rest, and keeps apart the same words about different fields", () => {
    const many = Array.from({ length: 12 }, (_, index) => warning("x.md", 10 + index, "same"));
    expect(formatWarnings(many)).toEqual(["x.md:10: body: warning: same (also at lines 11, 12, 13, 14, 15, 16, 17, 18 and 3 more)"]);
    expect(formatWarnings([warning("x.md", 2, "is long", "title"), warning("x.md", 3, "is long", "summary")])).toEqual(["x.md:2: title: warning: is long", "x.md:3: summary: warning: is long"]);
  });

  it("prints a warning about a whole file once, however often it was found", () => {
    expect(formatWarnings([warning("x.md", undefined, "no date"), warning("x.md", undefined, "no date")])).toEqual(["x.md: body: warning: no date"]);
    expect(formatWarnings([warning("x.md", 12, "same"), warning("x.md", undefined, "same"), warning("x.md", 5, "same")])).toEqual(["x.md: body: warning: same", "x.md:5: body: warning: same (also at line 12)"]);
  });
});
