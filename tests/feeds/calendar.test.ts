import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawCourses, rawSessions, readYaml } from "../support/raw-content.ts";
import { allFiles, buildDir, fileForUrl } from "../support/site-output.ts";

// Calendars are read with ical.js and checked against the fixture's data files (tests/fixture-site), read here without src/.
const site = readYaml<{ url: string }>("_data/site.yaml");
const HOST = new URL(site.url).hostname;
const SITE_URL = site.url.replace(/\/$/, "");
const locations = readYaml<Record<string, { name: string; street: string; city: string }>>("_data/locations.yaml");
const courseTitles = new Map(rawCourses().map((course) => [course.id, course.title]));
const sessions = rawSessions();
const upcomingAt = (build: keyof typeof CLOCKS) => sessions.filter((session) => session.endAt > DateTime.fromISO(CLOCKS[build]));
const uidOf = (id: string) => `${id}@${HOST}`;

interface ParsedEvent {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description: string;
  location: string;
  url: string;
  status: string;
  days: { start: number; end: number }[];
}

/**
 * Parses an .ics file of a build with ical.js, with its VTIMEZONEs registered, and expands each event's
 * recurrence: `start` is the first meeting's start and `end` the last meeting's end, `days` every meeting.
 */
function readCalendar(dir: string, url: string): { calendar: InstanceType<typeof ICAL.Component>; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(fileForUrl(dir, url), "utf8")));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const text = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      return value === null || value === undefined ? "" : String(value);
    };
    const days: { start: number; end: number }[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && days.length < 60; next = iterator.next()) {
      const occurrence = event.getOccurrenceDetails(next);
      days.push({ start: occurrence.startDate.toUnixTime(), end: occurrence.endDate.toUnixTime() });
    }
    return {
      uid: event.uid,
      start: days[0]!.start,
      end: days[days.length - 1]!.end,
      days,
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: text("url"),
      status: text("status"),
    };
  });
  return { calendar, events: bySession(events) };
}

/**
 * A session whose meetings are listed in the data is one event per meeting (UID "<id>-<n>@host"): the tests below
 * see one entry per session, its meetings in order, and check the per-meeting UIDs on their own.
 */
function bySession(events: ParsedEvent[]): ParsedEvent[] {
  const merged = new Map<string, ParsedEvent>();
  for (const event of events) {
    const id = sessionIdOfUid(event.uid);
    const earlier = merged.get(id);
    if (!earlier) merged.set(id, { ...event, uid: uidOf(id) });
    else {
      const days = [...earlier.days, ...event.days].sort((a, b) => a.start - b.start);
      merged.set(id, { ...earlier, days, start: days[0]!.start, end: days[days.length - 1]!.end });
    }
  }
  return [...merged.values()];
}

const knownIds = new Set(sessions.map((session) => session.id));
function sessionIdOfUid(uid: string): string {
  const id = uid.replace(`@${HOST}`, "");
  return knownIds.has(id) ? id : id.replace(/-\d+$/, "");
}

