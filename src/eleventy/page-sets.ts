import type { Article, CatalogCourse, ScheduleCollections, ScheduledSession, ScheduleFacet } from "../collections/views.ts";
import type { SiteModel } from "../collections/site-model.ts";

/**
 * A paginated template's pages: every page object of the template in the model, and the key that finds the
 * same page in the previous build. What each page shows is not listed here: `npm start` records what each
 * render reads (src/eleventy/rendered-pages.ts).
 */
export interface PageSet<T extends object = object> {
  /** Every page object of the template, in the model. */
  items(model: SiteModel): readonly T[];
  /** Where the page is written: the key that finds the same page in the previous build. */
  key(item: T): string;
}

const byUrl = (item: { url: string }) => item.url;

/** A set typed by its page object, stored with the others as a set of objects. */
const pageSet = <T extends object>(set: PageSet<T>): PageSet => set as unknown as PageSet;

/** A list page (articles, a tag, an author) or a detail page (a course, a class), written at its object's URL. */
const listPages = <T extends { url: string }>(items: (model: SiteModel) => readonly T[]): PageSet => pageSet<T>({ items, key: byUrl });
const detailPages = listPages;

/**
 * The paginated templates whose page count grows with the content, by the name templates paginate over
 * (`pages.<name>`). Small sets (categories, months, venues, instructors) are not listed: they render every build.
 */
export const PAGE_SETS = {
  articles: pageSet<Article>({
    items: (model) => model.articles.list,
    key: byUrl,
  }),
  articleLists: listPages((model) => model.articles.pages),
  tagPages: listPages((model) => model.articles.tagPages),
  authorPages: listPages((model) => model.articles.authorPages),
  courses: detailPages<CatalogCourse>((model) => model.catalog.courses),
  privateCourses: pageSet<CatalogCourse>({
    items: (model) => model.catalog.courses,
    key: (course) => course.privateEnquiryUrl,
  }),
  sessions: detailPages<ScheduledSession>((model) => model.schedule.upcoming),
  courseCalendars: pageSet<CatalogCourse>({
    items: (model) => model.catalog.courses,
    key: (course) => course.calendarUrl,
  }),
  sessionCalendars: pageSet<ScheduledSession>({
    items: (model) => model.schedule.upcoming,
    key: (session) => session.calendarUrl,
  }),
  facetCalendars: pageSet<ScheduleFacet>({
    items: (model) => model.schedule.calendarFacets,
    key: (facet) => facet.calendarUrl,
  }),
  // One page, in a set all the same: a save that changes no class leaves the whole schedule's calendar alone.
  scheduleCalendar: pageSet<ScheduleCollections>({
    items: (model) => [model.schedule],
    key: () => "schedule",
  }),
} satisfies Record<string, PageSet>;

/** The names templates paginate over. */
export type PageSetName = keyof typeof PAGE_SETS;
