import { describe, expect, it } from "vitest";
import { tagSlug } from "../../src/content/tag-slug.ts";

describe("tagSlug", () => {
  it.each(["Project Management", "project-management", " project  management ", "Project-Management", "PROJECT_MANAGEMENT", "project -- management"])(
    "%j is the tag project-management",
    (tag) => {
      expect(tagSlug(tag)).toBe("project-management");
    },
  );

  it.each([
    ["C++", "c-plus-plus"],
    ["C#", "c-sharp"],
    ["F#", "f-sharp"],
    [".NET", "net"],
    ["ASP.NET", "asp-net"],
    ["Node.js", "node-js"],
    ["R&D", "r-and-d"],
    ["AT&T", "at-and-t"],
    ["C", "c"],
    ["Python 3", "python-3"],
  ])("%j has the slug %j", (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  it("keeps C, C++ and C# apart", () => {
    const slugs = ["C", "C++", "C#"].map(tagSlug);
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) expect(slug).not.toBe("");
  });

  it("is stable: the same spelling always gives the same slug, and slugging a slug changes nothing", () => {
    for (const tag of ["C++", "C#", ".NET", "Project Management", "R&D"]) {
      expect(tagSlug(tag)).toBe(tagSlug(tag));
      expect(tagSlug(tagSlug(tag))).toBe(tagSlug(tag));
      expect(tagSlug(` ${tag.toLowerCase()} `)).toBe(tagSlug(tag));
    }
  });

  it("gives only lowercase letters, digits and single inner hyphens", () => {
    for (const tag of ["C++", "C#", ".NET", "--Weird   Tag!!--", "a/b\\c", "x & y"]) {
      expect(tagSlug(tag)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it("gives an empty slug for a tag without letters or digits (cross-check reports it)", () => {
    expect(tagSlug("!!!")).toBe("");
    expect(tagSlug("   ")).toBe("");
  });

  it("keeps accented letters as their base letter, apart from the ASCII remainder", () => {
    expect(tagSlug("Über")).toBe("uber");
    expect(tagSlug("Über")).not.toBe(tagSlug("ber"));
  });
});
