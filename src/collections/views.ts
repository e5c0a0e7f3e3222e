/**
 * The views the model hands to templates, feeds and checks: one leaf module, importing no collection, so that
 * every collection module (and every reader of the model) can name them without importing another collection.
 * Each collection returns new objects of these types; src/collections/site-model.ts wires them together.
 */
import type { DateTime } from "luxon";
import type { ArticleSource, CourseSource, PersonSource, ServiceSource } from "../content/located.ts";
import type { IconName } from "../icons/icons.ts";
import type { Course } from "../schemas/course.ts";
import type { Location } from "../schemas/location.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { Service } from "../schemas/service.ts";
import type { Session } from "../schemas/session.ts";
import type { MeetingTimes } from "../time/meeting-hours.ts";

// ---- Lists

/** One page of a paginated list, with the links a pager needs. */
export interface ListPage<T> {
  /** The items on this page. */
  items: T[];
  /** 1-based page number. */
  number: number;
  /** Whether this is the list's first page, which is titled without its number. */
  isFirst: boolean;
  /** How many pages the list has. */
  total: number;
  /** This page's URL. */
  url: string;
  /** The URL of the page before, if any. */
  previousUrl?: string;
  /** The URL of the page after, if any. */
  nextUrl?: string;
}

/** A page of a list that has a name: titled, and placed in the breadcrumb after the list's first page. */
export interface NamedListPage<T> extends ListPage<T> {
  /** "Articles on Java", or "Articles on Java, page 2". */
  title: string;
  /** The breadcrumb's last step: the list's name on its first page, "Page 2" after it. */
  crumb: string;
  /** The breadcrumb steps the list adds before `crumb`: none on its first page, the list's first page after it. */
  listTrail: { label: string; url: string }[];
}

/** A month beyond what a list shows: its page, and how many of the list's classes fall in it. */
export interface LaterMonth {
  label: string;
  url: string;
  count: number;
  /** "3 classes". */
  countLabel: string;
}

/** A list of classes cut to what one page can carry, and the months of the rest. */
export interface ListedSessions<S> {
  sessions: S[];
  later: LaterMonth[];
}

// ---- Articles

/** Whether an article is live, or visible only in development. */
export type PublicationState = "published" | "draft" | "scheduled";

/** A tag as pages show it: one label and one URL, whatever spelling an editor used. */
export interface TagRef {
  slug: string;
  label: string;
  url: string;
}

/** An author with their page and articles. */
export interface Author extends PersonSource {
  url: string;
  /** The articles this build shows, newest first. */
  articles: Article[];
}

/** One page of a list of articles, as the sitemap knows it too. */
export interface ArticleListPage extends NamedListPage<Article> {
  /** The sitemap's lastmod ("YYYY-MM-DD"): the date of the page's newest article; none for an empty list, which the sitemap dates with the build. */
  lastmod?: string;
}

/** One page of an author's article list, with the author. */
export interface AuthorPage extends ArticleListPage {
  author: Omit<Author, "articles">;
}

/** A course an article recommends, resolved with what its link shows. */
export interface CourseLink {
  id: string;
  title: string;
  url: string;
  levelLabel: string;
  /** "5 days". */
  lengthLabel: string;
}

/** An article ready to render. */
export interface Article extends Omit<ArticleSource, "tags"> {
  url: string;
  /** The author's name and page. */
  byline: { name: string; url: string };
  /** The image shown when the article is shared: its lead image's fallback, or the generated 1200x630 card. */
  socialImage: string;
  /** The sharing image's size in pixels. */
  socialImageSize: { width: number; height: number };
  /** The body as HTML, with the promotion asides its markers ask for in place. */
  html: string;
  readingMinutes: number;
  state: PublicationState;
  /** "Draft" or "Scheduled", the badge of an article a build shows before it is published; absent once published. */
  stateLabel?: string;
  /** The last substantial change: `updated`, else the last commit of its file (never before `date`), else `date`. */
  modified: DateTime;
  /** The sitemap's lastmod: `modified` as "YYYY-MM-DD" in the site's zone. */
  lastmod: string;
  tags: TagRef[];
  /** Up to three other articles, most shared tags first. */
  related: Article[];
  /** The courses named in relatedCourses, resolved. */
  courses: CourseLink[];
  /** The newest articles other than this one: what its sidebar lists. */
  others: Article[];
  /** The next older article. */
  previous?: Article;
  /** The next newer article. */
  next?: Article;
}

