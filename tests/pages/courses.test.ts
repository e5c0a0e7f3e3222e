import type { CheerioAPI } from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { type CourseData, rawArticles, rawCourses, rawEntries, rawSessions, readYaml } from "../support/raw-content.ts";
import { buildDir, page, urlExists } from "../support/site-output.ts";

// Expectations come from the fixture's data files (tests/fixture-site), read here without src/.
const courses = rawCourses();
const courseById = new Map(courses.map((course) => [course.id, course]));
const categories = rawEntries<{ name: string }>("_data/categories.yaml");
const sessions = rawSessions();
type Session = (typeof sessions)[number];
const upcomingOf = (courseId: string, build: keyof typeof CLOCKS) =>
  sessions
    .filter((session) => session.course === courseId && session.endAt > DateTime.fromISO(CLOCKS[build]))
    .sort((a, b) => a.startAt.toMillis() - b.startAt.toMillis() || a.id.localeCompare(b.id));
const nextPublicOf = (courseId: string, build: keyof typeof CLOCKS): Session | undefined =>
  upcomingOf(courseId, build).find((session) => session.startAt > DateTime.fromISO(CLOCKS[build]) && session.mode !== "onsite" && session.status === "scheduled");

const LEVELS = { introductory: "Introductory", intermediate: "Intermediate", advanced: "Advanced" } as const;
const FORMATS = { "public-classroom": "Classroom in Denver", "online-live": "Live online", "onsite-private": "Private, at your site" } as const;
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const priceText = (course: CourseData) => (course.priceUSD === undefined ? "Price on request" : usd.format(course.priceUSD));
const daysText = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;

const articles = rawArticles();
const publishedArticlesNaming = (courseId: string) =>
  articles.filter((article) => !article.draft && article.date <= DateTime.fromISO(CLOCKS.december) && article.relatedCourses.includes(courseId)).map((article) => article.url);

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** Quotes as typed, so text that went through Markdown typography compares with the data. */
const plainQuotes = (text: string) => text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
const courseIdOf = (href: string | undefined) => /^\/courses\/([a-z0-9-]+)\/$/.exec(href ?? "")?.[1];
const linkedCourses = ($: CheerioAPI, scope: string) => [
  ...new Set(
    $(scope)
      .find("a[href]")
      .map((_, a) => courseIdOf($(a).attr("href")))
      .get()
      .filter((id): id is string => id !== undefined),
  ),
];
/**
 * The courses a level's or category's pages link to, following the pager's "More courses" links from the first
 * page (a group of a large catalog is split into pages), each page checked to be titled `title` and numbered.
 */
const groupCourses = (dir: string, url: string, title: string) => {
  const listed: string[] = [];
  for (let current: string | undefined = url, number = 1; current; number++) {
    expect(urlExists(dir, current), current).toBe(true);
    const $ = page(dir, current);
    expect(squash($("h1").text()), current).toBe(number === 1 ? title : `${title}, page ${number}`);
    listed.push(...linkedCourses($, ".card-list"));
    current = $('.pager a[rel="next"]').attr("href");
  }
  return listed;
};
/** The section of the main content that a heading matching `heading` opens. */
const sectionOf = ($: CheerioAPI, heading: RegExp) => {
  const h2 = $("main h2").filter((_, element) => heading.test(squash($(element).text())));
  expect(h2.length, `heading ${heading}`).toBe(1);
  const section = h2.closest("section");
  expect(section.length, `section of ${heading}`).toBe(1);
  return section;
};

describe("the test data", () => {
  it("has courses in every level, a course without a price and a course without sessions", () => {
    expect(courses.length).toBeGreaterThan(10);
    for (const level of Object.keys(LEVELS)) expect(courses.some((course) => course.level === level), level).toBe(true);
    expect(courses.some((course) => course.priceUSD === undefined)).toBe(true);
    expect(upcomingOf("perl-programming", "december")).toEqual([]);
  });
});

