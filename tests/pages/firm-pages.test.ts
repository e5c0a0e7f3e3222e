import type { CheerioAPI } from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { publishedArticles as published, rawCourses, rawEntries, rawSessions, rawSite, readYaml, yamlIds, ZONE } from "../support/raw-content.ts";
import { buildDir, page } from "../support/site-output.ts";

// Expectations come from the fixture's data files (tests/fixture-site), read without src/.
const NOW = DateTime.fromISO(CLOCKS.december);

interface ServiceData {
  id: string;
  title: string;
  offerings: string[];
  engagement: string;
  relatedCourses: string[];
  order: number;
}
const services: ServiceData[] = yamlIds("_data/services")
  .map((id) => ({ ...readYaml<Omit<ServiceData, "id">>(`_data/services/${id}.yaml`), id }))
  .sort((a, b) => a.order - b.order);
const courses = rawCourses();
const categories = rawEntries<{ name: string }>("_data/categories.yaml");
const instructors = rawEntries<{ name: string; role: string }>("_data/instructors.yaml");
const locations = rawEntries<{ name: string; street: string; city: string }>("_data/locations.yaml");
const site = rawSite();
const promotions = readYaml<{ title: string; validFrom: string; validUntil: string }[]>("_data/promotions.yaml").map((promotion) => ({
  ...promotion,
  running: DateTime.fromISO(promotion.validFrom, { zone: ZONE }).startOf("day") <= NOW && NOW <= DateTime.fromISO(promotion.validUntil, { zone: ZONE }).endOf("day"),
}));

const nextPublic = rawSessions()
  // The next classes a visitor can still sign up for: public, going ahead, not yet started (full ones offer a waitlist).
  .filter((session) => session.startAt > NOW && session.mode !== "onsite" && session.status === "scheduled")
  .sort((a, b) => a.startAt.toMillis() - b.startAt.toMillis() || a.id.localeCompare(b.id))
  .map((session) => session.id);

const publishedArticles = published(CLOCKS.december).sort((a, b) => b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url));

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** Hrefs inside a selection that match `pattern`, in document order, each once. */
const hrefsIn = ($: CheerioAPI, scope: ReturnType<typeof sectionOf>, pattern: RegExp) => [
  ...new Set(
    scope
      .find("a[href]")
      .map((_, a) => $(a).attr("href"))
      .get()
      .map((href) => pattern.exec(href)?.[0])
      .filter((href): href is string => href !== undefined),
  ),
];
/** The section that a heading matching `heading` opens, searched in `within`. */
function sectionOf($: CheerioAPI, heading: RegExp, within = "main") {
  const h2 = $(`${within} h2`).filter((_, element) => heading.test(squash($(element).text())));
  expect(h2.length, `heading ${heading}`).toBe(1);
  const section = h2.closest("section");
  expect(section.length, `section of ${heading}`).toBe(1);
  return section;
}
const SESSION = /^\/schedule\/[a-z0-9-]+\//;
const sessionIdOf = (href: string) => href.split("/")[2]!;