describe("calendar files (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");
  const upcoming = upcomingAt("december");

  it("parses every .ics file of the build as an iCalendar with events in UTC", async () => {
    const files = (await allFiles(dir)).filter((file) => file.endsWith(".ics"));
    expect(files).toContain("/schedule.ics");
    expect(files.filter((file) => /^\/schedule\/[^/]+\.ics$/.test(file) && knownIds.has(file.slice(10, -4))).length).toBe(upcoming.length);
    expect(files.filter((file) => file.startsWith("/courses/")).length).toBe(courseTitles.size);
    for (const file of files) {
      const { calendar, events } = readCalendar(dir, file);
      expect(calendar.name, file).toBe("vcalendar");
      expect(calendar.getFirstPropertyValue("version"), file).toBe("2.0");
      expect(String(calendar.getFirstPropertyValue("prodid") ?? ""), file).not.toBe("");
      for (const vevent of calendar.getAllSubcomponents("vevent")) {
        const start = new ICAL.Event(vevent).startDate;
        // A floating time would be read in the subscriber's own zone: each time must name UTC or a zone.
        expect(start.zone === ICAL.Timezone.utcTimezone || vevent.getFirstProperty("dtstart")?.getParameter("tzid") !== undefined, file).toBe(true);
      }
      const isSessionCalendar = /^\/schedule\/[^/]+\.ics$/.test(file) && knownIds.has(file.slice(10, -4));
      expect(events.length, file).toBeGreaterThanOrEqual(isSessionCalendar ? 1 : 0);
    }
  });

  it("puts exactly the upcoming sessions in /schedule.ics, at the right instants, with summary, description, location and URL", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    expect(events.map((event) => event.uid).sort()).toEqual(upcoming.map((session) => uidOf(session.id)).sort());
    for (const session of upcoming) {
      const event = events.find((candidate) => candidate.uid === uidOf(session.id))!;
      expect(event.start, session.id).toBe(session.startAt.toUTC().toSeconds());
      expect(event.end, session.id).toBe(session.endAt.toUTC().toSeconds());
      expect(event.summary, session.id).toContain(courseTitles.get(session.course)!);
      expect(event.description.length, session.id).toBeGreaterThan(20);
      expect(event.url, session.id).toBe(`${SITE_URL}/schedule/${session.id}/`);
      if (session.location) {
        expect(event.location, session.id).toContain(locations[session.location]!.name);
        expect(event.location, session.id).toContain(locations[session.location]!.street);
      } else {
        expect(event.location.length, session.id).toBeGreaterThan(5);
        if (session.mode === "online") expect(event.location, session.id).toMatch(/online/i);
      }
    }
  });

  it("converts Denver local times to UTC with the offset in force on each date", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    const at = (id: string) => events.find((event) => event.uid === uidOf(id))!;
    // January: MST, UTC-7.
    expect(new Date(at("linux-administration-2027-01-den").start * 1000).toISOString()).toBe("2027-01-11T16:00:00.000Z");
    // Across the change on 14 March 2027: starts in MST, ends in MDT (UTC-6).
    expect(new Date(at("agile-extreme-programming-2027-03-den").start * 1000).toISOString()).toBe("2027-03-12T16:00:00.000Z");
    expect(new Date(at("agile-extreme-programming-2027-03-den").end * 1000).toISOString()).toBe("2027-03-15T22:30:00.000Z");
    // July: MDT.
    expect(new Date(at("python-programming-2027-07-den").start * 1000).toISOString()).toBe("2027-07-12T15:00:00.000Z");
  });

  it("meets on each teaching day at the class's daily hours, across weekends and the DST change", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    const meetings = (id: string) =>
      events
        .find((event) => event.uid === uidOf(id))!
        .days.map(({ start, end }) => `${new Date(start * 1000).toISOString()}/${new Date(end * 1000).toISOString()}`);
    expect(meetings("java-fundamentals-2026-12-den")).toEqual(
      [7, 8, 9, 10, 11].map((day) => `2026-12-${String(day).padStart(2, "0")}T16:00:00.000Z/2026-12-${String(day).padStart(2, "0")}T23:30:00.000Z`),
    );
    // Friday in MST, then Monday in MDT: 9:00 to 4:30 local on both days.
    expect(meetings("agile-extreme-programming-2027-03-den")).toEqual(["2027-03-12T16:00:00.000Z/2027-03-12T23:30:00.000Z", "2027-03-15T15:00:00.000Z/2027-03-15T22:30:00.000Z"]);
    // Every session, per-day meetings included: exactly the days and hours of the data, each in its own day's offset.
    for (const session of upcoming) {
      const event = events.find((candidate) => candidate.uid === uidOf(session.id))!;
      expect(event.days, session.id).toEqual(session.meetingTimes.map((meeting) => ({ start: meeting.start.toSeconds(), end: meeting.end.toSeconds() })));
    }
  });

  it("marks the cancelled session STATUS:CANCELLED and no other", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    const cancelled = upcoming.filter((session) => session.status === "cancelled").map((session) => uidOf(session.id));
    expect(cancelled).toEqual([uidOf("advanced-java-2027-03-dtc")]);
    expect(events.filter((event) => event.status === "CANCELLED").map((event) => event.uid)).toEqual(cancelled);
    const own = readCalendar(dir, "/schedule/advanced-java-2027-03-dtc.ics").events;
    expect(own.map((event) => event.status)).toEqual(["CANCELLED"]);
  });

  it("describes a private on-site class as private, with no seats or registration", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    const privateIds = upcoming.filter((session) => session.mode === "onsite").map((session) => uidOf(session.id));
    expect(privateIds.length).toBeGreaterThan(0);
    for (const event of events.filter((candidate) => privateIds.includes(candidate.uid))) {
      expect(event.description, event.uid).toContain("A private class taught for a client; not open for registration.");
      expect(event.description, event.uid).not.toMatch(/Seats:/);
    }
    const publicOpen = events.find((event) => event.uid === uidOf("aws-fundamentals-2026-12-online"))!;
    expect(publicOpen.description).toContain("Seats: Open.");
  });

  it("writes one entry per session calendar, the same as in /schedule.ics", () => {
    const whole = readCalendar(dir, "/schedule.ics").events;
    for (const session of upcoming) {
      const { events } = readCalendar(dir, `/schedule/${session.id}.ics`);
      expect(events, session.id).toHaveLength(1);
      expect(events[0], session.id).toEqual(whole.find((event) => event.uid === uidOf(session.id)));
    }
  });

  it("puts exactly a course's upcoming sessions in its calendar", () => {
    for (const courseId of courseTitles.keys()) {
      const { events } = readCalendar(dir, `/courses/${courseId}.ics`);
      const expected = upcoming.filter((session) => session.course === courseId);
      expect(events.map((event) => event.uid).sort(), courseId).toEqual(expected.map((session) => uidOf(session.id)).sort());
      for (const session of expected) {
        const event = events.find((candidate) => candidate.uid === uidOf(session.id))!;
        expect(event.start, session.id).toBe(session.startAt.toSeconds());
        expect(event.end, session.id).toBe(session.endAt.toSeconds());
      }
    }
    expect(readCalendar(dir, "/courses/python-programming.ics").events.length).toBeGreaterThan(1);
  });
});

