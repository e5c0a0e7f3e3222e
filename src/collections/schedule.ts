import { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import { groupBy } from "../lib/collections.ts";
import { formatPrice } from "../lib/money.ts";
import type { Session } from "../schemas/session.ts";
import { formatDateRange, formatDeadline } from "../time/format-range.ts";
import { dailyHours, meetingDate, meetingHours, zoneLabel, type MeetingTimes } from "../time/meeting-hours.ts";
import { teachingDays } from "../time/teaching-days.ts";
import { scheduleFacetCalendarUrl, scheduleFacetUrl, sessionCalendarUrl, sessionUrl, SITE_PATHS } from "../urls/site-urls.ts";
import { DRAFT_TITLE_PREFIX } from "./drafts.ts";
import type { BuildContext } from "./build-context.ts";
import { webcalUrl, type CatalogCollections, type CatalogCourse } from "./catalog.ts";
import type { Instructor } from "./instructors.ts";
import { listedMonths, listedSessions, type LaterMonth, type ListedSessions } from "./listed-sessions.ts";
import { policyOverrides, type Policies, type PolicyClauseView } from "./policies.ts";
import type { Venue } from "./venues.ts";

// Lives in src/time so that the content checks can count a class's days too; re-exported for existing importers.

/** Where a session stands for someone who wants a seat. */
export type Availability = "open" | "few" | "full" | "closed" | "underway" | "cancelled" | "postponed";

/** One day of a class, with its labels. */
export interface Meeting extends MeetingTimes {
  /** "Fri 12 Mar 2027". */
  dateLabel: string;
  /** "9:00 AM – 4:30 PM MST". */
  hoursLabel: string;
}

/** A deadline the page shows both sides of: the build decides the state, the browser script switches it at `at`. */
export interface Deadline {
  at: DateTime<true>;
  /** "Thu 3 Dec 2026, 5:00 PM MST", or "Sun 31 Jan 2027" for a deadline at midnight (the day it ends). */
  label: string;
  /** Whether the deadline had passed at the build's clock. */
  passed: boolean;
}

/** A class session with everything a page or calendar shows, resolved once per build. */
export interface ScheduledSession extends Omit<Session, "course" | "location" | "instructor" | "meetings" | "earlyBird" | "policies"> {
  courseId: string;
  /** The catalog course, with its URLs and labels. */
  course: CatalogCourse;
  location?: Venue;
  instructor: Instructor;
  url: string;
  calendarUrl: string;
  /** "Classroom", "Live online" or "On-site (private)". */
  modeLabel: string;
  seatsLeft: number;
  availability: Availability;
  /** "Open", "3 seats left", "Full: waitlist open", "Registration closed", "In progress", "Cancelled", "Postponed". */
  availabilityLabel: string;
  /** The session's price, else the course's; undefined means on request. */
  priceUSD?: number;
  /** "$2,495" or "Price on request". */
  priceLabel: string;
  /** "Mon 7 – Thu 10 Dec 2026". */
  dateRange: string;
  /** The hours said once: "9:00 AM – 4:30 PM MST", with each zone across a daylight-saving change, or "Hours vary by day". */
  timeRange: string;
  /** "Mountain Time, UTC−7": the zone for a reader without JavaScript. */
  zoneLabel: string;
  /** The days the class meets, each with its own hours. */
  meetings: Meeting[];
  /** The meetings were listed in the data (their hours may differ), rather than derived from the weekday rule. */
  hasOwnMeetings: boolean;
  /** Whether the page should list each meeting: the hours are not the same every day. */
  listsMeetings: boolean;
  /** The first day of each meeting: kept for the calendars' recurrence rule. */
  days: DateTime<true>[];
  /** A class at a client's site: not open to the public, not published as an event. */
  isPrivate: boolean;
  /** The class moved: "Tue 12 Jan 2027", the first day it had before. */
  previousStartLabel?: string;
  /** When registration closes (the start unless the data says otherwise). */
  registrationDeadline: Deadline;
  /** Registration closes before the class starts, so the page says when. */
  closesBeforeStart: boolean;
  /** A lower price until a date, while it runs at the build's clock. */
  earlyBird?: { priceUSD: number; priceLabel: string; deadline: Deadline };
  /** The date by which the class is confirmed or cancelled, while it is ahead at the build's clock and the class is not guaranteed. */
  confirmation?: Deadline;
  /** Open for registration now: scheduled, public, priced, before its registration deadline and with a free seat. */
  canRegister: boolean;
  /** Full, but still going ahead: the waitlist is open. */
  hasWaitlist: boolean;
  /** Public and open, but without a price: the visitor asks for one instead of registering. */
  canEnquire: boolean;
  /** Public, going ahead and not yet started: something a visitor can sign up for, or join the waitlist of. */
  isBookable: boolean;
  /** Whether the price, the seats and the calendar link are shown: not for a private or cancelled class. */
  showsOffer: boolean;
  /** The policy clauses that read differently for this class (course or session overrides). */
  policyOverrides: PolicyClauseView[];
  /** The course's other bookable sessions, for a visitor whose dates do not suit. */
  otherDates: ScheduledSession[];
}

/** A browse page of the schedule: a month, a format, a location or a category. */
export interface ScheduleFacet {
  kind: "month" | "format" | "location" | "category";
  /** "2026-12", "online", "denver-downtown", "java". */
  key: string;
  /** "December 2026", "Live online", "HSG Training Center", "Java". */
  label: string;
  url: string;
  /** The facet's classes as an iCalendar file, and as a webcal:// subscription to it. */
  calendarUrl: string;
  webcalUrl: string;
  sessions: ScheduledSession[];
  /** What its page lists: the first classes, and the months of the rest (src/collections/listed-sessions.ts). */
  listed: ListedSessions<ScheduledSession>;
}

/** A month with its grid: weeks of days, Monday first, each day with the classes meeting on it. */
export interface ScheduleMonth extends ScheduleFacet {
  kind: "month";
  weeks: { days: ({ date: string; dayNumber: number; dayLabel: string; sessions: ScheduledSession[] } | undefined)[] }[];
}

/** The schedule as pages and calendars need it. */
export interface ScheduleCollections {
  /** Every session that has not ended at the build's clock, by start. */
  upcoming: ScheduledSession[];
  /** The same, grouped by month of the start, each with its page and grid. */
  months: ScheduleMonth[];
  /** What /schedule/ lists: whole months up to the page's share of classes, then a link per later month. */
  overview: { months: ScheduleMonth[]; later: LaterMonth[] };
  /** Browse pages by format, location and category, in that order. */
  facets: ScheduleFacet[];
  /** Months and facets together: each has a calendar file to subscribe to. */
  calendarFacets: ScheduleFacet[];
  /** Facets by kind, for the browse navigation. */
  facetsByKind: { formats: ScheduleFacet[]; locations: ScheduleFacet[]; categories: ScheduleFacet[] };
  /** The "newly added classes" Atom feed. */
  newClassesFeedUrl: string;
  /** Upcoming sessions per course id. */
  byCourse: Record<string, ScheduledSession[]>;
  /** Upcoming sessions a visitor can book or waitlist (see isBookable): the home page's and sidebar's "next classes". */
  bookable: ScheduledSession[];
}

/** What a session is resolved against: built before the schedule. */
export interface ScheduleReferences {
  catalog: CatalogCollections;
  instructors: readonly Instructor[];
  venues: readonly Venue[];
  policies: Policies;
}

const MODE_LABELS = { classroom: "Classroom", online: "Live online", onsite: "On-site (private)" } as const;

/**
 * Resolves and filters the schedule: a session that has ended at SITE_NOW is dropped here, so it
 * cannot appear on any page or calendar built from these collections.
 */
export function buildScheduleCollections(content: Content, context: BuildContext, references: ScheduleReferences): ScheduleCollections {
  const upcoming = content.sessions
    .filter((session) => session.end > context.now)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id))
    .map((session) => resolveSession(session, content, context, references));
  const bookable = upcoming.filter((session) => session.isBookable);
  const bookableByCourse = groupBy(bookable, (session) => [session.courseId]);
  for (const session of upcoming) session.otherDates = (bookableByCourse[session.courseId] ?? []).filter((other) => other !== session);

  const byInstructor = groupBy(upcoming, (session) => [session.instructor.id]);
  for (const instructor of references.instructors) instructor.sessions = byInstructor[instructor.id] ?? [];
  const byLocation = groupBy(upcoming, (session) => (session.location ? [session.location.id] : []));
  for (const venue of references.venues) venue.sessions = byLocation[venue.id] ?? [];

  const months = monthsOf(upcoming, content.site.url);
  const monthBySession = new Map(months.flatMap((month) => month.sessions.map((session) => [session, month] as const)));
  const monthOf = (session: ScheduledSession) => monthBySession.get(session)!;
  for (const person of references.instructors) person.listed = listedSessions(person.sessions, monthOf);
  for (const venue of references.venues) venue.listed = listedSessions(venue.sessions, monthOf);
  const facet = (kind: ScheduleFacet["kind"], key: string, label: string, sessions: ScheduledSession[]): ScheduleFacet => {
    const url = scheduleFacetUrl(kind, key);
    const calendarUrl = scheduleFacetCalendarUrl(kind, key);
    return { kind, key, label, url, calendarUrl, webcalUrl: webcalUrl(content.site.url, calendarUrl), sessions, listed: listedSessions(sessions, monthOf) };
  };
  const byMode = groupBy(upcoming, (session) => [session.mode]);
  const formats = (["classroom", "online"] as const).map((mode) => facet("format", mode, MODE_LABELS[mode], byMode[mode] ?? []));
  const locations = references.venues.map((venue) => facet("location", venue.id, venue.name, venue.sessions));
  const byCategory = groupBy(upcoming, (session) => [session.course.category]);
  const categories = references.catalog.categories.map((category) => facet("category", category.id, category.name, byCategory[category.id] ?? []));

  const facets = [...formats, ...locations, ...categories];
  return {
    upcoming,
    months,
    overview: listedMonths(months),
    facets,
    calendarFacets: [...months, ...facets],
    newClassesFeedUrl: SITE_PATHS.newClassesFeed,
    facetsByKind: { formats, locations, categories },
    byCourse: groupBy(upcoming, (session) => [session.courseId]),
    bookable,
  };
}

