import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { FEED_PATHS, jsonFeed } from "../../../src/feeds/article-feeds.ts";

/** /feed.json: the newest published articles (site.yaml feedEntries) as JSON Feed. */
export default class JsonFeed {
  data() {
    return { permalink: FEED_PATHS.json, eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): Promise<string> {
    return jsonFeed({ site: data.site, articles: data.articles.feed });
  }
}
