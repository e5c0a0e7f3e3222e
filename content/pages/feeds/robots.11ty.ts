import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";
import { SITE_PATHS } from "../../../src/urls/site-urls.ts";

/** /robots.txt: everything may be crawled; the sitemap lists what should be. Previews say noindex in their headers. */
export default class Robots {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("feeds/robots"), eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): string {
    return `User-agent: *\nAllow: /\n\nSitemap: ${data.site.url}${SITE_PATHS.sitemap}\n`;
  }
}
