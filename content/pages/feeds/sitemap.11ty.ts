import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sitemapFiles, sitemapPages, type SitemapFile } from "../../../src/feeds/sitemap.ts";
import type { PageEntry } from "../../../src/pages/page-entry.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/**
 * /sitemap.xml (and, past 50,000 pages, its parts): the page table's sitemap entries. The table knows every page
 * of the build, so the sitemap is whole even when `npm start` renders only the pages a save changed. The entries
 * are turned into sitemap files before paginating, one output file per page; each file's URL is the table's.
 */
export default class Sitemap {
  data() {
    return {
      pagination: {
        data: "pageTable.entries",
        size: 1,
        alias: "sitemapFile",
        before: (_entries: readonly PageEntry[], data: SiteTemplateData & { pageTable: PageTable }): SitemapFile[] =>
          sitemapFiles(sitemapPages(data.pageTable.entries), data.site.url, data.build.now),
      },
      permalink: (data: { pageTable: PageTable; sitemapFile: SitemapFile }) => {
        const entry = data.pageTable.at(data.sitemapFile.url);
        if (entry?.template !== "feeds/sitemap") throw new Error(`${data.sitemapFile.url}: the page table has no sitemap file here`);
        return entry.url;
      },
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { sitemapFile: SitemapFile }): string {
    return data.sitemapFile.xml;
  }
}
