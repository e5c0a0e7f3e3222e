import type { Article, CatalogCourse, ScheduleCollections, ScheduledSession, ScheduleFacet } from "../collections/views.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { Signer } from "./signature.ts";

/**
 * What one page of a paginated template shows, as signatures: `item` for the page's own object and what it
 * reaches, `shared` for what every page of the template shows alike (the header, footer and sidebar). Each is
 * written to mirror its template: a page whose template shows more than its signature covers would go stale
 * in `npm start`, which tests/eleventy/dev-pages.test.ts checks by comparing edited rebuilds with fresh builds.
 */
export interface PageSet<T extends object = object> {
  /** Every page object of the template, in the model. */
  items(model: SiteModel): readonly T[];
  /** Where the page is written: the key that finds the same page in the previous build. */
  key(item: T): string;
  /** The signature of what one page shows of its own object and of the objects it links to. */
  item(item: T, sign: SignFor): string;
  /** What all pages of the set show of the rest of the site. */
  shared(model: SiteModel, sign: SignFor): string;
}

/** Signs values for one build (see Signer). */
export interface SignFor {
  of(value: unknown, depth: number): string;
}

/** What no page shows of an article: its Markdown and what the checks take from it (the page shows the HTML). */
export const ARTICLE_NEVER_SHOWN: ReadonlySet<string> = new Set(["body", "bodyLine", "headings", "links", "imageJobs", "file"]);

/**
 * What only an article's own page (and the feeds, which are rendered on every build) shows of the article:
 * its HTML, its last change and the links to its neighbours. Lists, tags and courses show the rest.
 */
export const ARTICLE_PAGE_ONLY: ReadonlySet<string> = new Set(["html", "related", "previous", "next", "courses", "modified", "lastmod"]);

/** The header, footer and head of every page: the site's settings and the build's kind and date. */
const chrome = (model: SiteModel, sign: SignFor) =>
  sign.of([model.content.site, model.context.preview ?? false, model.context.includeUnpublished, model.context.now.toISODate()], 2);

/** The article sidebar: categories with their counts, the next classes, the promotion, the fact, the latest articles. */
const sidebar = (model: SiteModel, sign: SignFor) =>
  sign.of(
    [
      model.catalog.categories.map((category) => [category.name, category.url, category.courses.length]),
      model.highlights.sidebarClasses.map((session) => [session.url, session.course.title, session.dateRange, session.modeLabel]),
      model.highlights,
      model.articles.recent.map((article) => [article.url, article.title]),
    ],
    3,
  );

const byUrl = (item: { url: string }) => item.url;

/** A set typed by its page object, stored with the others as a set of objects. */
const pageSet = <T extends object>(set: PageSet<T>): PageSet => set as unknown as PageSet;

const listPages = <T extends { url: string }>(items: (model: SiteModel) => readonly T[]): PageSet => pageSet<T>({
  items,
  key: byUrl,
  // A list page shows its articles' cards: title, date, byline, reading time, summary and lead image.
  item: (pager, sign) => sign.of(pager, 3),
  shared: chrome,
});

/** A course's or a class's page: two steps from its object (a course shows its classes' venues), and the policies link. */
const detailPages = <T extends { url: string }>(items: (model: SiteModel) => readonly T[]): PageSet =>
  pageSet<T>({
    items,
    key: byUrl,
    item: (item, sign) => sign.of(item, 2),
    shared: (model, sign) => chrome(model, sign) + sign.of(model.policies.url, 0),
  });

/**
 * The paginated templates whose page count grows with the content, by the name templates paginate over
 * (`pages.<name>`). Small sets (categories, months, venues, instructors) are not listed: they render every build.
 */
export const PAGE_SETS = {
  articles: pageSet<Article>({
    items: (model) => model.articles.list,
    key: byUrl,
    // The lead image's sources sit one step further than the neighbours' titles.
    item: (article, sign) => sign.of(article, 1) + sign.of(article.leadImage ?? null, 2),
    shared: (model, sign) => chrome(model, sign) + sidebar(model, sign),
  }),
  articleLists: listPages((model) => model.articles.pages),
  tagPages: listPages((model) => model.articles.tagPages),
  authorPages: listPages((model) => model.articles.authorPages),
  courses: detailPages<CatalogCourse>((model) => model.catalog.courses),
  privateCourses: pageSet<CatalogCourse>({
    items: (model) => model.catalog.courses,
    key: (course) => course.privateEnquiryUrl,
    item: (course, sign) => sign.of(course, 1),
    shared: (model, sign) => chrome(model, sign) + sign.of([model.copy["private-training"], model.catalog.courses.map((course) => [course.id, course.title])], 3),
  }),
  sessions: detailPages<ScheduledSession>((model) => model.schedule.upcoming),
  courseCalendars: pageSet<CatalogCourse>({
    items: (model) => model.catalog.courses,
    key: (course) => course.calendarUrl,
    item: (course, sign) => sign.of(course.sessions, 2),
    shared: (model, sign) => sign.of(model.content.site, 1),
  }),
  sessionCalendars: pageSet<ScheduledSession>({
    items: (model) => model.schedule.upcoming,
    key: (session) => session.calendarUrl,
    item: (session, sign) => sign.of(session, 2),
    shared: (model, sign) => sign.of(model.content.site, 1),
  }),
  facetCalendars: pageSet<ScheduleFacet>({
    items: (model) => model.schedule.calendarFacets,
    key: (facet) => facet.calendarUrl,
    item: (facet, sign) => sign.of(facet.label, 0) + sign.of(facet.sessions, 2),
    shared: (model, sign) => sign.of(model.content.site, 1),
  }),
  // One page, in a set all the same: a save that changes no class leaves the whole schedule's calendar alone.
  scheduleCalendar: pageSet<ScheduleCollections>({
    items: (model) => [model.schedule],
    key: () => "schedule",
    item: (schedule, sign) => sign.of(schedule.upcoming, 2),
    shared: (model, sign) => sign.of(model.content.site, 1),
  }),
} satisfies Record<string, PageSet>;

/** The names templates paginate over. */
export type PageSetName = keyof typeof PAGE_SETS;

/** The signer for one build's model: an article referred to from another page is signed without its page-only fields. */
export function signerFor(model: SiteModel): SignFor {
  const articles = new Set<object>(model.articles.list);
  return new Signer((owner, key, own) => (ARTICLE_NEVER_SHOWN.has(key) || (!own && ARTICLE_PAGE_ONLY.has(key))) && articles.has(owner));
}
