import type { SiteModel } from "../collections/site-model.ts";
import type { ShownItems } from "../pages/page-entry.ts";
import { pageTableOf } from "../pages/page-table.ts";

/**
 * The paginated templates whose page count grows with the content. Each paginates over `pages.<template>`, and
 * `npm start` renders again only those of its pages whose recorded reads changed (src/eleventy/rendered-pages.ts).
 * The small paginated templates (months, facets, instructors, venues, paths, services) paginate over
 * `pageTable.items.<template>` and render every build.
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
