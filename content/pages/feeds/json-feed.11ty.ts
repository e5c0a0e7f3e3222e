import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { jsonFeed } from "../../../src/feeds/article-feeds.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /feed.json: the newest published articles (site.yaml feedEntries) as JSON Feed. */
export default class JsonFeed {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("feeds/json-feed"), eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): Promise<string> {
    return jsonFeed({ site: data.site, articles: data.articles.feed });
  }
}
