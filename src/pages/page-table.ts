import type { SiteModel } from "../collections/site-model.ts";
import { sitemapFileUrls } from "../feeds/sitemap.ts";
import { BRAND_PATHS, privateCourseUrl, SITE_PATHS } from "../urls/site-urls.ts";
import { FIXED_PAGES } from "./fixed-pages.ts";
import { THANK_YOU_PAGES } from "./thank-you-pages.ts";
import type { PageEntry, ShownItems, TemplateName } from "./page-entry.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { realObject } from "../lib/real-object.ts";

/** The page table of one build: every page and file it writes, and the look-ups the build and the checks need. */
export interface PageTable {
  /** Every entry, in the order the model lists its objects. */
  readonly entries: readonly PageEntry[];
  /** The model objects each template shows, in entry order: what the paginated templates paginate over. */
  readonly items: { readonly [K in keyof ShownItems]: readonly ShownItems[K][] };
  /** The entries of one template. */
  entriesFor<K extends TemplateName>(template: K): readonly PageEntry<K extends keyof ShownItems ? ShownItems[K] : undefined>[];
  /** The entry at a site path ("/about" and "/about/" are one), if the build writes it. */
  at(path: string): PageEntry | undefined;
  /**
   * The URL of the page `template` writes for `item`, or of the one page of a fixed template: what templates give
   * as their permalink. Throws when the table has no such page, so a template cannot invent a URL.
   */
  url(template: TemplateName, item?: object): string;
}

/** What the entries of one template share, and what each takes from its own object. */
type EntryFlags<T> = Partial<Pick<PageEntry, "inSitemap" | "inSearch">> & { each?: (item: T) => Partial<Pick<PageEntry, "lastmod" | "socialImage">> };

const tables = new WeakMap<SiteModel, PageTable>();

/** The page table of a model, built on first use and shared by everything that asks for the same model. */
export function pageTableOf(model: SiteModel): PageTable {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = buildPageTable(model)));
  return table;
}

/**
 * Every page and file the build writes, from the model alone (so `npm run check` knows them without building):
 * each with its URL, its template, the object it shows, its lastmod and its flags. Files named by a hash of their
 * bytes (the stylesheet, the scripts, pictures), the fonts, Pagefind's bundle and the editor's bundle are not
 * entries: their names are known only once they are written, and content never links to them.
 */
