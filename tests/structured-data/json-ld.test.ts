import type { CheerioAPI } from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawCourses, rawSessions, readYaml } from "../support/raw-content.ts";
import { allPages, buildDir, page, urlExists } from "../support/site-output.ts";

// Expectations come from the fixture's data files (tests/fixture-site), read here without src/.
const SCHEMA = "https://schema.org/";
const OFFSET = /[+-]\d\d:\d\d$/;
const site = readYaml<{ url: string; name: string; fewSeatsLeft: number }>("_data/site.yaml");
const SITE_URL = site.url.replace(/\/$/, "");
const locations = readYaml<Record<string, { name: string; street: string; city: string; postalCode: string }>>("_data/locations.yaml");
const courses = new Map(rawCourses().map((course) => [course.id, course]));
const sessions = rawSessions();
const upcoming = sessions.filter((session) => session.endAt > DateTime.fromISO(CLOCKS.december));
const publicSessions = upcoming.filter((session) => session.mode !== "onsite");

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
/** Every JSON-LD object on a page (arrays and @graph flattened). */
function jsonLd($: CheerioAPI): Json[] {
  return $('script[type="application/ld+json"]')
    .map((_, script) => [JSON.parse($(script).html() ?? "") as unknown])
    .get()
    .flatMap((data) => (Array.isArray(data) ? data : [data]))
    .flatMap((data) => (isObject(data) && Array.isArray(data["@graph"]) ? (data["@graph"] as unknown[]) : [data]))
    .filter(isObject);
}
const ofType = ($: CheerioAPI, type: string) => jsonLd($).filter((data) => data["@type"] === type);
const one = ($: CheerioAPI, type: string, where: string): Json => {
  const found = ofType($, type);
  expect(found, `${type} on ${where}`).toHaveLength(1);
  return found[0]!;
};
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value : [value]).filter(isObject);

