import type { DateTime } from "luxon";
import { escapeHtml } from "../html/escape-html.ts";
import type { PageEntry } from "../pages/page-entry.ts";
import { SITE_PATHS, sitemapPartUrl } from "../urls/site-urls.ts";

/**
 * The most URLs one sitemap file lists; past it the sitemap becomes an index of parts. sitemaps.org allows 50,000,
 * but the site keeps every file but the search index under 2 MB (docs/PERFORMANCE.md), and a file name (255 bytes at
 * most) makes an entry at most about 370 bytes: 5,000 of them stay under 2 MB (about 0.5 MB as slugs are written).
 * One sitemap of 10,000 articles' pages took 2.07 MB.
 */
export const SITEMAP_URL_LIMIT = 5_000;

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

/** The pages a sitemap lists: the page table's entries marked for it, with their lastmod where the model knows it. */
export function sitemapPages(entries: readonly Pick<PageEntry, "url" | "lastmod" | "inSitemap">[]): SitemapPage[] {
  return entries.filter((entry) => entry.inSitemap).map((entry) => ({ url: entry.url, ...(entry.lastmod ? { lastmod: entry.lastmod } : {}) }));
}

/** A sitemap.xml (sitemaps.org 0.9) of absolute URLs, sorted, each with lastmod. */
export function sitemapXml(pages: readonly SitemapPage[], siteUrl: string, buildDate: DateTime): string {
  const fallback = buildDate.toISODate()!;
  const entries = [...pages]
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((page) => `  <url><loc>${escapeHtml(siteUrl + page.url)}</loc><lastmod>${escapeHtml(page.lastmod ?? fallback)}</lastmod></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** The URLs of the sitemap files of a site of `count` pages: /sitemap.xml, and its parts past `limit` pages. */
export function sitemapFileUrls(count: number, limit = SITEMAP_URL_LIMIT): string[] {
  const parts = count <= limit ? 0 : Math.ceil(count / limit);
  return [SITE_PATHS.sitemap, ...Array.from({ length: parts }, (_, index) => sitemapPartUrl(index + 1))];
}

/**
 * The sitemap files of a site: one /sitemap.xml while the pages fit in `limit`; past it, /sitemap.xml becomes a
 * sitemap index of /sitemap-1.xml, /sitemap-2.xml, ..., each listing at most `limit` pages in URL order.
 */
export function sitemapFiles(pages: readonly SitemapPage[], siteUrl: string, buildDate: DateTime, limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  // The same URLs the page table lists for the sitemap (sitemapFileUrls): one rule decides how the pages split.
  const [indexUrl, ...partUrls] = sitemapFileUrls(pages.length, limit);
  if (partUrls.length === 0) return [{ url: indexUrl!, xml: sitemapXml(pages, siteUrl, buildDate) }];
  const fallback = buildDate.toISODate()!;
  const sorted = [...pages].sort((a, b) => a.url.localeCompare(b.url));
  const parts = partUrls.map((url, number) => ({ url, pages: sorted.slice(number * limit, (number + 1) * limit) }));
  const newest = (part: readonly SitemapPage[]) => part.map((page) => page.lastmod ?? fallback).reduce((a, b) => (b > a ? b : a));
  const index = parts.map((part) => `  <sitemap><loc>${escapeHtml(siteUrl + part.url)}</loc><lastmod>${escapeHtml(newest(part.pages))}</lastmod></sitemap>`);
  return [
    { url: indexUrl!, xml: `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join("\n")}\n</sitemapindex>\n` },
    ...parts.map((part) => ({ url: part.url, xml: sitemapXml(part.pages, siteUrl, buildDate) })),
  ];
}