/** A tag with its articles, newest first. */
export interface Tag extends TagRef {
  articles: Article[];
}

/** One page of a tag's article list. */
export interface TagPage extends ArticleListPage {
  tag: TagRef;
}

/** Everything the article pages need, derived once per build. */
export interface ArticleCollections {
  /** The articles this build shows, newest first (in development, drafts and scheduled ones too). */
  list: Article[];
  /** The newest articles of the list: the home page's "latest articles". */
  latest: Article[];
  /** Only the published articles, newest first: what "further reading" offers, even in development. */
  published: Article[];
  /** The newest published articles, as many as site.yaml's feedEntries: what the feeds hold. */
  feed: Article[];
  /** Every author, with their articles newest first. */
  authors: Author[];
  /** Each author's pages: one at least, even before their first article. */
  authorPages: AuthorPage[];
  /** /articles/ split into pages. */
  pages: ArticleListPage[];
  /** Every tag, by name. */
  tags: Tag[];
  /** Each tag's pages. */
  tagPages: TagPage[];
  /** Articles that name a course id in relatedCourses. */
  byCourse: Record<string, Article[]>;
}

// ---- Courses

/**
 * A course with its labels and URLs: what a link to it or one of its classes shows. The schedule and the
 * learning paths point at this; the catalog's course (CatalogCourse) adds what they relate to it.
 */
export interface CourseSummary extends Course, Pick<CourseSource, "links" | "imageJobs"> {
  url: string;
  /** The description rendered from Markdown by the loader (cached per file version). */
  descriptionHtml: string;
  /** The 1200x630 image shown when the course is shared. */
  socialImage: string;
  calendarUrl: string;
  /** The course's calendar as a webcal:// subscription, which calendar apps keep up to date. */
  webcalUrl: string;
  privateEnquiryUrl: string;
  categoryName: string;
  categoryUrl: string;
  levelLabel: string;
  levelUrl: string;
  formatLabels: string[];
  /** "$2,495" or "Price on request". */
  priceLabel: string;
  /** A price is set, so the page says "per seat" after it (not after "Price on request"). */
  pricedPerSeat: boolean;
  /** "5 days". */
  lengthLabel: string;
  /** Where a visitor registers interest or suggests a date when no class suits. */
  interestUrl: string;
}

/** Where one course stands on a path: shown on the course's page. */
export interface PathStep {
  path: LearningPathSummary;
  /** 1-based. */
  position: number;
  /** "Step 2 of 3". */
  positionLabel: string;
  previous?: CourseSummary;
  next?: CourseSummary;
}

/** A course with what its pages show beside it: its classes, the paths it is a step of, its articles. */
export interface CatalogCourse extends CourseSummary {
  /** Upcoming sessions, private ones included. */
  sessions: ScheduledSession[];
  /** The next session a visitor can book or waitlist, if any. */
  nextPublic?: ScheduledSession;
  /** Courses named in relatedCourses, resolved. */
  related: CatalogCourse[];
  /** The learning paths this course is a step of. */
  paths: PathStep[];
  /** "Learning path" or "Learning paths": the heading of the course page's list of them. */
  pathsHeading: string;
  /** The newest COURSE_ARTICLES articles this build shows that name this course (published ones only, except in development). */
  articles: Article[];
}

/** A group of courses with its own browse page. */
export interface CourseGroup {
  kind: "level" | "category";
  id: string;
  name: string;
  description: string;
  url: string;
  /** The group page's title: "Introductory courses" for a level, the category's name for a category. */
  pageTitle: string;
  /** The picture beside its name: the category's own, or the default. */
  icon: IconName;
  courses: CatalogCourse[];
  /** "12 courses". */
  countLabel: string;
  /** The courses the directory shows for it: the first DIRECTORY_COURSES; its own pages list them all. */
  directoryCourses: CatalogCourse[];
}

/** One page of a level's or a category's own list of courses, with the group. */
export interface CourseGroupPage extends NamedListPage<CatalogCourse> {
  group: CourseGroup;
}

/** The courses with their labels, before the schedule: what the other collections resolve course ids against. */
export interface CourseIndex {
  /** Every course, by title. */
  courses: CourseSummary[];
  byId: Record<string, CourseSummary>;
  /** The categories that have a course, in name order: the schedule has a browse page for each. */
  categories: { id: string; name: string }[];
}

