import { PASSING_SECTIONS } from "../urls/site-urls.ts";

/**
 * Element ids the page templates give the chrome around a rendered body (layout, article page, sidebar, table of
 * contents). A heading whose text would give one of these ids gets a suffix instead, so no page has a duplicate id;
 * the link check also accepts links to them.
 */
export const PAGE_IDS = [
  "main",
  "contents",
  "related-courses",
  "other-articles",
  "footer-contact",
  "sidebar-courses",
  "sidebar-classes",
  PASSING_SECTIONS.article.sidebarOffer,
  "sidebar-fact",
  "sidebar-articles",
  "enquiry",
] as const;
