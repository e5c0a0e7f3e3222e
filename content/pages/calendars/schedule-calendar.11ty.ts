import type { SiteTemplateData } from "../../../src/eleventy/template-data.ts";
import { sessionsCalendar } from "../../../src/feeds/calendar.ts";

/** /schedule.ics: every upcoming session, for subscribing to the whole schedule. */
export default class ScheduleCalendar {
  data() {
    return { permalink: "/schedule.ics", eleventyExcludeFromCollections: true };
  }

  render(data: SiteTemplateData): string {
    return sessionsCalendar(data.schedule.upcoming, { site: data.site, name: `${data.site.name} class schedule`, stamp: data.build.now });
  }
}
