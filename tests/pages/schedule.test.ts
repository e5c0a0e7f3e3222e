import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawCourses, rawSessions, readYaml, ZONE } from "../support/raw-content.ts";
import { allFiles, allPages, buildDir, page, urlExists } from "../support/site-output.ts";

// The expectation is computed from the data files here, independently of src/collections.
const DASH = "\u2013";

const sessions = rawSessions();
const listPrices = new Map(rawCourses().map((course) => [course.id, course.priceUSD]));
/** The price a session is sold at: its own, else its course's list price; undefined is "on request". */
const priceOf = (session: { course: string; priceUSD?: number }) => session.priceUSD ?? listPrices.get(session.course);
type Session = (typeof sessions)[number];
const FEW_SEATS = readYaml<{ fewSeatsLeft: number }>("_data/site.yaml").fewSeatsLeft;
const byId = (id: string): Session => {
  const found = sessions.find((session) => session.id === id);
  if (!found) throw new Error(`${id} is not in _data/schedule.yaml`);
  return found;
};
const byStart = (a: Session, b: Session) => a.startAt.toMillis() - b.startAt.toMillis() || a.id.localeCompare(b.id);

const clockOf = (build: keyof typeof CLOCKS) => DateTime.fromISO(CLOCKS[build]);
const upcomingAt = (build: keyof typeof CLOCKS) => sessions.filter((session) => session.endAt > clockOf(build)).sort(byStart);
const endedAt = (build: keyof typeof CLOCKS) => sessions.filter((session) => session.endAt <= clockOf(build));

