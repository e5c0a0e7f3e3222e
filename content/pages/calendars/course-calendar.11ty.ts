import type { CatalogCourse } from "../../../src/collections/views.ts";
import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";

/** /courses/<id>.ics: a course's upcoming sessions, to subscribe to. */
export default class CourseCalendar {
  data() {
    return {
      pagination: { data: "pages.courseCalendars", size: 1, alias: "course" },
      permalink: (data: { course: CatalogCourse }) => data.course.calendarUrl,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: SiteTemplateData & { course: CatalogCourse }): string {
    return sessionsCalendar(data.course.sessions, { site: data.site, name: `${data.course.title}: ${data.site.shortName} classes`, stamp: data.build.now });
  }
}