describe("calendar files (SITE_NOW 2027-03-01)", () => {
  const dir = buildDir("march");
  const upcoming = upcomingAt("march");

  it("puts exactly the sessions upcoming in March in /schedule.ics", () => {
    const { events } = readCalendar(dir, "/schedule.ics");
    expect(events.map((event) => event.uid).sort()).toEqual(upcoming.map((session) => uidOf(session.id)).sort());
    for (const session of upcoming) {
      const event = events.find((candidate) => candidate.uid === uidOf(session.id))!;
      expect(event.start, session.id).toBe(session.startAt.toSeconds());
      expect(event.end, session.id).toBe(session.endAt.toSeconds());
    }
  });

  it("keeps each session's UID the same in both builds", () => {
    const december = readCalendar(buildDir("december"), "/schedule.ics").events;
    const march = readCalendar(dir, "/schedule.ics").events;
    const inBoth = upcoming.filter((session) => upcomingAt("december").includes(session));
    expect(inBoth.length).toBeGreaterThan(5);
    for (const session of inBoth) {
      const before = december.find((event) => event.url === `${SITE_URL}/schedule/${session.id}/`);
      const after = march.find((event) => event.url === `${SITE_URL}/schedule/${session.id}/`);
      expect(before?.uid, session.id).toBe(uidOf(session.id));
      expect(after?.uid, session.id).toBe(before?.uid);
    }
  });
});
