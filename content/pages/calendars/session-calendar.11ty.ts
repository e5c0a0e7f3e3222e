import type { ScheduledSession } from "../../../src/collections/views.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /schedule/<session-id>.ics: one session, for "Add to calendar". */
export default class SessionCalendar {
  data() {
    return {
      pagination: { data: "pages.calendars/session-calendar", size: 1, alias: "session" },
      permalink: (data: { pageTable: PageTable; session: ScheduledSession }) => data.pageTable.url("calendars/session-calendar", data.session),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: SiteTemplateData & { session: ScheduledSession }): string {
    return sessionsCalendar([data.session], { site: data.site, name: `${data.session.course.title}, ${data.session.dateRange}`, stamp: data.build.now });
  }
}
