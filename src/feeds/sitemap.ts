import type { DateTime } from "luxon";
import { escapeHtml } from "../html/escape-html.ts";
import { SITE_PATHS, sitemapPartUrl } from "../urls/site-urls.ts";

/** The most URLs one sitemap file may list (sitemaps.org); past it the sitemap becomes an index of parts. */
export const SITEMAP_URL_LIMIT = 50_000;

/** One file of the sitemap: its site path and its XML. */
export interface SitemapFile {
  url: string;
  xml: string;
}

/** A page as the sitemap sees it. */
export interface SitemapPage {
  /** Root-relative URL. */
  url: string;
  /** Last substantial change, "YYYY-MM-DD"; the build's date when the page does not know it. */
  lastmod?: string;
}

/** A page as Eleventy lists it in `collections.all`: its URL and its data. */
export interface SitemapItem {
  url: string | false;
  data: {
    robots?: string;
    lastmod?: string;
    /** Set on a page of a paginated template: `alias` names the data key holding the page's own object. */
    pagination?: { alias?: string };
    [key: string]: unknown;
  };
}

/**
 * A page's lastmod: its own data's `lastmod`, else that of the model object a paginated template hands the
 * page (an article, a page of a list), which carries it so that no template computes it per page.
 */
export function itemLastmod(item: SitemapItem): string | undefined {
  if (typeof item.data.lastmod === "string" && item.data.lastmod) return item.data.lastmod;
  const alias = item.data.pagination?.alias;
  const own = alias ? item.data[alias] : undefined;
  const lastmod = own && typeof own === "object" ? (own as { lastmod?: unknown }).lastmod : undefined;
  return typeof lastmod === "string" && lastmod ? lastmod : undefined;
}

/** The sitemap's view of Eleventy's pages: URL, robots and lastmod, public pages only. */
export function sitemapPages(items: readonly SitemapItem[]): SitemapPage[] {
  return items
    .map((item) => {
      const lastmod = itemLastmod(item);
      return { url: item.url, ...(item.data.robots ? { robots: item.data.robots } : {}), ...(lastmod ? { lastmod } : {}) };
    })
    .filter(isPublicPage);
}

/** The pages a sitemap lists: HTML pages that are not error pages and do not ask to stay out of search engines. */
export function isPublicPage(page: { url: string | false; robots?: string }): page is { url: string; robots?: string } {
  if (typeof page.url !== "string") return false;
  if (!(page.url.endsWith("/") || page.url.endsWith(".html"))) return false;
  if (page.url === SITE_PATHS.notFound) return false;
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

/**
 * The sitemap files of a site: one /sitemap.xml while the pages fit in `limit`; past it, /sitemap.xml becomes a
 * sitemap index of /sitemap-1.xml, /sitemap-2.xml, ..., each listing at most `limit` pages in URL order.
 */
export function sitemapFiles(pages: readonly SitemapPage[], siteUrl: string, buildDate: DateTime, limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (pages.length <= limit) return [{ url: SITE_PATHS.sitemap, xml: sitemapXml(pages, siteUrl, buildDate) }];
  const fallback = buildDate.toISODate()!;
  const sorted = [...pages].sort((a, b) => a.url.localeCompare(b.url));
  const parts = Array.from({ length: Math.ceil(sorted.length / limit) }, (_, index) => sorted.slice(index * limit, (index + 1) * limit));
  const newest = (part: readonly SitemapPage[]) => part.map((page) => page.lastmod ?? fallback).reduce((a, b) => (b > a ? b : a));
  const index = parts.map((part, number) => `  <sitemap><loc>${escapeHtml(siteUrl + sitemapPartUrl(number + 1))}</loc><lastmod>${escapeHtml(newest(part))}</lastmod></sitemap>`);
  return [
    { url: SITE_PATHS.sitemap, xml: `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join("\n")}\n</sitemapindex>\n` },
    ...parts.map((part, number) => ({ url: sitemapPartUrl(number + 1), xml: sitemapXml(part, siteUrl, buildDate) })),
  ];
}
