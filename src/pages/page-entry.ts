import type { ThankYouPage } from "./thank-you-pages.ts";
import type { Article, ArticleListPage, AuthorPage, CatalogCourse, ConsultingService, CourseGroupPage, Instructor, LearningPathView, ScheduleCollections, ScheduledSession, ScheduleFacet, ScheduleMonth, TagPage, Venue } from "../collections/views.ts";

/**
 * The model object each template that shows one shows, by template name. A template's name is its path under
 * content/pages without the extension, as pages carry it in `data-template` ("article", "consulting/service").
 */
export interface ShownItems {
  article: Article;
  articles: ArticleListPage;
  "article-tag": TagPage;
  author: AuthorPage;
  course: CatalogCourse;
  "course-group": CourseGroupPage;
  "training/private-course": CatalogCourse;
  session: ScheduledSession;
  "schedule-month": ScheduleMonth;
  "schedule-facet": ScheduleFacet;
  instructor: Instructor;
  venue: Venue;
  "learning-path": LearningPathView;
  "consulting/service": ConsultingService;
  /** The page a form sends the visitor to (src/pages/thank-you-pages.ts). */
  thanks: ThankYouPage;
  "calendars/course-calendar": CatalogCourse;
  "calendars/session-calendar": ScheduledSession;
  "calendars/facet-calendar": ScheduleFacet;
  "calendars/schedule-calendar": ScheduleCollections;
  /** A generated social image: of an article or a course, or (no object) the site's default. */
  "social-image": Article | CatalogCourse | undefined;
}

/** Templates that write one page or file, at a fixed URL, and show no one model object. */
export type FixedTemplate =
  | "home"
  | "about"
  | "contact"
  | "search"
  | "not-found"
  | "article-tags"
  | "courses"
  | "schedule"
  | "learning-paths"
  | "policies"
  | "consulting/index"
  | "training/private"
  | "training/mentoring"
  | "admin/index"
  | "feeds/atom-feed"
  | "feeds/json-feed"
  | "feeds/new-classes-feed"
  | "feeds/next-change"
  | "feeds/robots";

/**
 * What writes files that no template writes one by one: the sitemap (one file, or an index and its parts), the
 * brand files (src/brand), and `_redirects` and `_headers` (src/netlify).
 */
export type FileWriter = "feeds/sitemap" | "brand" | "netlify";

/** Every name an entry can have as its `template`. */
export type TemplateName = keyof ShownItems | FixedTemplate | FileWriter;

/** One page or file the build writes. */
export interface PageEntry<T = unknown> {
  /** Root-relative URL, from the model object or src/urls/site-urls.ts: pages end in "/", files keep their extension. */
  url: string;
  /** The template that writes it (its name under content/pages), or the writer of a file no template writes. */
  template: TemplateName;
  /** The model object it shows, for templates that show one. */
  item?: T;
  /** Its last substantial change, "YYYY-MM-DD", where the model knows it; the sitemap gives others the build's date. */
  lastmod?: string;
  /** Listed in the sitemap: a public HTML page, not an error page, not noindex. */
  inSitemap: boolean;
  /** Indexed by Pagefind: its template marks its body `data-pagefind-body`. */
  inSearch: boolean;
  /** The URL of its own generated social image (an article without a lead image, a course); others share the site's. */
  socialImage?: string;
}
