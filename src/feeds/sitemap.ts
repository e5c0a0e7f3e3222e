import type { DateTime } from "luxon";
import { escapeHtml } from "../html/escape-html.ts";

/** A page as the sitemap sees it. */
export interface SitemapPage {
  /** Root-relative URL. */
  url: string;
  /** Last substantial change, "YYYY-MM-DD"; the build's date when the page does not know it. */
  lastmod?: string;
}

/** The pages a sitemap lists: HTML pages that are not error pages and do not ask to stay out of search engines. */
export function isPublicPage(page: { url: string | false; robots?: string }): page is { url: string; robots?: string } {
  if (typeof page.url !== "string") return false;
  if (!(page.url.endsWith("/") || page.url.endsWith(".html"))) return false;
  if (page.url === "/404.html") return false;
  return !(page.robots ?? "").includes("noindex");
}

/** A sitemap.xml (sitemaps.org 0.9) of absolute URLs, sorted, each with lastmod. */
export function sitemapXml(pages: readonly SitemapPage[], siteUrl: string, buildDate: DateTime): string {
  const fallback = buildDate.toISODate()!;
  const entries = [...pages]
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((page) => `  <url><loc>${escapeHtml(siteUrl + page.url)}</loc><lastmod>${escapeHtml(page.lastmod ?? fallback)}</lastmod></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}
