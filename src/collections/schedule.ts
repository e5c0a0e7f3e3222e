import type { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import type { Course } from "../schemas/course.ts";
import type { Location } from "../schemas/location.ts";
import type { Person } from "../schemas/person.ts";
import type { Session } from "../schemas/session.ts";
import { formatDateRange, formatTimeRange } from "../time/format-range.ts";
import { teachingDays } from "../time/teaching-days.ts";
import { groupBy } from "../lib/collections.ts";
import { sessionCalendarUrl, sessionUrl } from "../urls/site-urls.ts";
import type { BuildContext } from "./build-context.ts";

// Lives in src/time so that the content checks can count a class's days too; re-exported for existing importers.
export { teachingDays };

/** Where a session stands for someone who wants a seat. */
export type Availability = "open" | "few" | "full" | "underway" | "cancelled" | "postponed";

/** A class session with everything a page or calendar shows, resolved once per build. */
export interface ScheduledSession extends Omit<Session, "course" | "location" | "instructor"> {
  courseId: string;
  course: Course;
  location?: Location;
  instructor: Person & { id: string };
  url: string;
  calendarUrl: string;
  seatsLeft: number;
  availability: Availability;
  /** "Open", "3 seats left", "Full: waitlist open", "In progress", "Cancelled", "Postponed". */
  availabilityLabel: string;
  /** The session's price, else the course's; undefined means on request. */
  priceUSD?: number;
  /** "Mon 7 – Thu 10 Dec 2026". */
  dateRange: string;
  /** "9:00 AM – 4:30 PM MST". */
  timeRange: string;
  /** The days the class meets, each at the session's daily hours: weekdays from the first to the last day. */
  days: DateTime<true>[];
  /** A class at a client's site: not open to the public, not published as an event. */
  isPrivate: boolean;
  /** Open for registration now: scheduled, public, not yet started and with a free seat. */
  canRegister: boolean;
  /** Full, but still going ahead: the waitlist is open. */
  hasWaitlist: boolean;
  /** Public, going ahead and not yet started: something a visitor can sign up for, or join the waitlist of. */
  isBookable: boolean;
  /** The course's other bookable sessions, for a visitor whose dates do not suit. */
  otherDates: ScheduledSession[];
}

/** Sessions of one calendar month. */
export interface ScheduleMonth {
  /** "2026-12". */
  key: string;
  /** "December 2026". */
  label: string;
  sessions: ScheduledSession[];
}

/** The schedule as pages and calendars need it. */
export interface ScheduleCollections {
  /** Every session that has not ended at the build's clock, by start. */
  upcoming: ScheduledSession[];
  /** The same, grouped by month of the start. */
  months: ScheduleMonth[];
  /** Upcoming sessions per course id. */
  byCourse: Record<string, ScheduledSession[]>;
  /** Upcoming sessions a visitor can book or waitlist (see isBookable): the home page's and sidebar's "next classes". */
  bookable: ScheduledSession[];
}

const MODE_LABELS = { classroom: "Classroom", online: "Live online", onsite: "On-site (private)" } as const;

/** The label of a session mode. */
export function modeLabel(mode: Session["mode"]): string {
  return MODE_LABELS[mode];
}

/**
 * Resolves and filters the schedule: a session that has ended at SITE_NOW is dropped here, so it
 * cannot appear on any page or calendar built from these collections.
 */
export function buildScheduleCollections(content: Content, context: BuildContext): ScheduleCollections {
  const upcoming = content.sessions
    .filter((session) => session.end > context.now)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id))
    .map((session) => resolveSession(session, content, context));
  const bookable = upcoming.filter((session) => session.isBookable);
  const bookableByCourse = groupBy(bookable, (session) => [session.courseId]);
  for (const session of upcoming) session.otherDates = (bookableByCourse[session.courseId] ?? []).filter((other) => other !== session);
  const months = new Map<string, ScheduleMonth>();
  for (const session of upcoming) {
    const key = session.start.toFormat("yyyy-MM");
    const month = months.get(key) ?? { key, label: session.start.setLocale("en-US").toFormat("LLLL yyyy"), sessions: [] };
    month.sessions.push(session);
    months.set(key, month);
  }
  return {
    upcoming,
    months: [...months.values()],
    byCourse: groupBy(upcoming, (session) => [session.courseId]),
    bookable,
  };
}

function resolveSession(session: Session, content: Content, context: BuildContext): ScheduledSession {
  const course = content.courses[session.course]!;
  const seatsLeft = Math.max(0, session.seats - session.enrolled);
  const availability = availabilityOf(session, seatsLeft, content.site.fewSeatsLeft, context);
  const isPrivate = session.mode === "onsite";
  // Going ahead and not started: the availability already says both.
  const isBookable = !isPrivate && (availability === "open" || availability === "few" || availability === "full");
  const { course: courseId, location, instructor, ...rest } = session;
  const priceUSD = session.priceUSD ?? course.priceUSD;
  return {
    ...rest,
    courseId,
    course,
    ...(location ? { location: content.locations[location]! } : {}),
    instructor: { ...content.instructors[instructor]!, id: instructor },
    url: sessionUrl(session.id),
    calendarUrl: sessionCalendarUrl(session.id),
    seatsLeft,
    availability,
    availabilityLabel: availabilityLabel(availability, seatsLeft),
    ...(priceUSD !== undefined ? { priceUSD } : {}),
    dateRange: formatDateRange(session.start, session.end),
    timeRange: formatTimeRange(session.start, session.end),
    days: teachingDays(session.start, session.end),
    isPrivate,
    canRegister: isBookable && (availability === "open" || availability === "few"),
    hasWaitlist: isBookable && availability === "full",
    isBookable,
    otherDates: [],
  };
}

function availabilityOf(session: Session, seatsLeft: number, fewSeatsLeft: number, context: BuildContext): Availability {
  if (session.status !== "scheduled") return session.status;
  if (session.start <= context.now) return "underway";
  if (seatsLeft === 0) return "full";
  return seatsLeft <= fewSeatsLeft ? "few" : "open";
}

function availabilityLabel(availability: Availability, seatsLeft: number): string {
  switch (availability) {
    case "open":
      return "Open";
    case "few":
      return seatsLeft === 1 ? "1 seat left" : `${seatsLeft} seats left`;
    case "full":
      return "Full: waitlist open";
    case "underway":
      return "In progress";
    case "cancelled":
      return "Cancelled";
    case "postponed":
      return "Postponed";
  }
}
