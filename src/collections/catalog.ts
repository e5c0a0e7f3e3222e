import type { Content } from "../content/load-content.ts";
import type { CourseSource } from "../content/located.ts";
import { DEFAULT_ICON } from "../icons/icons.ts";
import { plural } from "../lib/plural.ts";
import { formatPrice, isPricedPerSeat } from "../lib/money.ts";
import { courseLevels, type CourseFormat, type CourseLevel } from "../schemas/course.ts";
import { categoryUrl, courseCalendarUrl, courseInterestUrl, courseUrl, levelUrl, privateEnquiryUrl, socialImageUrl } from "../urls/site-urls.ts";
import { paginateNamed } from "./paginate.ts";
import type { Article, CatalogCollections, CatalogCourse, CourseGroup, CourseIndex, CourseSummary, PathStep, ScheduledSession } from "./views.ts";

/**
 * How many courses of a category /courses/ shows before linking to the category's page: enough to see what
 * it teaches, few enough that the directory stays inside the page budget with hundreds of courses.
 */
export const DIRECTORY_COURSES = 12;

/**
 * Courses per page of a level's or a category's own list: a level of a large catalog holds hundreds, and one
 * page listing them all would outgrow the page budget (31 KB gzipped for 333 courses at 10,000 articles).
 */
export const COURSES_PER_PAGE = 24;

/** How many of the articles naming a course its page lists, newest first: the list must not grow with the blog. */
export const COURSE_ARTICLES = 5;

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

/** What the catalog relates to each course, by course id: built by the schedule, the learning paths and the articles. */
export interface CourseRelations {
  sessionsByCourse: Readonly<Record<string, readonly ScheduledSession[]>>;
  stepsByCourse: Readonly<Record<string, readonly PathStep[]>>;
  articlesByCourse: Readonly<Record<string, readonly Article[]>>;
}

/**
 * Each course's summary kept by its loaded course between builds of `npm start` (StageMemo.records), with the
 * one other thing it read, the site's address (its category's name is in it): a save of one course leaves the
 * other summaries the objects they were, so the classes and profiles that point at them are kept too.
 */
export type KeptSummaries = WeakMap<CourseSource, KeptSummary>;

/** A course's summary and the site address it was made with. */
interface KeptSummary {
  siteUrl: string;
  summary: CourseSummary;
}

/**
 * Resolves every course with its labels and URLs, before the schedule: the classes, paths and articles point at
 * these summaries, and the directory (buildCatalogCollections) adds what they relate to each course.
 */
export function buildCourseIndex(content: Pick<Content, "courses" | "categories" | "site">, kept: KeptSummaries = new WeakMap()): CourseIndex {
  const byId: Record<string, CourseSummary> = {};
  for (const course of Object.values(content.courses)) {
    const categoryName = content.categories[course.category]!.name;
    const before = kept.get(course);
    if (before && before.siteUrl === content.site.url && before.summary.categoryName === categoryName) {
      byId[course.id] = before.summary;
      continue;
    }
    byId[course.id] = {
      ...course,
      url: courseUrl(course.id),
      socialImage: socialImageUrl("courses", course.id),
      calendarUrl: courseCalendarUrl(course.id),
      privateEnquiryUrl: privateEnquiryUrl(course.id),
      webcalUrl: webcalUrl(content.site.url, courseCalendarUrl(course.id)),
      categoryName,
      categoryUrl: categoryUrl(course.category),
      levelLabel: LEVEL_TEXT[course.level].name,
      levelUrl: levelUrl(course.level),
      formatLabels: course.formats.map((format) => FORMAT_LABELS[format]),
      priceLabel: formatPrice(course.priceUSD),
      pricedPerSeat: isPricedPerSeat(course.priceUSD),
      lengthLabel: plural(course.durationDays, "day"),
      interestUrl: courseInterestUrl(course.id),
    };
    kept.set(course, { siteUrl: content.site.url, summary: byId[course.id]! });
  }
  const courses = Object.values(byId).sort((a, b) => a.title.localeCompare(b.title));
  const categories = Object.values(content.categories)
    .filter((category) => courses.some((course) => course.category === category.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ id, name }) => ({ id, name }));
  return { courses, byId, categories };
}

/**
 * Builds the directory: each course with its upcoming classes, next public class, learning-path steps, related
 * courses and articles, and the categories and levels that group them.
 */
export function buildCatalogCollections(content: Content, index: CourseIndex, relations: CourseRelations): CatalogCollections {
  const byId: Record<string, CatalogCourse> = {};
  for (const summary of index.courses) {
    const sessions = [...(relations.sessionsByCourse[summary.id] ?? [])];
    const nextPublic = sessions.find((session) => session.isBookable);
    const paths = [...(relations.stepsByCourse[summary.id] ?? [])];
    byId[summary.id] = {
      ...summary,
      sessions,
      ...(nextPublic ? { nextPublic } : {}),
      related: [],
      paths,
      pathsHeading: paths.length === 1 ? "Learning path" : "Learning paths",
      articles: (relations.articlesByCourse[summary.id] ?? []).slice(0, COURSE_ARTICLES),
    };
  }
  const courses = index.courses.map((summary) => byId[summary.id]!);
  // Related courses are courses of this directory: tied here, before the directory is handed on.
  for (const course of courses) course.related = course.relatedCourses.map((id) => byId[id]!);

  const categories = index.categories.map(({ id }) => {
    const category = content.categories[id]!;
    return { ...category, kind: "category" as const, url: categoryUrl(id), pageTitle: category.name, icon: category.icon ?? DEFAULT_ICON, ...withDirectory(courses.filter((course) => course.category === id)) };
  });
  const levels: CourseGroup[] = courseLevels.map((level) => ({
    kind: "level" as const,
    id: level,
    ...LEVEL_TEXT[level],
    url: levelUrl(level),
    pageTitle: `${LEVEL_TEXT[level].name} courses`,
    icon: "chart" as const,
    ...withDirectory(courses.filter((course) => course.level === level)),
  }));
  const groups = [...levels, ...categories];
  const groupPages = groups.flatMap((group) => paginateNamed(group.courses, COURSES_PER_PAGE, group.url, { title: group.pageTitle, crumb: group.pageTitle }).map((page) => ({ ...page, group })));
  return { courses, byId, categories, levels, groups, groupPages, directoryCourses: categories.flatMap((category) => category.directoryCourses) };
}

const withDirectory = (courses: CatalogCourse[]) => ({ courses, countLabel: plural(courses.length, "course"), directoryCourses: courses.slice(0, DIRECTORY_COURSES) });
