import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COURSE_ARTICLES } from "../../src/collections/catalog.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, MINIMAL_PROJECT, type Fixture } from "../support/content-fixture.ts";

const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;
const FIRST = "content/articles/first-article.md";

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe("a course's articles", () => {
  it(`lists the newest ${COURSE_ARTICLES} that name the course, however many the blog holds`, async () => {
    // The fixture's first article names a course; copies of it, a day apart, name it too.
    const extra = COURSE_ARTICLES + 3;
    for (let day = 1; day <= extra; day++) {
      const date = `2026-10-${String(day).padStart(2, "0")}`;
      await fixture.write(`content/articles/copy-${day}.md`, MINIMAL_PROJECT[FIRST]!.replace("title: First Article", `title: Copy ${day}`).replace('date: "2026-11-02"', `date: "${date}"`).replace(/aliases: .*\n/, ""));
    }
    const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
    const naming = model.articles.list.filter((article) => article.relatedCourses.length > 0 && model.catalog.byId[article.relatedCourses[0]!]);
    const course = model.catalog.byId[naming[0]!.relatedCourses[0]!]!;
    const all = model.articles.list.filter((article) => article.relatedCourses.includes(course.id));
    expect(all.length).toBeGreaterThan(COURSE_ARTICLES);
    expect(course.articles.map((article) => article.url)).toEqual(all.slice(0, COURSE_ARTICLES).map((article) => article.url));
  });
});
