import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import type { PagesToRender } from "../../../src/eleventy/rendered-pages.ts";
import { sitemapFiles, sitemapPages, type SitemapFile, type SitemapItem } from "../../../src/feeds/sitemap.ts";

/**
 * /sitemap.xml (and, past 50,000 pages, its parts): every public page of this build, from Eleventy's own list
 * of what it wrote. The list is turned into sitemap files before paginating, one output file per page.
 */
export default class Sitemap {
  data() {
    return {
      pagination: {
        data: "collections.all",
        size: 1,
        alias: "sitemapFile",
        before: (items: SitemapItem[], data: SiteTemplateData & { pages: PagesToRender }): SitemapFile[] => {
          // After a save in `npm start` only the changed pages are rendered, so Eleventy's list is partial: the
          // sitemap of the first build stays (its URLs change only when a page is added, which HSG_DEV_FULL=1 shows).
          if (!data.pages.complete) return [];
          return sitemapFiles(sitemapPages(items), data.site.url, data.build.now);
        },
      },
      permalink: (data: { sitemapFile: SitemapFile }) => data.sitemapFile.url,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { sitemapFile: SitemapFile }): string {
    return data.sitemapFile.xml;
  }
}
