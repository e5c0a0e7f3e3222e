import type { SiteModel } from "../collections/site-model.ts";
import type { ShownItems } from "../pages/page-entry.ts";
import { pageTableOf } from "../pages/page-table.ts";

/**
 * The paginated templates: each paginates over `pages.<template>`, and `npm start` renders again only those of its
 * pages whose recorded reads changed (src/eleventy/rendered-pages.ts). The small ones (months, facets, instructors,
 * venues, paths, services, thank-you pages) are here too: rendered on every save, the schedule's 38 month and facet
 * pages of a 4,000-article site were most of what a save to an article wrote. Only the single pages (home, the
 * lists' first pages, feeds, sitemap) render every build.
 */
export const RENDERED_TEMPLATES = [
  "article",
  "articles",
  "article-tag",
  "author",
  "course",
  "course-group",
  "training/private-course",
  "session",
  "calendars/course-calendar",
  "calendars/session-calendar",
  "calendars/facet-calendar",
  "calendars/schedule-calendar",
  "schedule-month",
  "schedule-facet",
  "instructor",
  "venue",
  "learning-path",
  "consulting/service",
  "thanks",
] as const satisfies readonly (keyof ShownItems)[];

/** A template of RENDERED_TEMPLATES: the name templates paginate over (`pages.<name>`). */
export type PageSetName = (typeof RENDERED_TEMPLATES)[number];

/**
 * The pages of one such template, from the page table: each page object, and its URL, which finds the same page
 * in the previous build. The table is the one list of pages, so this cannot name a page the build does not write.
 */
export function pageSet(model: SiteModel, template: PageSetName): { item: object; key: string }[] {
  return pageTableOf(model)
    .entriesFor(template)
    .map((entry) => ({ item: entry.item as object, key: entry.url }));
}

/** How many pages the paginated templates write in all: what a build in batches divides (src/eleventy/page-batches.ts). */
export function pageSetSize(model: SiteModel): number {
  const table = pageTableOf(model);
  return RENDERED_TEMPLATES.reduce((sum, template) => sum + table.entriesFor(template).length, 0);
}
