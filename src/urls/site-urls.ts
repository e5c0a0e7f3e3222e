/**
 * Every URL and output path of the site, in one place: the collections, the cross-checks, the feeds, the
 * Netlify files, the plugins and (through the `urls` global) the templates spell a path only by asking here.
 * Page URLs end in "/" (Eleventy writes them as folder/index.html); files keep their extension.
 * tests/urls/literal-paths.test.ts fails on a site path spelled anywhere else.
 */

/** Top-level folders whose name other code needs on its own (a CSP per folder, a folder written by a plugin). */
export const SITE_FOLDERS = {
  /** The search page, which gets the policy Pagefind's WebAssembly needs. */
  search: "search",
  /** Pagefind's bundle folder below the output, which is also its URL path. */
  searchBundle: "pagefind",
  /** The CMS: the build writes the editor, its bundle and its configuration there (src/cms/). */
  admin: "admin",
} as const;

/** Pagefind's bundle folder below the output, which is also its URL path. */
export const SEARCH_BUNDLE_FOLDER = SITE_FOLDERS.searchBundle;

/** The top-level folder of the CMS; its CSP and noindex header are the "admin" kind of src/netlify/header-policy.ts. */
export const ADMIN_FOLDER = SITE_FOLDERS.admin;

/** The enquiry form of the private-training pages: the id of _includes/partials/private-training.njk's section. */
const ENQUIRY_FORM = "#enquiry";

/**
 * Sections that a page shows only for a while, by the template of the page: the offers beside an article, a class
 * page's registration, waitlist or enquiry section (which, if any, changes as registration closes and seats fill),
 * each with a heading of its id and "-heading" and a form whose fields' ids are the form's name and the field's, the home
 * page's current offers, and the schedule's later months. The schedule's sections of months (MONTH_SECTION_PREFIX)
 * and an article's promotion asides (PROMOTION_ASIDE_PREFIX) come and go too. The templates spell them only from
 * here (the `sections` global); src/pages/passing-sections.ts says which a link may find gone without the build
 * stopping.
 */
export const PASSING_SECTIONS = {
  article: { sidebarOffer: "sidebar-offer" },
  session: { register: "register", waitlist: "waitlist", enquire: "enquire" },
  sessionForms: { register: "class-registration", waitlist: "class-waitlist", enquire: "class-enquiry" },
  /** The fields of each class form (their names, and their ids after the form's name and a hyphen). */
  sessionFormFields: { website: "website", name: "name", email: "email", company: "company", seats: "seats", accommodation: "accommodation" },
  home: { offers: "home-offers" },
  schedule: { laterMonths: "later-months" },
} as const;

/** What the id of a month's section of /schedule/ starts with, before the month's "yyyy-MM". */
export const MONTH_SECTION_PREFIX = "month-";

/** What the id of a promotion aside placed in an article starts with, before the marker's line. */
export const PROMOTION_ASIDE_PREFIX = "promotion-aside-";

/** The font file of the body text in Latin script, which every page draws with (src/styles/_fonts.scss). */
export const BODY_FONT_FILE = "source-sans-3-latin-wght-normal.woff2";

/** Fixed pages and files, as root-relative URLs. */
export const SITE_PATHS = {
  home: "/",
  articles: "/articles/",
  tags: "/articles/tags/",
  courses: "/courses/",
  schedule: "/schedule/",
  consulting: "/consulting/",
  privateTraining: "/training/private/",
  privateTrainingEnquiry: `/training/private/${ENQUIRY_FORM}`,
  mentoring: "/training/mentoring/",
  learningPaths: "/paths/",
  policies: "/policies/",
  about: "/about/",
  contact: "/contact/",
  search: `/${SITE_FOLDERS.search}/`,
  admin: `/${SITE_FOLDERS.admin}/`,
  notFound: "/404.html",
  // Where each form sends the visitor once Netlify has taken it.
  thanksContact: "/thanks/contact/",
  thanksEnquiry: "/thanks/enquiry/",
  thanksInterest: "/thanks/interest/",
  thanksRegistration: "/thanks/registration/",
  thanksWaitlist: "/thanks/waitlist/",
  thanksClassEnquiry: "/thanks/class-enquiry/",
  atomFeed: "/feed.xml",
  jsonFeed: "/feed.json",
  newClassesFeed: "/schedule/new-classes.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  scheduleCalendar: "/schedule.ics",
  // Read by the hourly function (netlify/functions/) from the live site.
  nextChange: "/next-change.json",
  // Netlify's own files, written last; never pages of the site.
  netlifyHeaders: "/_headers",
  netlifyRedirects: "/_redirects",
  stylesheet: "/assets/site.css",
  // Preloaded by every page: found only once the stylesheet is parsed, it arrived after the first paint, and the
  // text drawn again in it moved the page (a layout shift of 0.23 on the home page, Lighthouse's performance 88).
  bodyFont: fontUrl(BODY_FONT_FILE),
  searchScript: "/assets/search.js",
  deadlinesScript: "/assets/deadlines.js",
  searchUiScript: `/${SITE_FOLDERS.searchBundle}/pagefind-ui.js`,
  searchUiStylesheet: `/${SITE_FOLDERS.searchBundle}/pagefind-ui.css`,
  // The search index's further bundles, if the site has more searched pages than one bundle holds (src/search/).
  searchBundleList: `/${SITE_FOLDERS.searchBundle}/bundles.json`,
  cmsScript: `/${SITE_FOLDERS.admin}/cms.js`,
  defaultSocialImage: "/assets/social/site.png",
} as const;

