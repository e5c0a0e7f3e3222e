import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday, type ICalCalendar, type ICalEventData, type ICalRepeatingOptions } from "ical-generator";
import type { DateTime } from "luxon";
import type { ScheduledSession } from "../collections/views.ts";
import type { Site } from "../schemas/site.ts";
import { dayNumber, isoWeekdayOf } from "../time/calendar-days.ts";
import { SITE_ZONE } from "../time/zone.ts";
import { foldLines } from "./fold-lines.ts";

/** What a calendar file needs besides its sessions. */
export interface CalendarOptions {
  site: Site;
  /** The calendar's name, as a subscribing app shows it. */
  name: string;
  /** The build's clock, used as DTSTAMP so that a rebuild at the same SITE_NOW writes the same bytes. */
  stamp: DateTime;
}

/** How each status reads in a calendar. */
const STATE_TEXT: Record<ScheduledSession["status"], { suffix: string; note?: string; status: ICalEventStatus }> = {
  scheduled: { suffix: "", status: ICalEventStatus.CONFIRMED },
  cancelled: { suffix: " (cancelled)", note: "This class has been cancelled.", status: ICalEventStatus.CANCELLED },
  postponed: { suffix: " (postponed)", note: "This class has been postponed; new dates will follow.", status: ICalEventStatus.TENTATIVE },
};

/** The UID of a session's event: derived from the session id only, so it never changes, even when the class moves. */
export function sessionUid(session: Pick<ScheduledSession, "id">, site: Pick<Site, "url">): string {
  return `${session.id}@${new URL(site.url).hostname}`;
}

/**
 * The UID of one meeting of a session whose meetings are listed in the data (each its own event, as their hours
 * differ): the session id and the meeting's number, so a moved class updates the same events.
 */
export function meetingUid(session: Pick<ScheduledSession, "id">, index: number, site: Pick<Site, "url">): string {
  return `${session.id}-${index + 1}@${new URL(site.url).hostname}`;
}

/** Where a session takes place, as one line for LOCATION. */
export function sessionPlace(session: ScheduledSession): string {
  if (session.location) {
    const place = session.location;
    return `${place.name}, ${place.street}, ${place.city}, ${place.region} ${place.postalCode}`;
  }
  return session.mode === "online" ? "Online (live, instructor-led)" : "At the client's site";
}

const WEEKDAYS = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU] as const;

/**
 * A multi-day class as a daily recurrence over its teaching days, so a calendar shows 9:00 to 4:30 each day
 * instead of one block through the nights. undefined when the days cannot be described by one rule.
 */
export function teachingDaysRule(session: Pick<ScheduledSession, "days" | "end">): ICalRepeatingOptions | undefined {
  if (session.days.length < 2) return undefined;
  const weekdays = new Set<number>(session.days.map((day) => day.weekday));
  const first = session.days[0]!;
  // Counted on plain calendar days: the rule's days are dates, and stepping a DateTime through the zone is costly.
  const last = dayNumber(session.end.setZone(first.zone));
  let matching = 0;
  for (let day = dayNumber(first); day <= last; day++) if (weekdays.has(isoWeekdayOf(day))) matching++;
  if (matching !== session.days.length) return undefined;
  return { freq: ICalEventRepeatingFreq.DAILY, count: session.days.length, byDay: [...weekdays].sort().map((weekday) => WEEKDAYS[weekday - 1]!) };
}