/** The course directory, derived once per build. */
export interface CatalogCollections {
  /** The courses /courses/ shows, category by category (each category's directoryCourses). */
  directoryCourses: CatalogCourse[];
  /** Every course, by title. */
  courses: CatalogCourse[];
  byId: Record<string, CatalogCourse>;
  /** Categories in name order, each with its courses; empty categories are left out. */
  categories: CourseGroup[];
  /** Levels from introductory to advanced, each with its courses. */
  levels: CourseGroup[];
  /** Levels and categories together: what the browse pages link between. */
  groups: CourseGroup[];
  /** Each group's list of courses split into pages: the browse pages themselves. */
  groupPages: CourseGroupPage[];
}

// ---- Learning paths

/** A learning path with its courses in order, as a step on a course's page names it. */
export interface LearningPathSummary {
  id: string;
  title: string;
  summary: string;
  certification?: string;
  url: string;
  courses: CourseSummary[];
}

/** A learning path as its own page shows it: its courses with their next classes. */
export interface LearningPathView extends Omit<LearningPathSummary, "courses"> {
  courses: CatalogCourse[];
}

/** The learning paths as pages show them. */
export interface LearningPaths {
  url: string;
  paths: LearningPathView[];
}

/** The learning paths resolved against the courses, and the steps each course takes on them. */
export interface LearningPathRoutes {
  url: string;
  paths: LearningPathSummary[];
  /** Each course's steps, by course id, in the paths' order. */
  stepsByCourse: Record<string, PathStep[]>;
}

// ---- People and places

/** An instructor as a class names them: name, role, bio, portrait and page. */
export interface InstructorProfile extends PersonSource {
  url: string;
}

/** An instructor with a page: their profile, the courses they teach and their upcoming classes. */
export interface Instructor extends InstructorProfile {
  /** Courses they teach, by title: every course of theirs in the schedule file, past classes included. */
  courses: CourseSummary[];
  /** Their upcoming classes. */
  sessions: ScheduledSession[];
  /** What the instructor's page lists of them: the first, and the months of the rest. */
  listed: ListedSessions<ScheduledSession>;
}

/** A classroom as a class names it: where it is and how to get there. */
export interface VenueProfile extends Location {
  url: string;
  /** A map search for the street address, opened in the visitor's map service. */
  mapUrl: string;
  /** "1600 Stout Street, Suite 1450, Denver, CO 80202". */
  addressLine: string;
}

/** A classroom with its own page: its profile and the classes held there. */
export interface Venue extends VenueProfile {
  /** Upcoming classes held here. */
  sessions: ScheduledSession[];
  /** What the venue's page lists of them: the first, and the months of the rest. */
  listed: ListedSessions<ScheduledSession>;
}

// ---- Policies

/** One clause of the policies, rendered. */
export interface PolicyClauseView {
  id: string;
  title: string;
  /** The clause's Markdown rendered once per build. */
  html: string;
  /** "/policies/#cancellation": the clause on the policies page. */
  url: string;
}

/** The policies page's clauses, and the rule that lets a course or session replace one. */
export interface Policies {
  url: string;
  clauses: PolicyClauseView[];
  byId: Record<string, PolicyClauseView>;
}

// ---- The schedule

/** The upcoming classes of one instructor or venue, and what its page lists of them. */
export interface ClassList {
  sessions: ScheduledSession[];
  listed: ListedSessions<ScheduledSession>;
}

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

/** A status badge of a class: its words, and the modifier of its style ("badge--full"); a private class's badge has none. */
export interface SessionBadge {
  label: string;
  kind?: string;
}

