import type { CheerioAPI } from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawCourses, rawSessions, readYaml, ZONE } from "../support/raw-content.ts";
import { buildDir, page, urlExists } from "../support/site-output.ts";

// What a training buyer checks, with every expectation derived from the data files.
const dir = buildDir("december");
const clock = DateTime.fromISO(CLOCKS.december);
const courses = rawCourses();
const listPrice = new Map(courses.map((course) => [course.id, course.priceUSD]));
const sessions = rawSessions();
const upcoming = sessions.filter((session) => session.endAt > clock).sort((a, b) => a.startAt.toMillis() - b.startAt.toMillis() || a.id.localeCompare(b.id));
const instructors = readYaml<Record<string, { name: string }>>("_data/instructors.yaml");
const locations = readYaml<Record<string, { name: string; street: string; directions?: string; parking?: string; transit?: string; accessibility?: string; provided?: string[] }>>("_data/locations.yaml");
const policies = readYaml<{ id: string; title: string; body: string }[]>("_data/policies.yaml");
const categories = readYaml<Record<string, { name: string }>>("_data/categories.yaml");
const categoryOf = new Map(courses.map((course) => [course.id, course.category]));
const instructorOf = new Map(readYaml<{ id: string; instructor: string }[]>("_data/schedule.yaml").map((session) => [session.id, session.instructor]));

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const priceOf = (session: (typeof sessions)[number]) => session.priceUSD ?? listPrice.get(session.course);
const dollars = (value: number) => `$${value.toLocaleString("en-US")}`;
const notStarted = (session: (typeof sessions)[number]) => session.startAt > clock;
const isPublicOpen = (session: (typeof sessions)[number]) => notStarted(session) && session.mode !== "onsite" && session.status === "scheduled" && session.seatsLeft > 0;
/** The header of a session's own page: the lists of other dates below may show other sessions' badges. */
const headerOf = ($: CheerioAPI) => squash($("main h1").closest("header").text());
const itemOf = ($: CheerioAPI, id: string) => $("main li.session").has(`a[href^="/schedule/${id}/"]`).last();
/** Ids of the sessions linked from a list page's main content. */
const linkedIds = ($: CheerioAPI) => [
  ...new Set(
    $("main a[href^='/schedule/']")
      .map((_, a) => /^\/schedule\/([^/#?]+)\//.exec($(a).attr("href") ?? "")?.[1])
      .get()
      .filter((id: string) => sessions.some((session) => session.id === id)),
  ),
];
const ids = (list: readonly { id: string }[]) => list.map((session) => session.id);

describe("the findings, fixed (SITE_NOW 2026-12-01)", () => {
  const schedule = page(dir, "/schedule/");

  it("shows a private class only as private: no seats, no guarantee", () => {
    const onsite = upcoming.filter((session) => session.mode === "onsite");
    expect(onsite.some((session) => session.guaranteedToRun)).toBe(true);
    for (const session of onsite) {
      for (const text of [headerOf(page(dir, `/schedule/${session.id}/`)), squash(itemOf(schedule, session.id).find(".session__status").text())]) {
        expect(text, session.id).toContain("Private class for a client");
        expect(text, session.id).not.toMatch(/seats? left|Guaranteed to run|\bOpen\b|waitlist/i);
      }
    }
  });

  it("shows a cancelled class without price, calendar link or form, with the other dates of its course", () => {
    const cancelled = upcoming.filter((session) => session.status === "cancelled");
    expect(cancelled.length).toBeGreaterThan(0);
    for (const session of cancelled) {
      const $ = page(dir, `/schedule/${session.id}/`);
      expect($("form"), session.id).toHaveLength(0);
      expect($(`main a[href$=".ics"]`), session.id).toHaveLength(0);
      expect(squash($("main .facts").text()), session.id).not.toMatch(/\$\d|Price/);
      expect(squash(itemOf(schedule, session.id).text()), session.id).not.toMatch(/\$\d|Price on request/);
      const others = upcoming.filter((other) => other.course === session.course && other !== session && isPublicOpen(other));
      for (const other of others) expect($(`main a[href^="/schedule/${other.id}/"]`).length, other.id).toBeGreaterThan(0);
    }
  });

  it("offers an enquiry, not registration, for a public class without a price", () => {
    const unpriced = upcoming.filter((session) => isPublicOpen(session) && priceOf(session) === undefined);
    expect(unpriced.length).toBeGreaterThan(0);
    for (const session of unpriced) {
      const $ = page(dir, `/schedule/${session.id}/`);
      expect($('form[name="class-registration"]'), session.id).toHaveLength(0);
      expect($('form[name="class-enquiry"] input[name="session-id"]').val(), session.id).toBe(session.id);
      expect(itemOf(schedule, session.id).find(`a[href="/schedule/${session.id}/#register"]`), session.id).toHaveLength(0);
      expect(itemOf(schedule, session.id).find(`a[href="/schedule/${session.id}/#enquire"]`), session.id).toHaveLength(1);
    }
  });

  it("gives the reason beside a price that differs from the course's list price", () => {
    const differing = upcoming.filter((session) => session.priceUSD !== undefined && session.priceUSD !== listPrice.get(session.course) && session.status !== "cancelled");
    expect(differing.length).toBeGreaterThan(0);
    for (const session of differing) {
      expect(session.priceNote, `${session.id} has no priceNote, which the build should have refused`).toBeTruthy();
      const price = squash(page(dir, `/schedule/${session.id}/`)("main .facts").text());
      expect(price, session.id).toContain(`${dollars(session.priceUSD!)} (${session.priceNote})`);
      expect(squash(itemOf(schedule, session.id).text()), session.id).toContain(`(${session.priceNote})`);
    }
  });

  it("lists each meeting of a class whose hours differ by day", () => {
    const varying = upcoming.filter((session) => new Set(session.meetingTimes.map((meeting) => `${meeting.start.toFormat("HH:mm")}-${meeting.end.toFormat("HH:mm")}`)).size > 1);
    expect(varying.length).toBeGreaterThan(0);
    for (const session of varying) {
      const $ = page(dir, `/schedule/${session.id}/`);
      const shown = $("main .meeting-list li").map((_, li) => squash($(li).text())).get();
      expect(shown, session.id).toEqual(
        session.meetingTimes.map((meeting) => `${meeting.start.setLocale("en-US").toFormat("ccc d LLL yyyy")}: ${meeting.start.setLocale("en-US").toFormat("h:mm a")} \u2013 ${meeting.end.setLocale("en-US").toFormat("h:mm a")} ${meeting.start.offset === -360 ? "MDT" : "MST"}`),
      );
    }
  });
});

describe("instructors, venues and policies (SITE_NOW 2026-12-01)", () => {
  it("links every session page to its instructor's page, its venue's page and the policies, and those pages exist", () => {
    for (const session of upcoming) {
      const $ = page(dir, `/schedule/${session.id}/`);
      const instructor = instructorOf.get(session.id)!;
      expect($(`main a[href="/instructors/${instructor}/"]`).length, session.id).toBeGreaterThan(0);
      if (session.location) expect($(`main a[href="/venues/${session.location}/"]`).length, session.id).toBeGreaterThan(0);
      expect($('main a[href="/policies/"]').length, session.id).toBeGreaterThan(0);
    }
    for (const id of Object.keys(instructors)) expect(urlExists(dir, `/instructors/${id}/`), id).toBe(true);
    for (const id of Object.keys(locations)) expect(urlExists(dir, `/venues/${id}/`), id).toBe(true);
  });

  it("puts a policies link beside every Register button", () => {
    for (const url of ["/schedule/", ...courses.map((course) => `/courses/${course.id}/`)]) {
      const $ = page(dir, url);
      $('main a[href$="#register"]').each((_, button) => {
        expect($(button).parent().find('a[href="/policies/"]').length, `${url}: ${$(button).attr("href")}`).toBe(1);
      });
    }
  });

  it("asks on every registration, waitlist and enquiry form whether an accommodation is needed", () => {
    let forms = 0;
    for (const session of upcoming) {
      const $ = page(dir, `/schedule/${session.id}/`);
      $("form").each((_, form) => {
        forms++;
        const field = $(form).find('textarea[name="accommodation"]');
        expect(field.length, session.id).toBe(1);
        expect(squash($(form).find(`label[for="${field.attr("id")}"]`).text()), session.id).toMatch(/accommodation/i);
      });
    }
    expect(forms).toBeGreaterThan(3);
  });

  it("gives each instructor a page with bio, courses taught and exactly their upcoming classes", () => {
    for (const [id, person] of Object.entries(instructors)) {
      const $ = page(dir, `/instructors/${id}/`);
      expect(squash($("main h1").text())).toBe(person.name);
      const theirs = upcoming.filter((session) => instructorOf.get(session.id) === id);
      expect(linkedIds($).sort(), id).toEqual(ids(theirs).sort());
      const taught = [...new Set(sessions.filter((session) => instructorOf.get(session.id) === id).map((session) => session.course))];
      for (const course of taught) expect($(`main a[href="/courses/${course}/"]`).length, `${id}: ${course}`).toBeGreaterThan(0);
    }
  });

  it("gives each venue a page with a map link, the visitor details and exactly its upcoming classes", () => {
    for (const [id, venue] of Object.entries(locations)) {
      const $ = page(dir, `/venues/${id}/`);
      const text = squash($("main").text());
      expect(squash($("main h1").text())).toBe(venue.name);
      expect(text).toContain(venue.street);
      expect($('main a[href^="https://www.openstreetmap.org/"]').length, id).toBe(1);
      for (const detail of [venue.directions, venue.parking, venue.transit, venue.accessibility, ...(venue.provided ?? [])]) if (detail) expect(text, id).toContain(squash(detail));
      expect(linkedIds($).sort(), id).toEqual(ids(upcoming.filter((session) => session.location === id)).sort());
    }
  });

  it("shows every clause on /policies/ under its own anchor, and a class's overrides beside its form", () => {
    const $ = page(dir, "/policies/");
    expect($("main h2[id]").map((_, h2) => $(h2).attr("id")).get()).toEqual(policies.map((clause) => clause.id));
    const overridden = upcoming.filter((session) => isPublicOpen(session) && (session.policies || courses.find((course) => course.id === session.course)?.policies));
    expect(overridden.length).toBeGreaterThan(0);
    for (const session of overridden) {
      const own = page(dir, `/schedule/${session.id}/`);
      const clauses = { ...courses.find((course) => course.id === session.course)?.policies, ...session.policies };
      for (const [clause, text] of Object.entries(clauses)) {
        const entry = own(".policy-overrides");
        expect(entry.find(`a[href="/policies/#${clause}"]`).length, `${session.id}: ${clause}`).toBe(1);
        expect(squash(entry.text()), `${session.id}: ${clause}`).toContain(squash(text).slice(0, 60));
      }
    }
  });
});

describe("browsing the schedule without JavaScript (SITE_NOW 2026-12-01)", () => {
  const monthOf = (session: (typeof sessions)[number]) => session.startAt.toFormat("yyyy-MM");

  it("links a page per month from /schedule/, each listing exactly that month's classes, with a grid of their days", () => {
    const $ = page(dir, "/schedule/");
    const months = [...new Set(upcoming.map(monthOf))];
    for (const month of months) {
      expect($(`main a[href="/schedule/${month}/"]`).length, month).toBeGreaterThan(0);
      const own = page(dir, `/schedule/${month}/`);
      const inMonth = upcoming.filter((session) => monthOf(session) === month);
      expect(linkedIds(own).sort(), month).toEqual(ids(inMonth).sort());
      const grid = own("main table.month-grid");
      expect(grid.length, month).toBe(1);
      const days = DateTime.fromFormat(month, "yyyy-MM", { zone: ZONE }).daysInMonth!;
      expect(grid.find("td time[datetime]").length, month).toBe(days);
      for (const session of inMonth) {
        for (const meeting of session.meetingTimes.filter((candidate) => candidate.start.toFormat("yyyy-MM") === month)) {
          const cell = grid.find(`td:has(time[datetime="${meeting.start.toISODate()}"])`);
          expect(cell.find(`a[href="/schedule/${session.id}/"]`).length, `${session.id} on ${meeting.start.toISODate()}`).toBe(1);
        }
      }
    }
  });

  it("has a page per format, location and subject listing exactly the matching classes", () => {
    const $ = page(dir, "/schedule/");
    const facets: [url: string, match: (session: (typeof sessions)[number]) => boolean][] = [
      ...(["classroom", "online"] as const).map((mode) => [`/schedule/format/${mode}/`, (session: (typeof sessions)[number]) => session.mode === mode] as [string, (session: (typeof sessions)[number]) => boolean]),
      ...Object.keys(locations).map((id) => [`/schedule/location/${id}/`, (session: (typeof sessions)[number]) => session.location === id] as [string, (session: (typeof sessions)[number]) => boolean]),
      ...Object.keys(categories)
        .filter((id) => courses.some((course) => course.category === id))
        .map((id) => [`/schedule/category/${id}/`, (session: (typeof sessions)[number]) => categoryOf.get(session.course) === id] as [string, (session: (typeof sessions)[number]) => boolean]),
    ];
    for (const [url, match] of facets) {
      expect($(`main a[href="${url}"]`).length, url).toBeGreaterThan(0);
      expect(linkedIds(page(dir, url)).sort(), url).toEqual(ids(upcoming.filter(match)).sort());
    }
  });

  it("offers the same browse pages from the course directory", () => {
    const $ = page(dir, "/courses/");
    for (const url of ["/schedule/format/online/", `/schedule/${upcoming[0]!.startAt.toFormat("yyyy-MM")}/`]) expect($(`main a[href="${url}"]`).length, url).toBeGreaterThan(0);
  });
});

describe("a class that moved (SITE_NOW 2026-12-01)", () => {
  it("keeps its page, says where it was, and is an EventRescheduled with its previous start", () => {
    const moved = upcoming.filter((session) => session.previousStart && session.status === "scheduled");
    expect(moved.length).toBeGreaterThan(0);
    for (const session of moved) {
      const $ = page(dir, `/schedule/${session.id}/`);
      const previous = DateTime.fromISO(session.previousStart!, { zone: ZONE });
      expect(squash($("main").text()), session.id).toContain(`it was to start on ${previous.setLocale("en-US").toFormat("ccc d LLL yyyy")}`);
      const event = $('script[type="application/ld+json"]')
        .map((_, script) => [JSON.parse($(script).html() ?? "null") as Record<string, unknown>])
        .get()
        .find((data: Record<string, unknown>) => data["@type"] === "EducationEvent") as Record<string, unknown>;
      expect(event.eventStatus, session.id).toBe("https://schema.org/EventRescheduled");
      expect(DateTime.fromISO(String(event.previousStartDate)).toMillis(), session.id).toBe(previous.toMillis());
    }
  });
});