describe.each(["december", "march"] as const)("the course directory /courses/ at the %s clock", (build) => {
  const dir = buildDir(build);

  it("groups every course under its category, each course once", () => {
    const $ = page(dir, "/courses/");
    const seen: string[] = [];
    for (const category of categories) {
      const members = courses.filter((course) => course.category === category.id).map((course) => course.id);
      if (members.length === 0) continue;
      const heading = $(`main h2:has(a[href="/courses/category/${category.id}/"])`);
      expect(heading.length, category.id).toBe(1);
      expect(squash(heading.text())).toBe(category.name);
      const section = heading.closest("section");
      const listed = section
        .find(".card__title a, h3 a")
        .map((_, a) => courseIdOf($(a).attr("href")))
        .get()
        .filter((id): id is string => id !== undefined);
      expect([...listed].sort(), category.id).toEqual([...members].sort());
      seen.push(...listed);
    }
    expect([...seen].sort()).toEqual(courses.map((course) => course.id).sort());
  });

  it("shows title, level, length, formats, price and the next public date or a private-class link for each course", () => {
    const $ = page(dir, "/courses/");
    for (const course of courses) {
      const title = $(`main a[href="/courses/${course.id}/"]`);
      expect(title.length, course.id).toBe(1);
      expect(squash(title.text())).toBe(course.title);
      const card = title.closest("article");
      const text = squash(card.text());
      expect(text, course.id).toContain(LEVELS[course.level]);
      expect(text, course.id).toContain(daysText(course.durationDays));
      expect(text, course.id).toContain(priceText(course));
      for (const format of course.formats) expect(text, `${course.id} ${format}`).toContain(FORMATS[format]);
      const next = nextPublicOf(course.id, build);
      if (next) {
        expect(card.find(`a[href="/schedule/${next.id}/"]`).length, course.id).toBe(1);
        expect(text, course.id).not.toContain("No public date yet");
      } else {
        expect(text, course.id).toContain("No public date yet");
        expect(card.find(`a[href="/training/private/${course.id}/#enquiry"]`).length, course.id).toBe(1);
        expect(card.find('a[href^="/schedule/"]').length, course.id).toBe(0);
      }
    }
  });
});