function monthsOf(upcoming: readonly ScheduledSession[], siteUrl: string): ScheduleMonth[] {
  const months = new Map<string, ScheduleMonth>();
  for (const session of upcoming) {
    const key = session.start.toFormat("yyyy-MM");
    const calendarUrl = scheduleFacetCalendarUrl("month", key);
    const month = months.get(key) ?? {
      kind: "month" as const,
      key,
      label: session.start.setLocale("en-US").toFormat("LLLL yyyy"),
      url: scheduleFacetUrl("month", key),
      calendarUrl,
      webcalUrl: webcalUrl(siteUrl, calendarUrl),
      sessions: [],
      listed: { sessions: [], later: [] },
      weeks: [],
    };
    month.sessions.push(session);
    months.set(key, month);
  }
  for (const month of months.values()) {
    month.weeks = monthGrid(month.sessions[0]!.start, month.sessions);
    month.listed = listedSessions(month.sessions, () => month);
  }
  return [...months.values()];
}

/** The weeks of the month of `inMonth`, Monday first, with the classes meeting on each day. */
function monthGrid(inMonth: DateTime<true>, sessions: readonly ScheduledSession[]): ScheduleMonth["weeks"] {
  const meetingDays = groupBy(sessions, (session) => session.meetings.map((meeting) => meeting.start.toISODate()!));
  // The grid is of calendar dates, which need no zone: stepping through them in UTC spares an Intl offset
  // lookup per day that stepping through America/Denver costs.
  const first = DateTime.utc(inMonth.year, inMonth.month, 1);
  const weeks: ScheduleMonth["weeks"] = [];
  let week: ScheduleMonth["weeks"][number] = { days: Array.from({ length: first.weekday - 1 }, () => undefined) };
  for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
    week.days.push({ date: day.toISODate()!, dayNumber: day.day, dayLabel: day.setLocale("en-US").toFormat("cccc d LLLL"), sessions: meetingDays[day.toISODate()!] ?? [] });
    if (week.days.length === 7) {
      weeks.push(week);
      week = { days: [] };
    }
  }
  if (week.days.length) weeks.push({ days: [...week.days, ...Array.from({ length: 7 - week.days.length }, () => undefined)] });
  return weeks;
}

