import type { ScheduleFacet } from "../../../src/collections/views.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /schedule/<month>.ics, /schedule/format|location|category/<id>.ics: the classes of one browse page, to subscribe to. */
export default class FacetCalendar {
  data() {
    return {
      pagination: { data: "pages.calendars/facet-calendar", size: 1, alias: "facet" },
      permalink: (data: { pageTable: PageTable; facet: ScheduleFacet }) => data.pageTable.url("calendars/facet-calendar", data.facet),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: SiteTemplateData & { facet: ScheduleFacet }): string {
    return sessionsCalendar(data.facet.sessions, { site: data.site, name: `${data.site.shortName} classes: ${data.facet.label}`, stamp: data.build.now });
  }
}