describe("course pages (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");

  it("writes pages per level listing exactly that level's courses, each once", () => {
    for (const [level, name] of Object.entries(LEVELS)) {
      const listed = groupCourses(dir, `/courses/level/${level}/`, `${name} courses`);
      const expected = courses.filter((course) => course.level === level).map((course) => course.id);
      expect([...listed].sort(), level).toEqual(expected.sort());
    }
  });

  it("writes pages per category listing exactly that category's courses, each once", () => {
    for (const category of categories) {
      const expected = courses.filter((course) => course.category === category.id).map((course) => course.id);
      if (expected.length === 0) continue;
      const listed = groupCourses(dir, `/courses/category/${category.id}/`, category.name);
      expect([...listed].sort(), category.id).toEqual(expected.sort());
    }
  });

  it("shows each course's summary, description, audience, prerequisites, objectives and outline", () => {
    for (const course of courses) {
      const $ = page(dir, `/courses/${course.id}/`);
      expect(squash($("h1").text()), course.id).toBe(course.title);
      expect(squash($("main h1").closest("header").text()), course.id).toContain(course.summary);
      const about = plainQuotes(squash(sectionOf($, /^About this course$/).text()));
      for (const paragraph of course.description.split(/\n\s*\n/).filter((text) => text.trim())) {
        const opening = plainQuotes(squash(paragraph).split(" ").slice(0, 8).join(" "));
        expect(about, course.id).toContain(opening);
      }
      const items = (heading: RegExp) =>
        sectionOf($, heading)
          .find("li")
          .map((_, li) => squash($(li).text()))
          .get();
      expect(items(/^Who should attend$/), course.id).toEqual(course.audience);
      const prerequisites = course.prerequisites ?? [];
      if (prerequisites.length) expect(items(/^Prerequisites$/), course.id).toEqual(prerequisites);
      else expect(sectionOf($, /^Prerequisites$/).text(), course.id).toMatch(/None/);
      expect(items(/^What you will be able to do$/), course.id).toEqual(course.objectives);
      const outline = sectionOf($, /^Course outline$/);
      expect(
        outline
          .find("h3")
          .map((_, h3) => squash($(h3).text()))
          .get(),
        course.id,
      ).toEqual(course.outline.map((section) => section.title));
      const outlineText = squash(outline.text());
      for (const topic of course.outline.flatMap((section) => section.topics)) expect(outlineText, course.id).toContain(topic);
    }
  });

  it("lists each course's upcoming sessions with register, waitlist or details links", () => {
    for (const course of courses) {
      const $ = page(dir, `/courses/${course.id}/`);
      const upcoming = upcomingOf(course.id, "december");
      const dates = sectionOf($, /^Upcoming classes$/);
      const linked = [
        ...new Set(
          dates
            .find('a[href^="/schedule/"]')
            .map((_, a) => /^\/schedule\/([^/]+)\//.exec($(a).attr("href") ?? "")?.[1])
            .get(),
        ),
      ];
      expect(linked.sort(), course.id).toEqual(upcoming.map((session) => session.id).sort());
      for (const session of upcoming) {
        // A class that has already started is listed until it ends, but closed to registration.
        const notStarted = session.startAt > DateTime.fromISO(CLOCKS.december);
        const open = notStarted && session.mode !== "onsite" && session.status === "scheduled" && session.seatsLeft > 0;
        // A public class without a price takes an enquiry instead of a registration.
        const priced = (session.priceUSD ?? course.priceUSD) !== undefined;
        const canRegister = open && priced;
        const full = notStarted && session.mode !== "onsite" && session.status === "scheduled" && session.seatsLeft === 0;
        const href = canRegister ? `/schedule/${session.id}/#register` : open ? `/schedule/${session.id}/#enquire` : full ? `/schedule/${session.id}/#waitlist` : `/schedule/${session.id}/`;
        const link = dates.find(`a[href="${href}"]`);
        expect(link.length, `${course.id}: ${href}`).toBe(1);
        if (canRegister) expect(squash(link.text()), href).toMatch(/^Register/);
      }
    }
    // Not vacuous: the courses above include some with several sessions to register for.
    expect(upcomingOf("python-programming", "december").length).toBeGreaterThan(1);
  });

  it("links each course's related courses, in the editors' order", () => {
    for (const course of courses.filter((candidate) => (candidate.relatedCourses ?? []).length > 0)) {
      const $ = page(dir, `/courses/${course.id}/`);
      const related = sectionOf($, /^Related courses$/)
        .find("a[href]")
        .map((_, a) => courseIdOf($(a).attr("href")))
        .get();
      expect(related, course.id).toEqual(course.relatedCourses);
      for (const id of course.relatedCourses ?? []) expect(squash(sectionOf($, /^Related courses$/).text())).toContain(courseById.get(id)!.title);
    }
  });

  it("lists the published articles that name the course", () => {
    expect(publishedArticlesNaming("python-programming")).toContain("/articles/python-for-system-administrators/");
    const python = page(dir, "/courses/python-programming/");
    expect(sectionOf(python, /^Articles on this subject$/).find('a[href="/articles/python-for-system-administrators/"]')).toHaveLength(1);
    for (const course of courses) {
      const $ = page(dir, `/courses/${course.id}/`);
      const expected = publishedArticlesNaming(course.id);
      const heading = $("main h2").filter((_, h2) => /^Articles on this subject$/.test(squash($(h2).text())));
      if (expected.length === 0) {
        expect(heading, course.id).toHaveLength(0);
        continue;
      }
      const listed = sectionOf($, /^Articles on this subject$/)
        .find("a[href]")
        .map((_, a) => $(a).attr("href"))
        .get();
      expect([...listed].sort(), course.id).toEqual([...expected].sort());
    }
  });

  it('says "No public date yet" for a course without sessions and links the private-class form', () => {
    const $ = page(dir, "/courses/perl-programming/");
    const dates = sectionOf($, /^Upcoming classes$/);
    expect(dates.text()).toMatch(/No public date yet/);
    expect(dates.find('a[href^="/schedule/"]')).toHaveLength(0);
    expect(dates.find('a[href="/training/private/perl-programming/#enquiry"]')).toHaveLength(1);
  });

  it("links each course to the private training form with that course, and only that one, selected", () => {
    for (const course of courses) {
      const $ = page(dir, `/courses/${course.id}/`);
      const href = `/training/private/${course.id}/#enquiry`;
      expect($(`main a[href="${href}"]`).length, course.id).toBeGreaterThan(0);
      const form = page(dir, href);
      expect(form("#enquiry form").length, href).toBe(1);
      const selected = form("option[selected]");
      expect(selected.length, href).toBe(1);
      expect(selected.attr("value"), href).toBe(course.id);
      expect(selected.closest("select").find(`option[value="${course.id}"]`), href).toHaveLength(1);
    }
    // The generic form selects no course.
    const generic = page(dir, "/training/private/");
    expect(generic("option[selected]").attr("value") ?? "").toBe("");
  });

  it("links each course's calendar file", () => {
    for (const course of courses) {
      const $ = page(dir, `/courses/${course.id}/`);
      const ics = `/courses/${course.id}.ics`;
      expect(urlExists(dir, ics), ics).toBe(true);
      expect($(`link[rel="alternate"][type="text/calendar"][href="${ics}"]`).length, course.id).toBe(1);
      if (upcomingOf(course.id, "december").length > 0) {
        const link = $(`main a[href="${ics}"]`);
        expect(link.length, course.id).toBe(1);
        // And the same calendar as a subscription, which calendar apps keep current.
        const host = new URL(readYaml<{ url: string }>("_data/site.yaml").url).host;
        expect($(`main a[href="webcal://${host}${ics}"]`).length, course.id).toBe(1);
      }
    }
  });
});
