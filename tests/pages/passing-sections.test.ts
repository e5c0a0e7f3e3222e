import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isPassingSection } from "../../src/pages/passing-sections.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { CLOCKS } from "../support/build-site.ts";
import { allPages, buildDir, page } from "../support/site-output.ts";

describe("isPassingSection", () => {
  // 1 February 2027, 00:30 in Denver: already 07:30 UTC, and February has begun in Denver too.
  const now = DateTime.fromISO("2027-02-01T00:30", { zone: SITE_ZONE });

  it("names a class page's forms and their headings, the home page's offers and the schedule's later months", () => {
    for (const id of ["register", "register-heading", "waitlist", "waitlist-heading", "enquire", "enquire-heading"]) expect(isPassingSection("session", id, now), id).toBe(true);
    expect(isPassingSection("home", "home-offers", now)).toBe(true);
    expect(isPassingSection("article", "sidebar-offer", now)).toBe(true);
    expect(isPassingSection("article", "promotion-aside-12", now)).toBe(true);
    for (const id of ["class-registration-email", "class-waitlist-name", "class-enquiry-seats"]) expect(isPassingSection("session", id, now), id).toBe(true);
    expect(isPassingSection("schedule", "later-months", now)).toBe(true);
  });

  it("names a month's section of the schedule once the month has begun in Denver, and not a month to come", () => {
    expect(isPassingSection("schedule", "month-2027-01", now)).toBe(true);
    expect(isPassingSection("schedule", "month-2027-02", now)).toBe(true);
    expect(isPassingSection("schedule", "month-2027-03", now)).toBe(false);
    // 31 January, 22:00 in Denver is 1 February in UTC: February has not begun on the schedule's calendar.
    expect(isPassingSection("schedule", "month-2027-02", DateTime.fromISO("2027-02-01T05:00Z"))).toBe(false);
  });

  it("never names a section on a page of another template, nor a typo of one", () => {
    expect(isPassingSection("course", "register", now)).toBe(false);
    expect(isPassingSection("training/private", "enquire", now)).toBe(false);
    expect(isPassingSection("schedule-month", "month-2027-01", now)).toBe(false);
    expect(isPassingSection("home", "home-offers-heading", now)).toBe(false);
    expect(isPassingSection("session", "registr", now)).toBe(false);
    expect(isPassingSection("course", "class-registration-email", now)).toBe(false);
    expect(isPassingSection("session", "class-registration-emial", now)).toBe(false);
    expect(isPassingSection("article", "promotion-aside-", now)).toBe(false);
    expect(isPassingSection("schedule", "month-2027-1", now)).toBe(false);
    expect(isPassingSection(undefined, "register", now)).toBe(false);
  });
});

describe("the sections time takes from a page", () => {
  it("are all passing sections: every id a page of the December build has and the same page of the March build lacks", async () => {
    const [december, march] = [buildDir("december"), buildDir("march")];
    const marchPages = new Set(await allPages(march));
    const idsOf = ($: ReturnType<typeof page>) => new Set($("[id]").map((_, element) => $(element).attr("id")).get());
    const lost: string[] = [];
    let compared = 0;
    for (const file of await allPages(december)) {
      if (!marchPages.has(file)) continue;
      compared++;
      const before = page(december, file);
      const after = idsOf(page(march, file));
      const template = before("body").attr("data-template");
      for (const id of idsOf(before)) if (!after.has(id) && !isPassingSection(template, id, DateTime.fromISO(CLOCKS.march))) lost.push(`${file} (${template}): #${id}`);
    }
    expect(compared).toBeGreaterThan(50);
    expect(lost, "a section time takes away: name it in PASSING_SECTIONS (src/urls/site-urls.ts), so a link to it warns instead of stopping the hourly build").toEqual([]);
  });
});
