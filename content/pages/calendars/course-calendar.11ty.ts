import type { CatalogCourse } from "../../../src/collections/views.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";
import type { PageTable } from "../../../src/pages/page-table.ts";

/** /courses/<id>.ics: a course's upcoming sessions, to subscribe to. */
export default class CourseCalendar {
  data() {
    return {
      pagination: { data: "pages.calendars/course-calendar", size: 1, alias: "course" },
      permalink: (data: { pageTable: PageTable; course: CatalogCourse }) => data.pageTable.url("calendars/course-calendar", data.course),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: SiteTemplateData & { course: CatalogCourse }): string {
    return sessionsCalendar(data.course.sessions, { site: data.site, name: `${data.course.title}: ${data.site.shortName} classes`, stamp: data.build.now });
  }
}
