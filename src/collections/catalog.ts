import type { CourseSource } from "../content/located.ts";
import type { Content } from "../content/load-content.ts";
import { DEFAULT_ICON, type IconName } from "../icons/icons.ts";
import { groupBy } from "../lib/collections.ts";
import { formatPrice } from "../lib/money.ts";
import { courseLevels, type Course, type CourseFormat, type CourseLevel } from "../schemas/course.ts";
import { categoryUrl, courseCalendarUrl, courseInterestUrl, courseUrl, levelUrl, privateEnquiryUrl, socialImageUrl } from "../urls/site-urls.ts";
import type { Article, ArticleCollections } from "./articles.ts";
import type { PathStep } from "./learning-paths.ts";
import type { ScheduledSession } from "./schedule.ts";

/** A course with what its pages show beside it. */
export interface CatalogCourse extends Course, Pick<CourseSource, "links" | "imageJobs"> {
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
  priceLabel: string;
  /** "5 days". */
  lengthLabel: string;
  /** Where a visitor registers interest or suggests a date when no class suits. */
  interestUrl: string;
  /** Upcoming sessions, private ones included; filled in once the schedule is built. */
  sessions: ScheduledSession[];
  /** The next session a visitor can book or waitlist, if any. */
  nextPublic?: ScheduledSession;
  /** Courses named in relatedCourses, resolved. */
  related: CatalogCourse[];
  /** The learning paths this course is a step of; filled in when the paths are built. */
  paths: PathStep[];
  /** The articles this build shows that name this course (published ones only, except in development). */
  articles: Article[];
}

/** A group of courses with its own browse page. */
export interface CourseGroup {
  kind: "level" | "category";
  id: string;
  name: string;
  description: string;
  url: string;
  /** The picture beside its name: the category's own, or the default. */
  icon: IconName;
  courses: CatalogCourse[];
  /** The courses the directory shows for it: the first DIRECTORY_COURSES; its own page lists them all. */
  directoryCourses: CatalogCourse[];
}

/**
 * How many courses of a category /courses/ shows before linking to the category's page: enough to see what
 * it teaches, few enough that the directory stays inside the page budget with hundreds of courses.
 */
export const DIRECTORY_COURSES = 12;

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
  /** Levels and categories together: one browse page each. */
  groups: CourseGroup[];
}

const LEVEL_TEXT: Record<CourseLevel, { name: string; description: string }> = {
  introductory: { name: "Introductory", description: "For people new to the subject: no prior experience of the technology is assumed." },
  intermediate: { name: "Intermediate", description: "For practitioners who use the technology and want to work with it confidently and well." },
  advanced: { name: "Advanced", description: "For experienced engineers and administrators taking on the hardest parts of the subject." },
};

const FORMAT_LABELS: Record<CourseFormat, string> = {
  "public-classroom": "Classroom in Denver",
  "online-live": "Live online",
  "onsite-private": "Private, at your site",
};

/** A calendar path as a webcal:// subscription on the site's host: calendar apps subscribe instead of importing once. */
export function webcalUrl(siteUrl: string, path: string): string {
  return `webcal://${new URL(siteUrl).host}${path}`;
}

/**
 * Builds the directory: resolved courses, categories and levels, with their articles. It is built before the
 * schedule, so that each session can point at its catalog course; attachSessions adds the sessions after.
 */
export function buildCatalogCollections(content: Content, articles: ArticleCollections): CatalogCollections {
  const byId: Record<string, CatalogCourse> = {};
  for (const course of Object.values(content.courses)) {
    byId[course.id] = {
      ...course,
      url: courseUrl(course.id),
      socialImage: socialImageUrl("courses", course.id),
      calendarUrl: courseCalendarUrl(course.id),
      privateEnquiryUrl: privateEnquiryUrl(course.id),
      webcalUrl: webcalUrl(content.site.url, courseCalendarUrl(course.id)),
      categoryName: content.categories[course.category]!.name,
      categoryUrl: categoryUrl(course.category),
      levelLabel: LEVEL_TEXT[course.level].name,
      levelUrl: levelUrl(course.level),
      formatLabels: course.formats.map((format) => FORMAT_LABELS[format]),
      priceLabel: formatPrice(course.priceUSD),
      lengthLabel: course.durationDays === 1 ? "1 day" : `${course.durationDays} days`,
      interestUrl: courseInterestUrl(course.id),
      sessions: [],
      related: [],
      paths: [],
      articles: articles.byCourse[course.id] ?? [],
    };
  }
  const courses = Object.values(byId).sort((a, b) => a.title.localeCompare(b.title));
  for (const course of courses) course.related = course.relatedCourses.map((id) => byId[id]!);

  const categories = Object.values(content.categories)
    .map((category) => ({ ...category, kind: "category" as const, url: categoryUrl(category.id), icon: category.icon ?? DEFAULT_ICON, ...withDirectory(courses.filter((course) => course.category === category.id)) }))
    .filter((category) => category.courses.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const levels = courseLevels.map((level) => ({
    kind: "level" as const,
    id: level,
    ...LEVEL_TEXT[level],
    url: levelUrl(level),
    icon: "chart" as const,
    ...withDirectory(courses.filter((course) => course.level === level)),
  }));
  return { courses, byId, categories, levels, groups: [...levels, ...categories], directoryCourses: categories.flatMap((category) => category.directoryCourses) };
}

const withDirectory = (courses: CatalogCourse[]) => ({ courses, directoryCourses: courses.slice(0, DIRECTORY_COURSES) });

/** Gives each course its upcoming sessions and its next public one, once the schedule is built. */
export function attachSessions(catalog: CatalogCollections, upcoming: readonly ScheduledSession[]): void {
  const byCourse = groupBy(upcoming, (session) => [session.courseId]);
  for (const course of catalog.courses) {
    course.sessions = byCourse[course.id] ?? [];
    const nextPublic = course.sessions.find((session) => session.isBookable);
    if (nextPublic) course.nextPublic = nextPublic;
  }
}
