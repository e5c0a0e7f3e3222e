/**
 * Every URL and output path of the site, in one place: the collections, the cross-checks, the feeds, the
 * Netlify files, the plugins and (through the `urls` global) the templates spell a path only by asking here.
 * Page URLs end in "/" (Eleventy writes them as folder/index.html); files keep their extension.
 */

/** Fixed pages and files, as root-relative URLs. */
export const SITE_PATHS = {
  home: "/",
  articles: "/articles/",
  tags: "/articles/tags/",
  courses: "/courses/",
  schedule: "/schedule/",
  consulting: "/consulting/",
  privateTraining: "/training/private/",
  about: "/about/",
  contact: "/contact/",
  search: "/search/",
  notFound: "/404.html",
  atomFeed: "/feed.xml",
  jsonFeed: "/feed.json",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  scheduleCalendar: "/schedule.ics",
  stylesheet: "/assets/site.css",
  searchScript: "/assets/search.js",
  defaultSocialImage: "/assets/social/site.png",
  mentoring: "/training/mentoring/",
  learningPaths: "/paths/",
  policies: "/policies/",
  admin: "/admin/",
  newClassesFeed: "/schedule/new-classes.xml",
  nextChange: "/next-change.json",
  netlifyHeaders: "/_headers",
  netlifyRedirects: "/_redirects",
  thanksContact: "/thanks/contact/",
  thanksEnquiry: "/thanks/enquiry/",
  thanksClassEnquiry: "/thanks/class-enquiry/",
  thanksInterest: "/thanks/interest/",
  thanksRegistration: "/thanks/registration/",
  thanksWaitlist: "/thanks/waitlist/",
} as const;

/** The search page's top-level folder, which gets the policy Pagefind's WebAssembly needs. */
export const SEARCH_PAGE_FOLDER = "search";

/** Pagefind's bundle folder below the output, which is also its URL path. */
export const SEARCH_BUNDLE_FOLDER = "pagefind";

/** An article's page. */
export function articleUrl(slug: string): string {
  return `${SITE_PATHS.articles}${slug}/`;
}

/** The first page of a tag's article list. */
export function tagUrl(slug: string): string {
  return `${SITE_PATHS.tags}${slug}/`;
}

/** An author's page. */
export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

/** A course's page. */
export function courseUrl(id: string): string {
  return `${SITE_PATHS.courses}${id}/`;
}

/** A course's calendar of upcoming sessions. */
export function courseCalendarUrl(id: string): string {
  return `${SITE_PATHS.courses}${id}.ics`;
}

/** A category's browse page. */
export function categoryUrl(id: string): string {
  return `${SITE_PATHS.courses}category/${id}/`;
}

/** A level's browse page. */
export function levelUrl(level: string): string {
  return `${SITE_PATHS.courses}level/${level}/`;
}

/** The private-training page of a course. */
export function privateCourseUrl(id: string): string {
  return `${SITE_PATHS.privateTraining}${id}/`;
}

/** A session's page. */
export function sessionUrl(id: string): string {
  return `${SITE_PATHS.schedule}${id}/`;
}

/** One session's calendar file. */
export function sessionCalendarUrl(id: string): string {
  return `/schedule/${id}.ics`;
}

/** A consulting service's page. */
export function serviceUrl(id: string): string {
  return `${SITE_PATHS.consulting}${id}/`;
}

/** Where the social image of an article or course is published. */
export function socialImageUrl(kind: "articles" | "courses", slug: string): string {
  return `/assets/social/${kind}/${slug}.png`;
}

/** Page `number` of a list at `baseUrl`: the first page is the base, later ones `page/N/` below it. */
export function listPageUrl(baseUrl: string, number: number): string {
  return number === 1 ? baseUrl : `${baseUrl}page/${number}/`;
}

/** Sitemap file `number` (1-based) of a site whose pages do not fit one sitemap. */
export function sitemapPartUrl(number: number): string {
  return `/sitemap-${number}.xml`;
}