describe("firm pages (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");

  it("lists the consulting services on /consulting/ in the editors' order", () => {
    const $ = page(dir, "/consulting/");
    const linked = [
      ...new Set(
        $("main a[href^='/consulting/']")
          .map((_, a) => $(a).attr("href"))
          .get(),
      ),
    ];
    expect(linked).toEqual(services.map((service) => `/consulting/${service.id}/`));
    for (const service of services) expect(squash($(`main a[href="/consulting/${service.id}/"]`).text())).toBe(service.title);
  });

  it("shows each service's offerings, engagement and related courses", () => {
    for (const service of services) {
      const url = `/consulting/${service.id}/`;
      const $ = page(dir, url);
      expect(squash($("h1").text()), url).toBe(service.title);
      const text = squash($("main").text());
      const items = $("main li")
        .map((_, li) => squash($(li).text()))
        .get();
      for (const offering of service.offerings) expect(items, url).toContain(offering);
      expect(text, url).toContain(service.engagement);
      const courseLinks = hrefsIn($, sectionOf($, /course/i), /^\/courses\/[a-z0-9-]+\/$/);
      expect(courseLinks, url).toEqual(service.relatedCourses.map((id) => `/courses/${id}/`));
    }
  });

  it("describes the mentoring program: 2 to 4 week cycles, Extreme Programming, action plan, deliverables, timeline and the one-year standard", () => {
    const text = squash(page(dir, "/training/mentoring/")("main").text());
    expect(text).toMatch(/\b(2|two) (to|-|–) (4|four)[ -]weeks?\b/i);
    expect(text).toContain("Extreme Programming");
    expect(text).toMatch(/action plan/i);
    expect(text).toMatch(/deliverables/i);
    expect(text).toMatch(/committed timeline/i);
    expect(text).toMatch(/\bone year/i);
  });

  it("has the enquiry form on /training/private/ and the contact form on /contact/", () => {
    expect(page(dir, "/training/private/")('main form[name="private-training-enquiry"]')).toHaveLength(1);
    expect(page(dir, "/contact/")('main form[name="contact"]')).toHaveLength(1);
  });

  it("lists every instructor and every training location on /about/", () => {
    const text = squash(page(dir, "/about/")("main").text());
    expect(instructors.length).toBeGreaterThan(1);
    for (const instructor of instructors) {
      expect(text).toContain(instructor.name);
      expect(text).toContain(instructor.role);
    }
    expect(locations.length).toBeGreaterThan(1);
    for (const location of locations) {
      expect(text).toContain(location.name);
      expect(text).toContain(location.street);
      expect(text).toContain(location.city);
    }
  });

  describe("the home page", () => {
    const $ = page(dir, "/");

    it("shows exactly the next five public sessions, in start order", () => {
      const section = sectionOf($, /next public classes/i);
      const shown = hrefsIn($, section, SESSION).map(sessionIdOf);
      expect(shown).toEqual(nextPublic.slice(0, 5));
    });

    it("shows the current promotion and not the expired one", () => {
      const text = squash($("main").text());
      const running = promotions.filter((promotion) => promotion.running);
      const over = promotions.filter((promotion) => !promotion.running);
      expect(running.map((promotion) => promotion.title)).toEqual([expect.stringContaining("Half-Price Books")]);
      expect(over.length).toBeGreaterThan(0);
      expect(text).toContain("Half-Price Books");
      for (const promotion of running) expect(text).toContain(promotion.title);
      for (const promotion of over) expect(text).not.toContain(promotion.title);
    });

    it("lists the course categories with their number of courses", () => {
      for (const category of categories) {
        const count = courses.filter((course) => course.category === category.id).length;
        if (count === 0) continue;
        const link = $(`main a[href="/courses/category/${category.id}/"]`);
        expect(link.length, category.id).toBe(1);
        expect(squash(link.text())).toBe(category.name);
        expect(squash(link.closest("li").text()), category.id).toMatch(new RegExp(`\\b${count} courses?\\b`));
      }
    });

    it("shows the latest three published articles", () => {
      const section = sectionOf($, /latest articles/i);
      expect(hrefsIn($, section, /^\/articles\/[a-z0-9-]+\/$/).filter((href) => href !== "/articles/tags/")).toEqual(
        publishedArticles.slice(0, 3).map((article) => article.url),
      );
    });

    it("links every consulting service", () => {
      for (const service of services) expect($(`main a[href="/consulting/${service.id}/"]`).length, service.id).toBeGreaterThan(0);
    });

    it('has a "Did you know?" block with one of the site\'s facts', () => {
      const section = sectionOf($, /^Did you know\?$/);
      const fact = squash(section.find("p").first().text());
      expect(site.didYouKnow).toContain(fact);
    });
  });

  describe("the article sidebar", () => {
    const url = "/articles/python-for-system-administrators/";
    const $ = page(dir, url);
    const aside = $("aside");

    it("comes after the article in document order, outside it", () => {
      expect(aside).toHaveLength(1);
      const article = $("main h1").closest("article");
      expect(article).toHaveLength(1);
      const elements = $("*").toArray();
      expect(elements.indexOf(article[0]!)).toBeLessThan(elements.indexOf(aside[0]!));
      expect(aside.closest("article")).toHaveLength(0);
      expect(article.find("aside")).toHaveLength(0);
    });

    it("has the course directory by category", () => {
      for (const category of categories) {
        const count = courses.filter((course) => course.category === category.id).length;
        if (count === 0) continue;
        const link = aside.find(`a[href="/courses/category/${category.id}/"]`);
        expect(link.length, category.id).toBe(1);
        expect(squash(link.closest("li").text()), category.id).toContain(`${category.name} (${count})`);
      }
    });

    it("has the next three public classes", () => {
      expect(hrefsIn($, aside, SESSION).map(sessionIdOf)).toEqual(nextPublic.slice(0, 3));
    });

    it("has the current promotion", () => {
      const text = squash(aside.text());
      for (const promotion of promotions) expect(text.includes(promotion.title), promotion.title).toBe(promotion.running);
    });

    it("has other published articles, not this one", () => {
      const others = hrefsIn($, aside, /^\/articles\/[a-z0-9-]+\/$/);
      expect(others.length).toBeGreaterThan(2);
      expect(others).not.toContain(url);
      const published = publishedArticles.map((article) => article.url);
      for (const other of others) expect(published).toContain(other);
    });
  });
});
