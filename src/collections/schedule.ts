import { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import { groupBy } from "../lib/collections.ts";
import { formatPrice, isPricedPerSeat } from "../lib/money.ts";
import { plural } from "../lib/plural.ts";
import type { Session } from "../schemas/session.ts";
import { formatDateRange, formatDeadline } from "../time/format-range.ts";
import { dailyHours, meetingDate, meetingHours, zoneLabel } from "../time/meeting-hours.ts";
import { teachingDays } from "../time/teaching-days.ts";
import { MONTH_SECTION_PREFIX, scheduleFacetCalendarUrl, scheduleFacetUrl, sessionCalendarUrl, sessionUrl, SITE_PATHS } from "../urls/site-urls.ts";
import { DRAFT_TITLE_PREFIX } from "./drafts.ts";
import { webcalUrl } from "./catalog.ts";
import { listedMonths, listedSessions } from "./listed-sessions.ts";
import { policyOverrides } from "./policies.ts";
import type { StageClock } from "./stage-memo.ts";
import type { Availability, ClassList, CourseIndex, CourseSummary, Deadline, InstructorProfile, Policies, ScheduleCollections, ScheduledSession, ScheduleFacet, ScheduleMonth, SessionBadge, VenueProfile } from "./views.ts";

/** What a session is resolved against: built before the schedule. */
export interface ScheduleReferences {
  courses: CourseIndex;
  instructors: readonly InstructorProfile[];
  venues: readonly VenueProfile[];
  policies: Policies;
}

/** The parts of the content the schedule reads (src/collections/stage-memo.ts compares exactly these). */
export type ScheduleContent = Pick<Content, "sessions" | "site">;

const MODE_LABELS = { classroom: "Classroom", online: "Live online", onsite: "On-site (private)" } as const;

/**
 * Resolves and filters the schedule: a session that has ended at SITE_NOW is dropped here, so it
 * cannot appear on any page or calendar built from these collections. The classes of each course, instructor
 * and venue are returned as maps by id, from which the model's composition builds those pages; the references
 * the sessions point at are never written to.
 */
export function buildScheduleCollections(
  content: ScheduleContent,
  clock: StageClock,
  references: ScheduleReferences,
  resolutions: Resolutions = new WeakMap(),
  courseClasses: CourseClasses = new WeakMap(),
): ScheduleCollections {
  const resolved = content.sessions
    .filter((session) => !clock.reached(session.end))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id))
    .map((session) => resolvedSession(session, content.site.fewSeatsLeft, clock, references, resolutions));
  const scheduled = new Map<ResolvedSession, ScheduledSession>();
  for (const [courseId, classes] of Object.entries(groupBy(resolved, (session) => [session.courseId]))) {
    for (const [index, session] of classesOfCourse(classes, references.courses.byId[courseId], courseClasses).entries()) scheduled.set(classes[index]!, session);
  }
  const upcoming = resolved.map((session) => scheduled.get(session)!);
  const bookable = upcoming.filter((session) => session.isBookable);

  const months = monthsOf(upcoming, content.site.url);
  const monthBySession = new Map(months.flatMap((month) => month.sessions.map((session) => [session, month] as const)));
  const monthOf = (session: ScheduledSession) => monthBySession.get(session)!;
  const classList = (sessions: ScheduledSession[] = []): ClassList => ({ sessions, listed: listedSessions(sessions, monthOf) });
  const byInstructor = groupBy(upcoming, (session) => [session.instructor.id]);
  const byLocation = groupBy(upcoming, (session) => (session.location ? [session.location.id] : []));
  const sessionsByInstructor = Object.fromEntries(references.instructors.map((person) => [person.id, classList(byInstructor[person.id])]));
  const sessionsByVenue = Object.fromEntries(references.venues.map((venue) => [venue.id, classList(byLocation[venue.id])]));
  const facet = (kind: ScheduleFacet["kind"], key: string, label: string, sessions: ScheduledSession[]): ScheduleFacet => {
    const url = scheduleFacetUrl(kind, key);
    const calendarUrl = scheduleFacetCalendarUrl(kind, key);
    const countLabel = sessions.length ? plural(sessions.length, "upcoming class", "upcoming classes") : "No upcoming classes";
    return { kind, key, label, url, calendarUrl, webcalUrl: webcalUrl(content.site.url, calendarUrl), sessions, countLabel, listed: listedSessions(sessions, monthOf) };
  };
  const byMode = groupBy(upcoming, (session) => [session.mode]);
  const formats = (["classroom", "online"] as const).map((mode) => facet("format", mode, MODE_LABELS[mode], byMode[mode] ?? []));
  const locations = references.venues.map((venue) => facet("location", venue.id, venue.name, sessionsByVenue[venue.id]!.sessions));
  const byCategory = groupBy(upcoming, (session) => [session.course.category]);
  const categories = references.courses.categories.map((category) => facet("category", category.id, category.name, byCategory[category.id] ?? []));

  const facets = [...formats, ...locations, ...categories];
  return {
    upcoming,
    months,
    overview: listedMonths(months),
    facets,
    calendarFacets: [...months, ...facets],
    newClassesFeedUrl: SITE_PATHS.newClassesFeed,
    facetsByKind: { formats, locations, categories },
    sessionsByCourse: groupBy(upcoming, (session) => [session.courseId]),
    sessionsByInstructor,
    sessionsByVenue,
    bookable,
  };
}