function resolveSession(session: Session, content: Content, context: BuildContext, references: ScheduleReferences): ScheduledSession {
  const course = references.catalog.byId[session.course]!;
  const seatsLeft = Math.max(0, session.seats - session.enrolled);
  const registrationDeadline = deadline(session.registrationCloses ?? session.start, context);
  const availability = availabilityOf(session, seatsLeft, content.site.fewSeatsLeft, registrationDeadline, context);
  const isPrivate = session.mode === "onsite";
  // Going ahead and not started: the availability already says both.
  const isBookable = !isPrivate && (availability === "open" || availability === "few" || availability === "full");
  const { course: courseId, location, instructor, meetings: ownMeetings, earlyBird, policies, ...rest } = session;
  const priceUSD = session.priceUSD ?? course.priceUSD;
  const meetings = (ownMeetings ?? teachingDays(session.start, session.end).map((day) => ({ start: day, end: day.set({ hour: session.end.hour, minute: session.end.minute }) }))).map(
    (meeting) => ({ ...meeting, dateLabel: meetingDate(meeting), hoursLabel: meetingHours(meeting) }),
  );
  const timeRange = dailyHours(meetings);
  const isOpen = availability === "open" || availability === "few";
  const earlyBirdDeadline = earlyBird ? deadline(earlyBird.until, context) : undefined;
  const confirmation = session.confirmBy && !session.guaranteedToRun ? deadline(session.confirmBy, context) : undefined;
  return {
    ...rest,
    courseId,
    course,
    ...(location ? { location: references.venues.find((venue) => venue.id === location)! } : {}),
    instructor: references.instructors.find((person) => person.id === instructor)!,
    url: sessionUrl(session.id),
    calendarUrl: sessionCalendarUrl(session.id),
    modeLabel: MODE_LABELS[session.mode],
    seatsLeft,
    availability,
    // A draft class reaches here only in builds that show drafts (src/collections/drafts.ts): say so where its seats are.
    availabilityLabel: `${session.draft ? DRAFT_TITLE_PREFIX : ""}${isPrivate ? "Private class for a client" : availabilityLabel(availability, seatsLeft)}`,
    ...(priceUSD !== undefined ? { priceUSD } : {}),
    priceLabel: formatPrice(priceUSD),
    dateRange: formatDateRange(session.start, session.end),
    timeRange,
    zoneLabel: zoneLabel(meetings),
    meetings,
    hasOwnMeetings: ownMeetings !== undefined,
    listsMeetings: timeRange === "Hours vary by day",
    days: meetings.map((meeting) => meeting.start),
    isPrivate,
    ...(session.previousStart ? { previousStartLabel: formatDateRange(session.previousStart, session.previousStart) } : {}),
    registrationDeadline,
    closesBeforeStart: registrationDeadline.at < session.start,
    ...(earlyBird && earlyBirdDeadline && !earlyBirdDeadline.passed ? { earlyBird: { priceUSD: earlyBird.priceUSD, priceLabel: formatPrice(earlyBird.priceUSD), deadline: earlyBirdDeadline } } : {}),
    ...(confirmation && !confirmation.passed && session.status === "scheduled" ? { confirmation } : {}),
    canRegister: isBookable && isOpen && priceUSD !== undefined,
    hasWaitlist: isBookable && availability === "full",
    canEnquire: isBookable && isOpen && priceUSD === undefined,
    isBookable,
    showsOffer: !isPrivate && session.status !== "cancelled",
    policyOverrides: policyOverrides(references.policies, course.policies, policies),
    otherDates: [],
  };
}

function deadline(at: DateTime<true>, context: BuildContext): Deadline {
  return { at, label: formatDeadline(at), passed: at <= context.now };
}

function availabilityOf(session: Session, seatsLeft: number, fewSeatsLeft: number, registration: Deadline, context: BuildContext): Availability {
  if (session.status !== "scheduled") return session.status;
  if (session.start <= context.now) return "underway";
  if (registration.passed) return "closed";
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
    case "closed":
      return "Registration closed";
    case "underway":
      return "In progress";
    case "cancelled":
      return "Cancelled";
    case "postponed":
      return "Postponed";
  }
}