/** Paths only `npm start`'s server answers: never written by a build. */
export const DEV_SERVER_PATHS = {
  /** The problem page's stylesheet (src/eleventy/dev-error-page.ts): a path no built page uses. */
  problemsStylesheet: "/.hsg-dev/problems.css",
  /** Eleventy's own dev-server client files, which are never pages. */
  eleventyClient: "/.11ty/",
} as const;

/** Where each brand file (src/brand/) is published. */
export const BRAND_PATHS = {
  logo: "/assets/logo.svg",
  logoPng: "/assets/logo.png",
  headerMark: "/assets/logo-mark.svg",
  faviconSvg: "/favicon.svg",
  faviconIco: "/favicon.ico",
  appleTouchIcon: "/apple-touch-icon.png",
  icon192: "/assets/icons/icon-192.png",
  icon512: "/assets/icons/icon-512.png",
  maskableIcon: "/assets/icons/icon-maskable-512.png",
  manifest: "/site.webmanifest",
} as const;

/** Where published images live on the site (eleventy-img's `urlPath`); every name in it carries a hash. */
export const IMAGE_URL_PATH = "/assets/images/";

/** A site font file, by its file name. */
export function fontUrl(fileName: string): string {
  return `/assets/fonts/${fileName}`;
}

/** The URL of a file written at `relative` below the output folder (with "/" between folders). */
export function outputFileUrl(relative: string): string {
  return `/${relative}`;
}

/** Where a file at `url` is written, relative to the output folder (Eleventy's passthrough copy names it so). */
export function outputFileOf(url: string): string {
  return url.replace(/^\//, "");
}

/** Where the page or file at `url` is written, relative to the output folder: a page ("/a/b/") as its folder's index.html. */
export function writtenFileOf(url: string): string {
  return url.endsWith("/") ? `${outputFileOf(url)}index.html` : outputFileOf(url);
}

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

/** Where a visitor registers interest in a course or suggests a date: the form on the course's page. */
export function courseInterestUrl(id: string): string {
  return `${courseUrl(id)}#interest`;
}

/** The enquiry form on a course's private-training page (the same partial as the private-training page's). */
export function privateEnquiryUrl(id: string): string {
  return `${privateCourseUrl(id)}${ENQUIRY_FORM}`;
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
  return `${SITE_PATHS.schedule}${id}.ics`;
}

/** The kinds of schedule page: a month, or the classes of one format, location or category. */
export type ScheduleFacetKind = "month" | "format" | "location" | "category";

/** The schedule's page of a month ("2027-03") or of a format, location or category. */
export function scheduleFacetUrl(kind: ScheduleFacetKind, key: string): string {
  return kind === "month" ? `${SITE_PATHS.schedule}${key}/` : `${SITE_PATHS.schedule}${kind}/${key}/`;
}

/** The calendar of a schedule page: its URL with ".ics" in place of the last "/". */
export function scheduleFacetCalendarUrl(kind: ScheduleFacetKind, key: string): string {
  return `${scheduleFacetUrl(kind, key).replace(/\/$/, "")}.ics`;
}

/** An instructor's page. */
export function instructorUrl(id: string): string {
  return `/instructors/${id}/`;
}

/** A venue's page. */
export function venueUrl(id: string): string {
  return `/venues/${id}/`;
}

/** A learning path's page. */
export function learningPathUrl(id: string): string {
  return `${SITE_PATHS.learningPaths}${id}/`;
}

/** A clause on the policies page, such as "/policies/#cancellation". */
export function policyClauseUrl(id: string): string {
  return `${SITE_PATHS.policies}#${id}`;
}

/** A consulting service's page. */
export function serviceUrl(id: string): string {
  return `${SITE_PATHS.consulting}${id}/`;
}

/** The folder the social images of articles or of courses are published in. */
export function socialImageFolder(kind: "articles" | "courses"): string {
  return `/assets/social/${kind}/`;
}

/** Where the social image of an article or course is published. */
export function socialImageUrl(kind: "articles" | "courses", slug: string): string {
  return `${socialImageFolder(kind)}${slug}.png`;
}

/** Page `number` of a list at `baseUrl`: the first page is the base, later ones `page/N/` below it. */
export function listPageUrl(baseUrl: string, number: number): string {
  return number === 1 ? baseUrl : `${baseUrl}page/${number}/`;
}

/** Sitemap file `number` (1-based) of a site whose pages do not fit one sitemap. */
export function sitemapPartUrl(number: number): string {
  return `/sitemap-${number}.xml`;
}

/** Whether a path is one of sitemapPartUrl's: which of them a build writes follows its number of pages. */
export function isSitemapPartUrl(sitePath: string): boolean {
  const number = Number(/\d+/.exec(sitePath)?.[0]);
  return Number.isSafeInteger(number) && number > 0 && sitemapPartUrl(number) === sitePath;
}
