import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/build-site.ts";
import { readYaml } from "../support/raw-content.ts";
import { buildDir, page } from "../support/site-output.ts";

// Learning paths as the data file lists them: a page each, in order, and a mention on every course of a path.
const FILE = "_data/learning-paths.yaml";
const paths = existsSync(path.join(REPO_ROOT, FILE)) ? (readYaml<{ id: string; title: string; courses: string[]; certification?: string }[] | null>(FILE) ?? []) : [];
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("learning paths (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");

  it("lists every path on /paths/ and gives each its page with its courses in order", () => {
    const index = page(dir, "/paths/");
    for (const learningPath of paths) {
      expect(index(`main a[href="/paths/${learningPath.id}/"]`).length, learningPath.id).toBe(1);
      const $ = page(dir, `/paths/${learningPath.id}/`);
      const linked = $("main ol.path-steps > li h2 a").map((_, a) => $(a).attr("href")).get();
      expect(linked, learningPath.id).toEqual(learningPath.courses.map((id) => `/courses/${id}/`));
      if (learningPath.certification) expect(squash($("main").text()), learningPath.id).toContain(learningPath.certification);
    }
  });

  it("shows on each course of a path its step and the courses before and after it", () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const learningPath of paths) {
      learningPath.courses.forEach((id, index) => {
        const $ = page(dir, `/courses/${id}/`);
        const item = $("main .course__paths li").has(`a[href="/paths/${learningPath.id}/"]`);
        expect(item.length, `${id} on ${learningPath.id}`).toBe(1);
        expect(squash(item.text()), id).toContain(`Step ${index + 1} of ${learningPath.courses.length}`);
        const previous = learningPath.courses[index - 1];
        const next = learningPath.courses[index + 1];
        if (previous) expect(item.find(`a[href="/courses/${previous}/"]`).length, id).toBe(1);
        if (next) expect(item.find(`a[href="/courses/${next}/"]`).length, id).toBe(1);
      });
    }
  });
});