/** The month a class is listed under, by its start: "2027-01", the name of its month page and of its section on /schedule/. */
export function monthKey(start: DateTime): string {
  return start.toFormat("yyyy-MM");
}

/** The id of a month's section on /schedule/: "month-2027-01". */
export function monthSectionId(key: string): string {
  return `${MONTH_SECTION_PREFIX}${key}`;
}

function monthsOf(upcoming: readonly ScheduledSession[], siteUrl: string): ScheduleMonth[] {
  const months = new Map<string, ScheduleMonth>();
  for (const session of upcoming) {
    const key = monthKey(session.start);
    const calendarUrl = scheduleFacetCalendarUrl("month", key);
    const month = months.get(key) ?? {
      kind: "month" as const,
      key,
      sectionId: monthSectionId(key),
      label: session.start.setLocale("en-US").toFormat("LLLL yyyy"),
      url: scheduleFacetUrl("month", key),
      calendarUrl,
      webcalUrl: webcalUrl(siteUrl, calendarUrl),
      sessions: [],
      countLabel: "",
      listed: { sessions: [], later: [] },
      weeks: [],
    };
    month.sessions.push(session);
    months.set(key, month);
  }
  for (const month of months.values()) {
    month.weeks = monthGrid(month.sessions[0]!.start, month.sessions);
    month.countLabel = plural(month.sessions.length, "class", "classes");
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

/** A class as resolved, before its other dates are known (they depend on every other class). */
type ResolvedSession = Omit<ScheduledSession, "otherDates">;

/**
 * Each course's classes as the last build made them, by the course's summary: the resolved classes, in order, and
 * the class objects made from them. Kept in `npm start` (src/collections/stage-memo.ts's records), so that a class's
 * save gives new objects only to the classes of its own course, which list each other as other dates.
 */
export type CourseClasses = WeakMap<CourseSummary, { resolved: readonly ResolvedSession[]; scheduled: readonly ScheduledSession[] }>;

/**
 * The class objects of one course's upcoming classes (`classes`, resolved, in order), each with the course's other
 * bookable dates: the last build's objects when every class resolved to the same object in the same order.
 */
function classesOfCourse(classes: readonly ResolvedSession[], course: CourseSummary | undefined, kept: CourseClasses): readonly ScheduledSession[] {
  const last = course ? kept.get(course) : undefined;
  if (last && last.resolved.length === classes.length && last.resolved.every((session, index) => session === classes[index])) return last.scheduled;
  // This build's own copy of each class, so that its other dates are written into an object of this build.
  const made: ScheduledSession[] = classes.map((session) => ({ ...session, otherDates: [] }));
  const bookable = made.filter((session) => session.isBookable);
  for (const session of made) session.otherDates = bookable.filter((other) => other !== session);
  if (course) kept.set(course, { resolved: classes, scheduled: made });
  return made;
}

/** A class's resolution and what it read besides its session: it is reused while all of that is the same (resolvedSession). */
interface KeptResolution {
  course: CourseIndex["byId"][string];
  instructor: InstructorProfile;
  venue: VenueProfile | undefined;
  policies: Policies;
  fewSeatsLeft: number;
  clock: StageClock;
  resolved: ResolvedSession;
}

/**
 * Each session's last resolution, by the session object (which the loader keeps for an unchanged entry, and which
 * nothing writes to): in `npm start`, a save that changes one class resolves that one again, not all of them
 * (StageMemo.records keeps it between builds; a build of its own starts with an empty one).
 */
export type Resolutions = WeakMap<Session, KeptResolution>;

/**
 * `session` resolved against its references at the clock: the kept resolution if it read the same course,
 * instructor, venue and policies objects and its comparisons with the clock still give the same answers; those
 * comparisons are then made again on the stage's clock, so the stage's own memo sees them.
 */
function resolvedSession(session: Session, fewSeatsLeft: number, clock: StageClock, references: ScheduleReferences, resolutions: Resolutions): ResolvedSession {
  const course = references.courses.byId[session.course]!;
  const instructor = references.instructors.find((person) => person.id === session.instructor)!;
  const venue = session.location ? references.venues.find((place) => place.id === session.location)! : undefined;
  const kept = resolutions.get(session);
  if (kept && kept.course === course && kept.instructor === instructor && kept.venue === venue && kept.policies === references.policies && kept.fewSeatsLeft === fewSeatsLeft && kept.clock.holdsAt(clock)) {
    clock.absorb(kept.clock);
    return kept.resolved;
  }
  const own = clock.fresh();
  const resolved = resolveSession(session, { course, instructor, venue, policies: references.policies, fewSeatsLeft }, own);
  resolutions.set(session, { course, instructor, venue, policies: references.policies, fewSeatsLeft, clock: own, resolved });
  clock.absorb(own);
  return resolved;
}

function resolveSession(session: Session, read: Omit<KeptResolution, "clock" | "resolved">, clock: StageClock): ResolvedSession {
  const { course, instructor: instructorProfile, venue, fewSeatsLeft } = read;
  const seatsLeft = Math.max(0, session.seats - session.enrolled);
  const registrationDeadline = deadline(session.registrationCloses ?? session.start, clock);
  const availability = availabilityOf(session, seatsLeft, fewSeatsLeft, registrationDeadline, clock);
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
  const earlyBirdDeadline = earlyBird ? deadline(earlyBird.until, clock) : undefined;
  const confirmation = session.confirmBy && !session.guaranteedToRun ? deadline(session.confirmBy, clock) : undefined;
  const scheduled = session.status === "scheduled";
  const isCancelled = session.status === "cancelled";
  const hasMoved = session.previousStart !== undefined && scheduled;
  const label = `${session.draft ? DRAFT_TITLE_PREFIX : ""}${isPrivate ? "Private class for a client" : availabilityLabel(availability, seatsLeft)}`;
  return {
    ...rest,
    courseId,
    course,
    ...(venue ? { location: venue } : {}),
    instructor: instructorProfile,
    url: sessionUrl(session.id),
    calendarUrl: sessionCalendarUrl(session.id),
    modeLabel: MODE_LABELS[session.mode],
    isOnline: session.mode === "online",
    seatsLeft,
    availability,
    // A draft class reaches here only in builds that show drafts (src/collections/drafts.ts): say so where its seats are.
    availabilityLabel: label,
    badges: isPrivate ? [{ label }] : badges(label, availability, session.guaranteedToRun && scheduled, hasMoved),
    isCancelled,
    isPostponed: session.status === "postponed",
    hasMoved,
    isUnderway: availability === "underway",
    registrationClosed: availability === "closed",
    ...(priceUSD !== undefined ? { priceUSD } : {}),
    priceLabel: formatPrice(priceUSD),
    pricedPerSeat: isPricedPerSeat(priceUSD),
    dateRange: formatDateRange(session.start, session.end),
    timeRange,
    zoneLabel: zoneLabel(meetings),
    meetings,
    hasOwnMeetings: ownMeetings !== undefined,
    listsMeetings: timeRange === "Hours vary by day",
    showsMeetings: timeRange === "Hours vary by day" && !isCancelled,
    days: meetings.map((meeting) => meeting.start),
    isPrivate,
    ...(session.previousStart ? { previousStartLabel: formatDateRange(session.previousStart, session.previousStart) } : {}),
    registrationDeadline,
    closesBeforeStart: registrationDeadline.at < session.start,
    ...(earlyBird && earlyBirdDeadline && !earlyBirdDeadline.passed ? { earlyBird: { priceUSD: earlyBird.priceUSD, priceLabel: formatPrice(earlyBird.priceUSD), deadline: earlyBirdDeadline } } : {}),
    ...(confirmation && !confirmation.passed && scheduled ? { confirmation } : {}),
    showsRunNotice: scheduled && !isPrivate,
    canRegister: isBookable && isOpen && priceUSD !== undefined,
    hasWaitlist: isBookable && availability === "full",
    canEnquire: isBookable && isOpen && priceUSD === undefined,
    isBookable,
    showsOffer: !isPrivate && !isCancelled,
    policyOverrides: policyOverrides(read.policies, course.policies, policies),
  };
}

/** A public class's badges: its availability, then whether it is guaranteed to run and whether it has new dates. */
function badges(label: string, availability: Availability, guaranteed: boolean, moved: boolean): SessionBadge[] {
  return [
    { label, kind: availability },
    ...(guaranteed ? [{ label: "Guaranteed to run", kind: "guaranteed" }] : []),
    ...(moved ? [{ label: "New dates", kind: "moved" }] : []),
  ];
}

function deadline(at: DateTime<true>, clock: StageClock): Deadline {
  return { at, label: formatDeadline(at), passed: clock.reached(at) };
}

function availabilityOf(session: Session, seatsLeft: number, fewSeatsLeft: number, registration: Deadline, clock: StageClock): Availability {
  if (session.status !== "scheduled") return session.status;
  if (clock.reached(session.start)) return "underway";
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
