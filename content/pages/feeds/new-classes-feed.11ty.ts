import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { NEW_CLASSES_FEED_PATH, newClassesFeed } from "../../../src/feeds/session-feed.ts";

/** /schedule/new-classes.xml: newly added public classes as Atom. */
export default class NewClassesFeed {
  data() {
    return { permalink: NEW_CLASSES_FEED_PATH, eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): string {
    return newClassesFeed(data.site, data.schedule.upcoming, data.build.now);
  }
}
