import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday, type ICalRepeatingOptions } from "ical-generator";
import type { DateTime } from "luxon";
import type { ScheduledSession } from "../collections/schedule.ts";
import type { Site } from "../schemas/site.ts";
import { SITE_ZONE } from "../time/zone.ts";

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
  const weekdays = new Set(session.days.map((day) => day.weekday));
  const first = session.days[0]!;
  let matching = 0;
  for (let day = first; day.startOf("day") <= session.end.startOf("day"); day = day.plus({ days: 1 })) if (weekdays.has(day.weekday)) matching++;
  if (matching !== session.days.length) return undefined;
  return { freq: ICalEventRepeatingFreq.DAILY, count: session.days.length, byDay: [...weekdays].sort().map((weekday) => WEEKDAYS[weekday - 1]!) };
}

/**
 * An iCalendar (RFC 5545) file of sessions in the site's zone (TZID with its VTIMEZONE), each class meeting
 * its daily hours on each teaching day; cancelled sessions marked STATUS:CANCELLED.
 */
export function sessionsCalendar(sessions: readonly ScheduledSession[], options: CalendarOptions): string {
  const { site } = options;
  const calendar = ical({ name: options.name, prodId: { company: site.name, product: "Class schedule", language: "EN" } });
  // The zone goes on each event (with its VTIMEZONE), not on the calendar: a calendar-wide zone would also
  // write DTSTAMP as local time, and RFC 5545 wants DTSTAMP in UTC.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const session of sessions) {
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
      session.meetings.forEach((meeting, index) => calendar.createEvent({ ...common, id: meetingUid(session, index, site), start: meeting.start, end: meeting.end }));
      continue;
    }
    const rule = teachingDaysRule(session);
    const firstDay = session.meetings[0]!;
    calendar.createEvent({
      ...common,
      id: sessionUid(session, site),
      start: session.start,
      end: rule ? firstDay.end : session.end,
      ...(rule ? { repeating: rule } : {}),
    });
  }
  return calendar.toString();
}