/** The events of one session: one with a daily rule, or one per meeting when the data lists its meetings. */
export function sessionEvents(session: ScheduledSession, options: Pick<CalendarOptions, "site" | "stamp">): ICalEventData[] {
  const { site } = options;
  const url = `${site.url}${session.url}`;
  const state = STATE_TEXT[session.status];
  const description = [
    `${session.course.title} (${session.course.lengthLabel}, ${session.course.levelLabel.toLowerCase()}), ${session.modeLabel.toLowerCase()}.`,
    `${session.listsMeetings ? session.meetings.map((meeting) => `${meeting.dateLabel}: ${meeting.hoursLabel}`).join("; ") : `Daily ${session.timeRange}`}. Instructor: ${session.instructor.name}.`,
    ...(session.previousStartLabel ? [`The class has moved; it was to start on ${session.previousStartLabel}.`] : []),
    state.note ?? (session.isPrivate ? "A private class taught for a client; not open for registration." : `Seats: ${session.availabilityLabel}.`),
    `Details: ${url}`,
  ].join("\n");
  const common = {
    timezone: SITE_ZONE,
    stamp: options.stamp.toUTC().toJSDate(),
    summary: `${session.course.title}${state.suffix}`,
    description,
    location: sessionPlace(session),
    url,
    status: state.status,
    // A moved class is a new version of the same events: calendars replace, not add, when SEQUENCE grows.
    sequence: session.previousStart ? 1 : 0,
  };
  if (session.hasOwnMeetings) {
    return session.meetings.map((meeting, index) => ({ ...common, id: meetingUid(session, index, site), start: meeting.start, end: meeting.end }));
  }
  const rule = teachingDaysRule(session);
  const firstDay = session.meetings[0]!;
  return [{ ...common, id: sessionUid(session, site), start: session.start, end: rule ? firstDay.end : session.end, ...(rule ? { repeating: rule } : {}) }];
}

/** A calendar set up as every file of the site is: its name, the firm as PRODID, and the zone's VTIMEZONE. */
function newCalendar(name: string, site: Site): ICalCalendar {
  const calendar = ical({ name, prodId: { company: site.name, product: "Class schedule", language: "EN" } });
  // The zone goes on each event (with its VTIMEZONE), not on the calendar: a calendar-wide zone would also
  // write DTSTAMP as local time, and RFC 5545 wants DTSTAMP in UTC.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  return calendar;
}

// A session's events are the same text in every file that lists it (its own, its course's, its month's, its
// facets' and the whole schedule's), so they are written once per session object. The model builds new session
// objects on every build, so an `npm start` rebuild after an edit never meets a stale entry; the clock and the
// site URL are checked too, as they are written into the text.
const eventsText = new WeakMap<ScheduledSession, { stamp: number; siteUrl: string; text: string }>();

/** A session's events as folded iCalendar lines (CRLF), exactly as ical-generator writes them inside a calendar. */
function sessionEventsText(session: ScheduledSession, options: CalendarOptions): string {
  const stamp = options.stamp.toMillis();
  const cached = eventsText.get(session);
  if (cached && cached.stamp === stamp && cached.siteUrl === options.site.url) return cached.text;
  const calendar = newCalendar("", options.site);
  const events = sessionEvents(session, options).map((data) => calendar.createEvent(data));
  // Folding works line by line and every event ends with CRLF, so folded events can be joined as they are; the
  // fold is ical-generator's, done in one pass (src/feeds/fold-lines.ts).
  const text = foldLines(events.map((event) => event.toString()).join(""));
  eventsText.set(session, { stamp, siteUrl: options.site.url, text });
  return text;
}

const BEGIN_EVENT = "\r\nBEGIN:VEVENT\r\n";
const END_CALENDAR = "END:VCALENDAR";

// The VTIMEZONE block ical-generator writes after the head of a calendar whose events are in the site's zone,
// taken from its own output once: folding it again for every calendar file cost as much as the events.
let zoneBlock: string | undefined;
function vtimezoneBlock(site: Site): string {
  if (zoneBlock === undefined) {
    const empty = newCalendar("", site).toString();
    const calendar = newCalendar("", site);
    calendar.createEvent({ id: "placeholder", start: new Date(0), timezone: SITE_ZONE });
    const text = calendar.toString();
    zoneBlock = text.slice(empty.length - END_CALENDAR.length, text.indexOf(BEGIN_EVENT) + 2);
  }
  return zoneBlock;
}

/**
 * An iCalendar (RFC 5545) file of sessions in the site's zone (TZID with its VTIMEZONE), each class meeting
 * its daily hours on each teaching day; cancelled sessions marked STATUS:CANCELLED.
 */
export function sessionsCalendar(sessions: readonly ScheduledSession[], options: CalendarOptions): string {
  const events = sessions.map((session) => sessionEventsText(session, options)).join("");
  // ical-generator writes the head (and, without events, the whole file); the VTIMEZONE of the events' zone
  // and the events written once per session go between the head and END:VCALENDAR, where it puts them.
  const empty = newCalendar(options.name, options.site).toString();
  if (!events) return empty;
  return `${empty.slice(0, -END_CALENDAR.length)}${vtimezoneBlock(options.site)}${events}${END_CALENDAR}`;
}