/** A class session with everything a page or calendar shows, resolved once per build. */
export interface ScheduledSession extends Omit<Session, "course" | "location" | "instructor" | "meetings" | "earlyBird" | "policies"> {
  courseId: string;
  /** The course, with its URLs and labels. */
  course: CourseSummary;
  location?: VenueProfile;
  instructor: InstructorProfile;
  url: string;
  calendarUrl: string;
  /** "Classroom", "Live online" or "On-site (private)". */
  modeLabel: string;
  /** Taught live online: the page says how to join and shows the hours in the visitor's own zone too. */
  isOnline: boolean;
  seatsLeft: number;
  availability: Availability;
  /** "Open", "3 seats left", "Full: waitlist open", "Registration closed", "In progress", "Cancelled", "Postponed". */
  availabilityLabel: string;
  /** The badges its lists and page show: its availability, then "Guaranteed to run" and "New dates" where they hold. */
  badges: SessionBadge[];
  /** Cancelled: the page says so and shows no hours, offer or course summary. */
  isCancelled: boolean;
  /** Postponed: the page says new dates will follow. */
  isPostponed: boolean;
  /** Moved to new dates and still going ahead: the page says when it was to start. */
  hasMoved: boolean;
  /** Started at the build's clock: registration has closed. */
  isUnderway: boolean;
  /** Registration closed before the start (its deadline passed at the build's clock). */
  registrationClosed: boolean;
  /** The session's price, else the course's; undefined means on request. */
  priceUSD?: number;
  /** "$2,495" or "Price on request". */
  priceLabel: string;
  /** A price is set, so the page says "per seat" after it (not after "Price on request"). */
  pricedPerSeat: boolean;
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
  /** Whether the calendars list each meeting: the hours are not the same every day. */
  listsMeetings: boolean;
  /** Whether the page lists each meeting: they differ (listsMeetings) and the class is not cancelled. */
  showsMeetings: boolean;
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
  /** A public class going ahead as scheduled: the page says whether it is guaranteed to run, or by when it is confirmed. */
  showsRunNotice: boolean;
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
  /** "3 classes" for a month; "3 upcoming classes", or "No upcoming classes", for the other facets. */
  countLabel: string;
  /** What its page lists: the first classes, and the months of the rest (src/collections/listed-sessions.ts). */
  listed: ListedSessions<ScheduledSession>;
}

/** A month with its grid: weeks of days, Monday first, each day with the classes meeting on it. */
export interface ScheduleMonth extends ScheduleFacet {
  kind: "month";
  /** The id of the month's section on /schedule/ (src/collections/schedule.ts, monthSectionId). */
  sectionId: string;
  weeks: { days: ({ date: string; dayNumber: number; dayLabel: string; sessions: ScheduledSession[] } | undefined)[] }[];
}

/** The schedule as pages and calendars need it, and the classes of each course, instructor and venue. */
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
  sessionsByCourse: Record<string, ScheduledSession[]>;
  /** Upcoming sessions per instructor id, with what the instructor's page lists of them. */
  sessionsByInstructor: Record<string, ClassList>;
  /** Upcoming sessions per venue id, with what the venue's page lists of them. */
  sessionsByVenue: Record<string, ClassList>;
  /** Upcoming sessions a visitor can book or waitlist (see isBookable). */
  bookable: ScheduledSession[];
}

// ---- Services and highlights

/** A consulting service with its page URL, courses and articles resolved. */
export interface ConsultingService extends Service, Pick<ServiceSource, "links" | "imageJobs"> {
  url: string;
  /** The body rendered from Markdown by the loader (cached per file version). */
  bodyHtml: string;
  courses: CatalogCourse[];
  /** Up to three newest articles that recommend one of the service's courses. */
  articles: Article[];
}

/** A promotion with both its days: an offer that runs for a while. */
export type DatedPromotion = Promotion & Required<Pick<Promotion, "validFrom" | "validUntil">>;

/** What the home page and the sidebar feature at the build's clock. */
export interface Highlights {
  /**
   * Dated promotions running now, in file order: from the start of validFrom to the end of validUntil, in the
   * site's zone. Every one is shown, on the home page and beside every article.
   */
  promotions: DatedPromotion[];
  /** One "did you know?" fact, changing daily and the same all day. */
  fact: string;
  /** The next classes a visitor can book or waitlist, as many as the home page lists. */
  nextClasses: ScheduledSession[];
  /** The first of those, as many as an article's sidebar lists. */
  sidebarClasses: ScheduledSession[];
}

// ---- Fixed pages

/** One fixed page's words, ready to lay out: plain-text title, description and lede, rendered Markdown for the rest. */
export interface PageCopy {
  title: string;
  /** Undefined only on the home page, which uses site.yaml's. */
  description?: string;
  lede: string;
  /** The main text as HTML; empty when the page has none. */
  html: string;
  /** Each named block as HTML. */
  blocks: Record<string, string>;
  /** The sitemap's lastmod ("YYYY-MM-DD"): the copy file's last commit, else the build's date. */
  lastmod: string;
}