const FULL = "linux-administration-2027-01-den";
const CANCELLED = "advanced-java-2027-03-dtc";
const POSTPONED = "salesforce-administration-2027-09-dtc";
const ACROSS_DST = "agile-extreme-programming-2027-03-den";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const knownIds = new Set(sessions.map((session) => session.id));
// Month pages (/schedule/2027-03/) share the pattern: only ids of the data file count.
const sessionIdOf = (href: string | undefined) => {
  const id = /^\/schedule\/([^/#?]+)\/(?:[#?].*)?$/.exec(href ?? "")?.[1];
  return id && knownIds.has(id) ? id : undefined;
};
/** Ids of the sessions that hrefs point to, in order, each once. */
const sessionIds = (hrefs: (string | undefined)[]) => [...new Set(hrefs.map(sessionIdOf).filter((id): id is string => id !== undefined))];
/** Ids of the sessions linked inside `scope`, in document order, each once. */
const linkedSessions = ($: CheerioAPI, scope: string) => sessionIds($(scope).find("a[href]").map((_, a) => $(a).attr("href")).get());
/** The @type of every JSON-LD object on a page. */
const jsonLdTypes = ($: CheerioAPI) =>
  $('script[type="application/ld+json"]')
    .map((_, script) => [JSON.parse($(script).html() ?? "null") as unknown])
    .get()
    .flatMap((data) => (Array.isArray(data) ? data : [data]) as { "@type"?: unknown }[])
    .map((data) => data["@type"]);
/** The list item of a session on a list page. */
const itemOf = ($: CheerioAPI, id: string) => {
  const item = $("main li").has(`a[href^="/schedule/${id}/"]`);
  expect(item.length, `list item of ${id}`).toBeGreaterThan(0);
  return item.last();
};
/**
 * The hours as the README states them: said once when every meeting has the same wall-clock hours, with the zone
 * of each run of days (read from the UTC offset, not from a formatter); "Hours vary by day" otherwise.
 */
const expectedHours = (session: Session) => {
  const abbreviation = (at: DateTime) => (at.offset === -360 ? "MDT" : at.offset === -420 ? "MST" : `offset ${at.offset}`);
  const clock = (at: DateTime) => at.setLocale("en-US").toFormat("h:mm a");
  const hours = session.meetingTimes.map((meeting) => `${clock(meeting.start)} ${DASH} ${clock(meeting.end)}`);
  if (new Set(hours).size > 1) return "Hours vary by day";
  const runs: { zone: string; days: DateTime[] }[] = [];
  for (const meeting of session.meetingTimes) {
    const zone = abbreviation(meeting.start);
    if (runs.at(-1)?.zone === zone) runs.at(-1)!.days.push(meeting.start);
    else runs.push({ zone, days: [meeting.start] });
  }
  if (runs.length === 1) return `${hours[0]} ${runs[0]!.zone}`;
  const day = (at: DateTime) => at.setLocale("en-US").toFormat("ccc d LLL");
  const parts = runs.map((run, index) =>
    index > 0 ? `${run.zone} from ${day(run.days[0]!)}` : run.days.length === 1 ? `${run.zone} on ${day(run.days[0]!)}` : `${run.zone} to ${day(run.days.at(-1)!)}`,
  );
  return `${hours[0]} each day: ${parts.join(", ")}`;
};

describe("the test data", () => {
  it("has ended and upcoming sessions at both clocks, and the special cases the tests rely on", () => {
    for (const build of ["december", "march"] as const) {
      expect(upcomingAt(build).length, build).toBeGreaterThan(5);
      expect(endedAt(build).length, build).toBeGreaterThan(0);
    }
    // A session that started before the December clock but has not ended yet.
    const running = byId("restful-web-services-2026-11-dtc");
    expect(running.startAt < clockOf("december") && running.endAt > clockOf("december")).toBe(true);
    expect(byId(FULL).seatsLeft).toBe(0);
    expect(byId(CANCELLED).status).toBe("cancelled");
    expect(byId(POSTPONED).status).toBe("postponed");
    expect(byId(ACROSS_DST).startAt.isInDST).toBe(false);
    expect(byId(ACROSS_DST).endAt.isInDST).toBe(true);
  });
});

describe.each(["december", "march"] as const)("class schedule at the %s clock", (build) => {
  const dir = buildDir(build);
  const upcoming = upcomingAt(build);
  const ended = endedAt(build);

  it("/schedule/ links every session that has not ended, and no other", () => {
    const $ = page(dir, "/schedule/");
    expect(linkedSessions($, "main").sort()).toEqual(upcoming.map((session) => session.id).sort());
  });

  it("groups the sessions under month headings, in order of start", () => {
    const $ = page(dir, "/schedule/");
    const months = [...new Set(upcoming.map((session) => session.startAt.toFormat("yyyy-MM")))];
    const headings = $("main h2")
      .map((_, h2) => squash($(h2).text()))
      .get()
      .filter((text) => /^[A-Z][a-z]+ \d{4}$/.test(text));
    expect(headings).toEqual(months.map((key) => DateTime.fromFormat(key, "yyyy-MM", { zone: ZONE }).setLocale("en-US").toFormat("LLLL yyyy")));
    $("main h2")
      .filter((_, h2) => /^[A-Z][a-z]+ \d{4}$/.test(squash($(h2).text())))
      .each((index, h2) => {
        const section = $(h2).closest("section");
        expect(section.length, `section of ${$(h2).text()}`).toBe(1);
        const inMonth = upcoming.filter((session) => session.startAt.toFormat("yyyy-MM") === months[index]).map((session) => session.id);
        expect(sessionIds(section.find("a[href]").map((_, a) => $(a).attr("href")).get()), $(h2).text()).toEqual(inMonth);
      });
  });

  it("writes a page and a calendar file for each upcoming session and none for an ended one", () => {
    for (const session of upcoming) {
      expect(urlExists(dir, `/schedule/${session.id}/`), session.id).toBe(true);
      expect(urlExists(dir, `/schedule/${session.id}.ics`), session.id).toBe(true);
    }
    for (const session of ended) {
      expect(urlExists(dir, `/schedule/${session.id}/`), session.id).toBe(false);
      expect(urlExists(dir, `/schedule/${session.id}.ics`), session.id).toBe(false);
    }
  });

  it("mentions an ended session on no page and in no calendar", async () => {
    const files = (await allFiles(dir)).filter((file) => file.endsWith(".html") || file.endsWith(".ics"));
    expect((await allPages(dir)).length).toBeGreaterThan(10);
    expect(files.some((file) => file.endsWith(".ics"))).toBe(true);
    for (const file of files) {
      // iCalendar folds long lines; unfold them so that an id split across two lines is still found.
      const text = (await readFile(path.join(dir, file), "utf8")).replace(/\r?\n[ \t]/g, "");
      for (const session of ended) expect(text.includes(session.id), `${file} mentions ${session.id}`).toBe(false);
    }
  });

  it("shows each session's daily hours with the Denver zone in force on its first and last day", () => {
    const $ = page(dir, "/schedule/");
    for (const session of upcoming) {
      expect(squash(itemOf($, session.id).text()), session.id).toContain(expectedHours(session));
      const own = page(dir, `/schedule/${session.id}/`);
      expect(squash(own("main").text()), session.id).toContain(expectedHours(session));
    }
  });

  it("gives each session's dates with both weekdays and the last day's month and year", () => {
    const $ = page(dir, "/schedule/");
    for (const session of upcoming) {
      const start = session.startAt.setLocale("en-US");
      const end = session.endAt.setLocale("en-US");
      const shown = squash(itemOf($, session.id).find("time").first().text());
      expect(shown.startsWith(start.toFormat("ccc d")), `${session.id}: ${shown}`).toBe(true);
      expect(shown.endsWith(`${DASH} ${end.toFormat("ccc d LLL yyyy")}`), `${session.id}: ${shown}`).toBe(true);
      expect(itemOf($, session.id).find("time").first().attr("datetime"), session.id).toBe(start.toISO({ suppressMilliseconds: true }));
    }
  });
});

describe("class schedule details (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");
  const upcoming = upcomingAt("december");

  it("writes January hours in MST, July hours in MDT, and both zones for the class across the March change", () => {
    const $ = page(dir, "/schedule/");
    expect(squash(itemOf($, FULL).text())).toContain(`9:00 AM ${DASH} 4:30 PM MST`);
    expect(squash(itemOf($, "python-programming-2027-07-den").text())).toContain(`9:00 AM ${DASH} 4:30 PM MDT`);
    // Daily hours said once, with the zone of each day: never one range that seems to span the change.
    const acrossDst = `9:00 AM ${DASH} 4:30 PM each day: MST on Fri 12 Mar, MDT from Mon 15 Mar`;
    expect(squash(itemOf($, ACROSS_DST).text())).toContain(acrossDst);
    const session = page(dir, `/schedule/${ACROSS_DST}/`);
    expect(squash(session("main").text())).toContain(acrossDst);
    expect(squash(session("main").text())).not.toContain(`9:00 AM MST ${DASH} 4:30 PM MDT`);
    expect(squash(page(dir, `/schedule/${FULL}/`)("main").text())).toContain(`9:00 AM ${DASH} 4:30 PM MST`);
  });

  it("writes multi-day ranges as a person would", () => {
    const $ = page(dir, "/schedule/");
    const cases: [id: string, range: string][] = [
      ["java-fundamentals-2026-12-den", `Mon 7 ${DASH} Fri 11 Dec 2026`],
      ["restful-web-services-2026-11-dtc", `Mon 30 Nov ${DASH} Wed 2 Dec 2026`],
      [ACROSS_DST, `Fri 12 ${DASH} Mon 15 Mar 2027`],
      [FULL, `Mon 11 ${DASH} Fri 15 Jan 2027`],
    ];
    for (const [id, range] of cases) {
      expect(squash(itemOf($, id).find("time").first().text()), id).toBe(range);
      expect(squash(page(dir, `/schedule/${id}/`)("main").text()), id).toContain(range);
    }
  });

  it("offers the waitlist, not registration, for the full session", () => {
    const $ = page(dir, `/schedule/${FULL}/`);
    expect($('form[name="class-waitlist"]')).toHaveLength(1);
    expect($('form[name="class-registration"]')).toHaveLength(0);
    expect($('form[name="class-waitlist"] input[name="session-id"]').val()).toBe(FULL);
    expect(itemOf(page(dir, "/schedule/"), FULL).find(`a[href="/schedule/${FULL}/#waitlist"]`)).toHaveLength(1);
  });

  it("offers registration for a session with free seats", () => {
    const open = upcoming.filter(
      (session) =>
        session.startAt > clockOf("december") && session.mode !== "onsite" && session.status === "scheduled" && session.seatsLeft > 0 && priceOf(session) !== undefined,
    );
    expect(open.length).toBeGreaterThan(3);
    for (const session of open) {
      const $ = page(dir, `/schedule/${session.id}/`);
      expect($('form[name="class-registration"]'), session.id).toHaveLength(1);
      expect($('form[name="class-waitlist"]'), session.id).toHaveLength(0);
    }
  });

  it("lists a class that has started but not ended, closed to registration", () => {
    const underway = upcoming.filter((session) => session.startAt <= clockOf("december"));
    expect(underway.map((session) => session.id)).toEqual(["restful-web-services-2026-11-dtc"]);
    const $ = page(dir, "/schedule/restful-web-services-2026-11-dtc/");
    expect($("form")).toHaveLength(0);
    expect($("main").text()).toMatch(/under way, so registration has closed/);
    expect(page(dir, "/schedule/")('a[href="/schedule/restful-web-services-2026-11-dtc/"]').length).toBeGreaterThan(0);
  });

  it("says the cancelled session is cancelled, has no form, and offers other dates of the course", () => {
    const $ = page(dir, `/schedule/${CANCELLED}/`);
    expect($("main").text()).toMatch(/This class has been cancelled/);
    expect($("form")).toHaveLength(0);
    const otherDates = upcoming.filter(
      (session) => session.course === byId(CANCELLED).course && session.id !== CANCELLED && session.status === "scheduled" && session.mode !== "onsite",
    );
    expect(otherDates.length).toBeGreaterThan(0);
    for (const other of otherDates) expect($(`main a[href^="/schedule/${other.id}/"]`).length, other.id).toBeGreaterThan(0);
    expect(squash(itemOf(page(dir, "/schedule/"), CANCELLED).text())).toMatch(/Cancelled/);
  });

  it("says the postponed session is postponed and takes no registration", () => {
    const $ = page(dir, `/schedule/${POSTPONED}/`);
    expect($("main").text()).toMatch(/This class has been postponed/);
    expect($('form[name="class-registration"]')).toHaveLength(0);
    expect(squash(itemOf(page(dir, "/schedule/"), POSTPONED).text())).toMatch(/Postponed/);
  });

  it('shows "N seats left" for nearly full sessions and not for the others', () => {
    const $ = page(dir, "/schedule/");
    // A private class shows no seat count: it is not open to the public.
    const few = upcoming.filter((session) => session.mode !== "onsite" && session.status === "scheduled" && session.seatsLeft > 0 && session.seatsLeft <= FEW_SEATS);
    expect(few.length).toBeGreaterThan(2);
    for (const session of few) {
      const label = session.seatsLeft === 1 ? "1 seat left" : `${session.seatsLeft} seats left`;
      expect(squash(itemOf($, session.id).text()), session.id).toContain(label);
      const own = page(dir, `/schedule/${session.id}/`);
      expect(squash(own("main h1").closest("header").text()), session.id).toContain(label);
    }
    for (const session of upcoming.filter((candidate) => !few.includes(candidate))) {
      expect(squash(itemOf($, session.id).text()), session.id).not.toMatch(/\bseats? left\b/);
    }
  });

  it('marks guaranteed sessions "Guaranteed to run" and no others', () => {
    const $ = page(dir, "/schedule/");
    const guaranteed = upcoming.filter((session) => session.mode !== "onsite" && session.guaranteedToRun && session.status === "scheduled");
    expect(guaranteed.length).toBeGreaterThan(1);
    for (const session of upcoming) {
      const expected = guaranteed.includes(session);
      expect(itemOf($, session.id).text().includes("Guaranteed to run"), session.id).toBe(expected);
      const own = page(dir, `/schedule/${session.id}/`);
      // The page's own header: the list of other dates below may show another session's badge.
      expect(own("main h1").closest("header").text().includes("Guaranteed to run"), session.id).toBe(expected);
    }
  });

  it("gives private on-site sessions no registration form and no EducationEvent JSON-LD", () => {
    const onsite = upcoming.filter((session) => session.mode === "onsite");
    expect(onsite.length).toBeGreaterThan(1);
    for (const session of onsite) {
      const $ = page(dir, `/schedule/${session.id}/`);
      expect($("form"), session.id).toHaveLength(0);
      expect(jsonLdTypes($), session.id).not.toContain("EducationEvent");
    }
    // The check above must be able to see an EducationEvent where there is one.
    expect(jsonLdTypes(page(dir, `/schedule/${FULL}/`))).toContain("EducationEvent");
  });
});
