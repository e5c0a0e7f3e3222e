import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COURSE_ARTICLES, COURSES_PER_PAGE } from "../../src/collections/catalog.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { levelUrl, listPageUrl } from "../../src/urls/site-urls.ts";
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

describe("a level's and a category's pages", () => {
  it(`list ${COURSES_PER_PAGE} courses a page, every course once and in title order, however large the catalog`, async () => {
    const extra = COURSES_PER_PAGE + 5;
    const course = MINIMAL_PROJECT["_data/courses/java-fundamentals.yaml"]!.replace(/relatedCourses:\n.*\n/, "");
    for (let index = 1; index <= extra; index++) await fixture.write(`_data/courses/copy-${String(index).padStart(2, "0")}.yaml`, course.replace("title: Java Fundamentals", `title: Java Copy ${index}`));
    const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
    const table = pageTableOf(model);
    for (const group of model.catalog.groups) {
      const pages = model.catalog.groupPages.filter((page) => page.group === group);
      expect(pages.length, group.url).toBe(Math.max(1, Math.ceil(group.courses.length / COURSES_PER_PAGE)));
      expect(pages.flatMap((page) => page.items), group.url).toEqual(group.courses);
      for (const page of pages) {
        expect(page.items.length, page.url).toBeLessThanOrEqual(COURSES_PER_PAGE);
        expect(table.at(page.url)?.template, page.url).toBe("course-group");
      }
    }
    const introductory = levelUrl("introductory");
    const crowded = model.catalog.groupPages.filter((page) => page.group.url === introductory);
    expect(crowded.map((page) => [page.url, page.title, page.crumb])).toEqual([
      [introductory, "Introductory courses", "Introductory courses"],
      [listPageUrl(introductory, 2), "Introductory courses, page 2", "Page 2"],
    ]);
    expect(crowded[1]!.listTrail).toEqual([{ label: "Introductory courses", url: introductory }]);
  });
});
