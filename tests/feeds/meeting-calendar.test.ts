import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical from "ical-generator";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScheduledSession } from "../../src/collections/views.ts";
import { buildSiteModel, type SiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { sessionEvents, sessionsCalendar } from "../../src/feeds/calendar.ts";
import { createFixture, MINIMAL_PROJECT, type Fixture } from "../support/content-fixture.ts";

// A fixture session with its own meeting days across the March 2027 daylight-saving change (a Saturday half day, a
// skipped Monday), and one that moved: read back with ical.js, which knows nothing of luxon or ical-generator.
const SESSIONS = `- id: across-the-change
  course: advanced-java
  start: "2027-03-12T09:00"
  end: "2027-03-16T16:30"
  mode: classroom
  location: denver-downtown
  instructor: elena-marsh
  seats: 12
  meetings:
    - { start: "2027-03-12T09:00", end: "2027-03-12T16:30" }
    - { start: "2027-03-13T09:00", end: "2027-03-13T12:30" }
    - { start: "2027-03-16T10:00", end: "2027-03-16T16:30" }
- id: moved-class
  course: advanced-java
  start: "2027-04-05T09:00"
  end: "2027-04-07T16:30"
  previousStart: "2027-03-29T09:00"
  mode: online
  instructor: elena-marsh
  seats: 12
`;

let fixture: Fixture;
let model: SiteModel;
const HOST = "www.example.com";

beforeAll(async () => {
  fixture = await createFixture({ ...MINIMAL_PROJECT, "_data/schedule.yaml": SESSIONS });
  const content = await loadContent(fixture.root);
  model = buildSiteModel(content, { now: DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>, includeUnpublished: false });
});
afterAll(() => fixture?.cleanup());

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: new Date(event.startDate.toUnixTime() * 1000).toISOString(),
      end: new Date(event.endDate.toUnixTime() * 1000).toISOString(),
      recurs: event.isRecurring(),
      sequence: Number(vevent.getFirstPropertyValue("sequence") ?? 0),
    };
  });
}

describe("calendars of per-day meetings", () => {
  it("write one event per meeting, each in the offset of its own day across the DST change", () => {
    const session = model.schedule.upcoming.find((candidate) => candidate.id === "across-the-change")!;
    const events = parse(sessionsCalendar([session], { site: model.content.site, name: "Test", stamp: model.context.now }));
    expect(events).toEqual([
      // Friday and Saturday in MST (UTC-7); the clocks change on Sunday 14 March; Tuesday in MDT (UTC-6).
      { uid: `across-the-change-1@${HOST}`, start: "2027-03-12T16:00:00.000Z", end: "2027-03-12T23:30:00.000Z", recurs: false, sequence: 0 },
      { uid: `across-the-change-2@${HOST}`, start: "2027-03-13T16:00:00.000Z", end: "2027-03-13T19:30:00.000Z", recurs: false, sequence: 0 },
      { uid: `across-the-change-3@${HOST}`, start: "2027-03-16T16:00:00.000Z", end: "2027-03-16T22:30:00.000Z", recurs: false, sequence: 0 },
    ]);
  });

  it("say on the page that the hours vary, and list each meeting with its own zone", () => {
    const session = model.schedule.upcoming.find((candidate) => candidate.id === "across-the-change")!;
    expect(session.timeRange).toBe("Hours vary by day");
    expect(session.listsMeetings).toBe(true);
    expect(session.meetings.map((meeting) => `${meeting.dateLabel}: ${meeting.hoursLabel}`)).toEqual([
      "Fri 12 Mar 2027: 9:00 AM \u2013 4:30 PM MST",
      "Sat 13 Mar 2027: 9:00 AM \u2013 12:30 PM MST",
      "Tue 16 Mar 2027: 10:00 AM \u2013 4:30 PM MDT",
    ]);
  });

  it("keep the UID of a moved class and raise its SEQUENCE, so subscribed calendars update the event", () => {
    const session = model.schedule.upcoming.find((candidate) => candidate.id === "moved-class")!;
    const [event] = parse(sessionsCalendar([session], { site: model.content.site, name: "Test", stamp: model.context.now }));
    expect(event).toMatchObject({ uid: `moved-class@${HOST}`, start: "2027-04-05T15:00:00.000Z", sequence: 1, recurs: true });
    expect(session.previousStartLabel).toBe("Mon 29 Mar 2027");
  });
});

describe("calendars spliced from each session's events", () => {
  // What ical-generator writes when it is handed the whole calendar at once, as every calendar was once built.
  function oneShot(sessions: readonly ScheduledSession[], name: string, stamp: DateTime): string {
    const site = model.content.site;
    const calendar = ical({ name, prodId: { company: site.name, product: "Class schedule", language: "EN" } });
    calendar.timezone({ name: null, generator: getVtimezoneComponent });
    for (const session of sessions) for (const event of sessionEvents(session, { site, stamp })) calendar.createEvent(event);
    return calendar.toString();
  }

  it("are byte for byte what ical-generator writes for the whole calendar, with or without events", () => {
    const sessions = model.schedule.upcoming;
    expect(sessions.length).toBeGreaterThan(1);
    // A name long enough to be folded, with a character outside ASCII.
    const name = `Every class of ${model.content.site.name} \u2013 a calendar name long enough to fold across lines`;
    for (const list of [sessions, [...sessions].reverse(), sessions.slice(0, 1), []]) {
      const written = sessionsCalendar(list, { site: model.content.site, name, stamp: model.context.now });
      expect(written).toBe(oneShot(list, name, model.context.now));
    }
  });

  it("write the build's clock as DTSTAMP even after the same session was written at another clock", () => {
    const session = model.schedule.upcoming[0]!;
    const later = model.context.now.plus({ days: 1 });
    sessionsCalendar([session], { site: model.content.site, name: "Test", stamp: model.context.now });
    const written = sessionsCalendar([session], { site: model.content.site, name: "Test", stamp: later });
    expect(written).toBe(oneShot([session], "Test", later));
    expect(written).toContain(`DTSTAMP:${later.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`);
  });
});
