import ical, { ICalEventStatus } from "ical-generator";
import type { DateTime } from "luxon";
import type { ScheduledSession } from "../collections/schedule.ts";
import { modeLabel } from "../collections/schedule.ts";
import type { Site } from "../schemas/site.ts";

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

/** The UID of a session's event: derived from the session id only, so it never changes. */
export function sessionUid(session: Pick<ScheduledSession, "id">, site: Pick<Site, "url">): string {
  return `${session.id}@${new URL(site.url).hostname}`;
}

/** Where a session takes place, as one line for LOCATION. */
export function sessionPlace(session: ScheduledSession): string {
  if (session.location) {
    const place = session.location;
    return `${place.name}, ${place.street}, ${place.city}, ${place.region} ${place.postalCode}`;
  }
  return session.mode === "online" ? "Online (live, instructor-led)" : "At the client's site";
}

/** An iCalendar (RFC 5545) file of sessions, times in UTC, cancelled sessions marked STATUS:CANCELLED. */
export function sessionsCalendar(sessions: readonly ScheduledSession[], options: CalendarOptions): string {
  const { site } = options;
  const calendar = ical({ name: options.name, prodId: { company: site.name, product: "Class schedule", language: "EN" } });
  for (const session of sessions) {
    const url = `${site.url}${session.url}`;
    const state = STATE_TEXT[session.status];
    const description = [
      `${session.course.title} (${session.course.durationDays}-day ${session.course.level} course), ${modeLabel(session.mode).toLowerCase()}.`,
      `Daily ${session.timeRange}. Instructor: ${session.instructor.name}.`,
      state.note ?? (session.isPrivate ? "A private class taught for a client; not open for registration." : `Seats: ${session.availabilityLabel}.`),
      `Details: ${url}`,
    ].join("\n");
    calendar.createEvent({
      id: sessionUid(session, site),
      start: session.start.toUTC().toJSDate(),
      end: session.end.toUTC().toJSDate(),
      stamp: options.stamp.toUTC().toJSDate(),
      summary: `${session.course.title}${state.suffix}`,
      description,
      location: sessionPlace(session),
      url,
      status: state.status,
    });
  }
  return calendar.toString();
}
