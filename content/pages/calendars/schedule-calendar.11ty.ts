import type { ScheduleCollections } from "../../../src/collections/views.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /schedule.ics: every upcoming session, for subscribing to the whole schedule. */
export default class ScheduleCalendar {
  data() {
    // Paginated over its page set (one item), so `npm start` writes it only when a class changed.
    return { pagination: { data: "pages.calendars/schedule-calendar", size: 1, alias: "calendar" }, permalink: (data: { pageTable: PageTable; calendar: ScheduleCollections }) => data.pageTable.url("calendars/schedule-calendar", data.calendar), eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData & { calendar: ScheduleCollections }): string {
    return sessionsCalendar(data.calendar.upcoming, { site: data.site, name: `${data.site.name} class schedule`, stamp: data.build.now });
  }
}
