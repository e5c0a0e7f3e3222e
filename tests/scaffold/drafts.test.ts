import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { ContentCache, forgetContentCacheMemory } from "../../src/content/content-cache.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;

// What `npm run new` writes, checked and built for production and as a preview, is in new-command.test.ts.

/** Runs `test` on a fresh minimal project, deleted afterwards. */
async function withFixture(test: (fixture: Fixture) => Promise<void>): Promise<void> {
  const fixture = await createFixture();
  try {
    await test(fixture);
  } finally {
    await fixture.cleanup();
  }
}

describe("drafts in the model", () => {
  it("leaves draft courses, classes, promotions, services and paths out of production and keeps them, marked, in development", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/advanced-java.yaml", (text) => `${text}draft: true\n`);
      await fixture.edit("_data/schedule.yaml", (text) => text.replace(/^(- id: .*)$/m, "$1\n  draft: true"));
      await fixture.edit("_data/promotions.yaml", (text) => text.replace(/^(- title: .*)$/m, "$1\n  draft: true"));
      await fixture.edit("_data/services/mentoring.yaml", (text) => `${text}draft: true\n`);
      await fixture.write(
        "_data/learning-paths.yaml",
        `- id: java-developer\n  title: Java developer\n  summary: From first steps to advanced Java.\n  courses: [java-fundamentals, advanced-java]\n  draft: true\n`,
      );
      const content = await loadContent(fixture.root);
      const production = buildSiteModel(content, { now: NOW, includeUnpublished: false });
      expect(production.catalog.byId["advanced-java"]).toBeUndefined();
      expect(production.catalog.byId["java-fundamentals"]!.relatedCourses).not.toContain("advanced-java");
      expect(production.content.sessions.filter((session) => session.draft)).toEqual([]);
      expect(production.content.promotions.filter((promotion) => promotion.draft)).toEqual([]);
      expect(production.services.map((service) => service.id)).not.toContain("mentoring");
      expect(production.learningPaths.paths).toEqual([]);
      const development = buildSiteModel(content, { now: NOW, includeUnpublished: true });
      expect(development.catalog.byId["advanced-java"]!.title).toMatch(/^Draft: /);
      expect(development.content.sessions.some((session) => session.draft)).toBe(true);
      expect(development.content.promotions.find((promotion) => promotion.draft)!.title).toMatch(/^Draft: /);
      expect(development.services.find((service) => service.id === "mentoring")!.title).toMatch(/^Draft: /);
      expect(development.learningPaths.paths.map((path) => path.title)).toEqual(["Draft: Java developer"]);
    });
  });

  it("keeps the text of an article that names a draft course when a production build reads texts when used", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/java-fundamentals.yaml", (text) => `${text}draft: true\n`);
      await fixture.edit("_data/schedule.yaml", (text) => text.replace(/^(- id: java-fundamentals.*)$/m, "$1\n  draft: true"));
      // Results kept in memory by another test's load of the same files would have their texts as plain fields.
      forgetContentCacheMemory();
      const content = await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { readTextsWhenUsed: true }) });
      const source = content.articles.find((article) => article.slug === "first-article")!;
      expect(source.relatedCourses).toContain("java-fundamentals");
      // Read from the cache when used: not a field a spread would copy.
      expect(Object.keys(source)).not.toContain("html");
      const production = buildSiteModel(content, { now: NOW, includeUnpublished: false });
      const article = production.articles.list.find((item) => item.slug === "first-article")!;
      expect(article.relatedCourses).not.toContain("java-fundamentals");
      expect(article.html).toBe(source.html);
      expect(article.html).toContain("<p>");
    });
  });

  it("leaves a draft course out of a published learning path, and the path out when fewer than two courses remain", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/advanced-java.yaml", (text) => `${text}draft: true\n`);
      await fixture.edit("_data/schedule.yaml", (text) => text.replace(/^(- id: advanced-java.*)$/m, "$1\n  draft: true"));
      await fixture.write("_data/learning-paths.yaml", `- id: java-developer\n  title: Java developer\n  summary: From first steps to advanced Java.\n  courses: [java-fundamentals, advanced-java]\n`);
      const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
      expect(model.learningPaths.paths).toEqual([]);
      expect(model.problems).toEqual([]);
    });
  });

  it("refuses a published class of a draft course with a message that says what to do", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/java-fundamentals.yaml", (text) => `${text}draft: true\n`);
      const content = await loadContent(fixture.root);
      const { problems } = buildSiteModel(content, { now: NOW, includeUnpublished: true });
      const lines = (await fixture.read("_data/schedule.yaml")).split("\n");
      expect(problems).toContainEqual({
        file: "_data/schedule.yaml",
        line: lines.findIndex((line) => line.includes("course: java-fundamentals")) + 1,
        field: "[0].course",
        message: expect.stringMatching(/^java-fundamentals is a draft course, so the class \S+ cannot be published: add draft: true to the class too, or publish the course/),
      });
    });
  });
});
