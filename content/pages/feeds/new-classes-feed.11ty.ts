import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { newClassesFeed } from "../../../src/feeds/session-feed.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /schedule/new-classes.xml: newly added public classes as Atom. */
export default class NewClassesFeed {
  data() {
    return { permalink: (data: { pageTable: PageTable }) => data.pageTable.url("feeds/new-classes-feed"), eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): string {
    return newClassesFeed(data.site, data.schedule.upcoming, data.build.now);
  }
}
