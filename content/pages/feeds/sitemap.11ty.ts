import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { isPublicPage, sitemapXml } from "../../../src/feeds/sitemap.ts";

/** What Eleventy tells a template about every page it writes. */
interface CollectionItem {
  url: string | false;
  data: { robots?: string; lastmod?: string };
}

/** /sitemap.xml: every public page of this build, from Eleventy's own list of what it wrote. */
export default class Sitemap {
  data() {
    return { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData & { collections: { all: CollectionItem[] } }): string {
    const pages = data.collections.all
      .map((item) => ({ url: item.url, ...(item.data.robots ? { robots: item.data.robots } : {}), ...(item.data.lastmod ? { lastmod: item.data.lastmod } : {}) }))
      .filter(isPublicPage);
    return sitemapXml(pages, data.site.url, data.build.now);
  }
}