describe("JSON-LD (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");

  it("writes JSON that parses in every ld+json script of every page", async () => {
    let scripts = 0;
    for (const file of await allPages(dir)) {
      const $ = page(dir, file);
      $('script[type="application/ld+json"]').each((_, script) => {
        scripts++;
        const text = $(script).html() ?? "";
        expect(() => JSON.parse(text), file).not.toThrow();
        const data = JSON.parse(text) as unknown;
        for (const item of Array.isArray(data) ? data : [data]) {
          expect(isObject(item), file).toBe(true);
          expect((item as Json)["@context"], file).toMatch(/^https?:\/\/schema\.org\/?$/);
        }
      });
    }
    expect(scripts).toBeGreaterThan(courses.size + publicSessions.length);
  });

  it("gives each course page a Course with name, description, provider, offers and course instances", () => {
    for (const [id, course] of courses) {
      const where = `/courses/${id}/`;
      const data = one(page(dir, where), "Course", where);
      expect(data.name, where).toBe(course.title);
      expect(typeof data.description === "string" && data.description.length > 20, where).toBe(true);
      const provider = data.provider as Json;
      expect(isObject(provider) && provider.name === site.name, where).toBe(true);
      const offers = asList(data.offers);
      expect(offers.length, where).toBeGreaterThan(0);
      for (const offer of offers) {
        expect(offer.priceCurrency, where).toBe("USD");
        if (course.priceUSD !== undefined) expect(Number(offer.price), where).toBe(course.priceUSD);
        else expect(offer.price, where).toBeUndefined();
      }
      const instances = asList(data.hasCourseInstance);
      expect(instances.length, where).toBeGreaterThan(0);
      for (const instance of instances) {
        expect(instance["@type"], where).toBe("CourseInstance");
        expect(["Online", "Onsite", "Blended"], where).toContain(instance.courseMode);
        expect(typeof instance.courseWorkload === "string" || instance.courseSchedule !== undefined, where).toBe(true);
        if (instance.startDate !== undefined) expect(instance.startDate, where).toMatch(OFFSET);
        if (instance.endDate !== undefined) expect(instance.endDate, where).toMatch(OFFSET);
      }
    }
  });

  it("dates a course's instances with its public, not cancelled, upcoming sessions", () => {
    const data = one(page(dir, "/courses/java-fundamentals/"), "Course", "/courses/java-fundamentals/");
    const starts = asList(data.hasCourseInstance).map((instance) => DateTime.fromISO(String(instance.startDate)).toMillis());
    const expected = publicSessions.filter((session) => session.course === "java-fundamentals" && session.status !== "cancelled");
    expect(expected.length).toBeGreaterThan(1);
    expect(starts.sort()).toEqual(expected.map((session) => session.startAt.toMillis()).sort());
  });

  it("lists every course page in an ItemList on /courses/", () => {
    const list = one(page(dir, "/courses/"), "ItemList", "/courses/");
    const items = asList(list.itemListElement);
    expect(items.map((item) => item.position)).toEqual(items.map((_, index) => index + 1));
    const urls = items.map((item) => String(item.url ?? (isObject(item.item) ? item.item["@id"] ?? item.item.url : item.item)));
    for (const url of urls) {
      expect(url.startsWith(`${SITE_URL}/courses/`), url).toBe(true);
      expect(urlExists(dir, new URL(url).pathname), url).toBe(true);
    }
    expect(urls.map((url) => new URL(url).pathname).sort()).toEqual([...courses.keys()].map((id) => `/courses/${id}/`).sort());
  });

  it("publishes an EducationEvent on exactly the public session pages", () => {
    for (const session of upcoming) {
      const events = ofType(page(dir, `/schedule/${session.id}/`), "EducationEvent");
      expect(events.length, session.id).toBe(session.mode === "onsite" ? 0 : 1);
    }
  });

  it("describes each public session's dates, status, attendance mode, place, offer and organizer", () => {
    for (const session of publicSessions) {
      const where = `/schedule/${session.id}/`;
      const event = one(page(dir, where), "EducationEvent", where);
      const course = courses.get(session.course)!;
      expect(event.name, where).toContain(course.title);
      expect(event.startDate, where).toMatch(OFFSET);
      expect(event.endDate, where).toMatch(OFFSET);
      expect(DateTime.fromISO(String(event.startDate)).toMillis(), where).toBe(session.startAt.toMillis());
      expect(DateTime.fromISO(String(event.endDate)).toMillis(), where).toBe(session.endAt.toMillis());
      // A class that moved and goes ahead on its new dates is rescheduled, with its previous start.
      const status = session.previousStart && session.status === "scheduled" ? "EventRescheduled" : { scheduled: "EventScheduled", cancelled: "EventCancelled", postponed: "EventPostponed" }[session.status];
      if (session.previousStart) expect(DateTime.fromISO(String(event.previousStartDate)).toMillis(), where).toBe(DateTime.fromISO(session.previousStart, { zone: "America/Denver" }).toMillis());
      expect(event.eventStatus, where).toBe(`${SCHEMA}${status}`);
      expect(event.eventAttendanceMode, where).toBe(`${SCHEMA}${session.mode === "online" ? "Online" : "Offline"}EventAttendanceMode`);

      const location = event.location as Json;
      if (session.mode === "online") {
        expect(location["@type"], where).toBe("VirtualLocation");
        expect(typeof location.url, where).toBe("string");
      } else {
        const place = locations[session.location!]!;
        expect(location["@type"], where).toBe("Place");
        expect(location.name, where).toBe(place.name);
        const address = location.address as Json;
        expect(address["@type"], where).toBe("PostalAddress");
        expect(address.streetAddress, where).toBe(place.street);
        expect(address.addressLocality, where).toBe(place.city);
        expect(address.postalCode, where).toBe(place.postalCode);
      }

      const offers = asList(event.offers);
      expect(offers, where).toHaveLength(1);
      const offer = offers[0]!;
      // The price at the build's clock: an early-bird price while it runs (valid until its deadline), else the session's or course's.
      const earlyBird = session.earlyBird && DateTime.fromISO(session.earlyBird.until, { zone: "America/Denver" }) > DateTime.fromISO(CLOCKS.december) ? session.earlyBird : undefined;
      const price = earlyBird?.priceUSD ?? session.priceUSD ?? course.priceUSD;
      if (earlyBird) expect(DateTime.fromISO(String(offer.priceValidUntil)).toMillis(), where).toBe(DateTime.fromISO(earlyBird.until, { zone: "America/Denver" }).toMillis());
      // A course on "Price on request" has no price to publish; one must not be made up.
      if (price === undefined) expect(offer.price, where).toBeUndefined();
      else expect(Number(offer.price), where).toBe(price);
      expect(offer.priceCurrency, where).toBe("USD");
      if (session.status === "scheduled" && session.startAt > DateTime.fromISO(CLOCKS.december)) {
        const availability = session.seatsLeft === 0 ? "SoldOut" : session.seatsLeft <= site.fewSeatsLeft ? "LimitedAvailability" : "InStock";
        expect(offer.availability, where).toBe(`${SCHEMA}${availability}`);
      } else {
        // Registration is closed for a cancelled, postponed or started class: the offer must not say seats can be had.
        expect(offer.availability, where).toMatch(/^https:\/\/schema\.org\/\w+$/);
        expect([`${SCHEMA}InStock`, `${SCHEMA}LimitedAvailability`], where).not.toContain(offer.availability);
      }

      const organizer = event.organizer as Json;
      expect(isObject(organizer) && organizer.name === site.name, where).toBe(true);
    }
  });

  it("covers the special cases: cancelled, postponed, full, nearly full and online", () => {
    const event = (id: string) => one(page(dir, `/schedule/${id}/`), "EducationEvent", id);
    expect(event("advanced-java-2027-03-dtc").eventStatus).toBe(`${SCHEMA}EventCancelled`);
    expect(event("salesforce-administration-2027-09-dtc").eventStatus).toBe(`${SCHEMA}EventPostponed`);
    expect((event("linux-administration-2027-01-den").offers as Json).availability).toBe(`${SCHEMA}SoldOut`);
    expect((event("java-fundamentals-2026-12-den").offers as Json).availability).toBe(`${SCHEMA}LimitedAvailability`);
    expect((event("aws-fundamentals-2026-12-online").offers as Json).availability).toBe(`${SCHEMA}InStock`);
    expect((event("aws-fundamentals-2026-12-online").location as Json)["@type"]).toBe("VirtualLocation");
    expect(event("advanced-java-2027-09-den").offers).toMatchObject({ price: 2595 });
    expect(publicSessions.filter((session) => (session.priceUSD ?? courses.get(session.course)!.priceUSD) !== undefined).length).toBeGreaterThan(10);
  });
});
