import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { atomFeed } from "../../../src/feeds/article-feeds.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /feed.xml: the newest published articles (site.yaml feedEntries) as Atom. */
export default class AtomFeed {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("feeds/atom-feed"), eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): Promise<string> {
    return atomFeed({ site: data.site, articles: data.articles.feed });
  }
}
