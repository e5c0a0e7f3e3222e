import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { atomFeed, FEED_PATHS } from "../../../src/feeds/article-feeds.ts";

/** /feed.xml: the newest published articles (site.yaml feedEntries) as Atom. */
export default class AtomFeed {
  data() {
    return { permalink: FEED_PATHS.atom, eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): Promise<string> {
    return atomFeed({ site: data.site, articles: data.articles.feed });
  }
}