export function buildPageTable(model: SiteModel): PageTable {
  const { articles, catalog, schedule } = model;
  const entries: PageEntry[] = [];
  // One entry per object a template shows; `flags` hold what all its pages share, `each` what one page's object adds.
  const add = <K extends keyof ShownItems>(template: K, items: readonly ShownItems[K][], url: (item: ShownItems[K]) => string, flags: EntryFlags<ShownItems[K]> = {}) => {
    const { each, ...shared } = flags;
    for (const item of items) entries.push({ url: url(item), template, item, inSitemap: true, inSearch: false, ...shared, ...each?.(item) });
  };
  const byUrl = (item: { url: string }) => item.url;
  const lastmod = (item: { lastmod?: string }) => (item.lastmod ? { lastmod: item.lastmod } : {});

  for (const fixed of FIXED_PAGES) {
    entries.push({
      url: fixed.url,
      template: fixed.template,
      ...(fixed.copy ? { lastmod: model.copy[fixed.copy].lastmod } : {}),
      inSitemap: fixed.inSitemap ?? true,
      inSearch: fixed.inSearch ?? false,
    });
  }
  add("article", articles.list, byUrl, { inSearch: true, each: (article) => ({ ...lastmod(article), ...(article.leadImage ? {} : { socialImage: article.socialImage }) }) });
  add("articles", articles.pages, byUrl, { each: lastmod });
  add("article-tag", articles.tagPages, byUrl, { each: lastmod });
  add("author", articles.authorPages, byUrl, { each: lastmod });
  add("course", catalog.courses, byUrl, { inSearch: true, each: (course) => ({ socialImage: course.socialImage }) });
  add("course-group", catalog.groupPages, byUrl);
  // Private-course pages say noindex: they repeat the course page with an enquiry form.
  add("training/private-course", catalog.courses, (course) => privateCourseUrl(course.id), { inSitemap: false });
  add("session", schedule.upcoming, byUrl, { inSearch: true });
  add("schedule-month", schedule.months, byUrl);
  add("schedule-facet", schedule.facets, byUrl);
  add("instructor", model.instructors, byUrl, { inSearch: true });
  add("venue", model.venues, byUrl, { inSearch: true });
  add("learning-path", model.learningPaths.paths, byUrl, { inSearch: true });
  add("consulting/service", model.services, byUrl, { inSearch: true });
  // Thank-you pages answer a form; they say noindex, so search engines should not be sent to them.
  add("thanks", THANK_YOU_PAGES, byUrl, { inSitemap: false });

  const calendar = { inSitemap: false };
  add("calendars/course-calendar", catalog.courses, (course) => course.calendarUrl, calendar);
  add("calendars/session-calendar", schedule.upcoming, (session) => session.calendarUrl, calendar);
  add("calendars/facet-calendar", schedule.calendarFacets, (facet) => facet.calendarUrl, calendar);
  add("calendars/schedule-calendar", [schedule], () => SITE_PATHS.scheduleCalendar, calendar);
  // The images the social images plugin draws: the site's default, and each page's own (see `socialImage`).
  const file = { inSitemap: false, inSearch: false } as const;
  const drawnFor = entries.filter((entry) => entry.socialImage);
  entries.push({ url: SITE_PATHS.defaultSocialImage, template: "social-image", ...file });
  for (const page of drawnFor) entries.push({ url: page.socialImage!, template: "social-image", item: page.item, ...file });
  for (const url of Object.values(BRAND_PATHS)) entries.push({ url, template: "brand", ...file });
  for (const url of [SITE_PATHS.netlifyRedirects, SITE_PATHS.netlifyHeaders]) entries.push({ url, template: "netlify", ...file });
  // Last, as it lists the others: one sitemap file, or past SITEMAP_URL_LIMIT pages an index and its parts.
  const listed = entries.filter((entry) => entry.inSitemap).length;
  for (const url of sitemapFileUrls(listed)) entries.push({ url, template: "feeds/sitemap", ...file });

  return tableOf(entries);
}

/** The look-ups over a list of entries; the table and all it hands out are frozen, as templates share them. */
function tableOf(entries: readonly PageEntry[]): PageTable {
  const byPath = new Map<string, PageEntry>();
  const byTemplate = new Map<TemplateName, PageEntry[]>();
  const byItem = new Map<TemplateName, Map<unknown, PageEntry>>();
  for (const entry of entries) {
    const path = normaliseSitePath(entry.url);
    const taken = byPath.get(path);
    // Two entries at one URL would be two templates writing one file: Eleventy would stop, but later and less clearly.
    if (taken) throw new Error(`${entry.url}: both "${taken.template}" and "${entry.template}" would write this page`);
    byPath.set(path, Object.freeze(entry));
    const same = byTemplate.get(entry.template);
    if (same) same.push(entry);
    else byTemplate.set(entry.template, [entry]);
    if (entry.item !== undefined) byItem.set(entry.template, (byItem.get(entry.template) ?? new Map()).set(entry.item, entry));
  }
  const items = Object.freeze(Object.fromEntries([...byItem].map(([template, found]) => [template, Object.freeze([...found.keys()])]))) as PageTable["items"];
  return Object.freeze({
    entries: Object.freeze([...entries]),
    items,
    entriesFor: (template: TemplateName) => byTemplate.get(template) ?? [],
    at: (path: string) => byPath.get(normaliseSitePath(path)),
    url(template: TemplateName, item?: object): string {
      const found = item === undefined ? byTemplate.get(template) : [byItem.get(template)?.get(realObject(item))].filter((entry) => entry !== undefined);
      if (!found || found.length !== 1) throw new Error(`the page table has ${found?.length ? "several pages" : "no page"} of the template "${template}"${item === undefined ? "" : " for this object"}`);
      return found[0]!.url;
    },
  }) as PageTable;
}
