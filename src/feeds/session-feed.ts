import type { DateTime } from "luxon";
import type { ScheduledSession } from "../collections/views.ts";
import { escapeHtml } from "../html/escape-html.ts";
import type { Site } from "../schemas/site.ts";
import { SITE_PATHS } from "../urls/site-urls.ts";

/** Where the "newly added classes" Atom feed is written. */
export const NEW_CLASSES_FEED_PATH = SITE_PATHS.newClassesFeed;

/** Entries in the feed: a reader polls it every hour, so it stays small however long the schedule grows. */
export const NEW_CLASSES_FEED_SIZE = 20;

const rfc3339 = (value: DateTime) => value.toUTC().toISO({ suppressMilliseconds: true })!;

/** The public classes that carry an `added` date and are still ahead, newest first, at most NEW_CLASSES_FEED_SIZE. */
export function newlyAddedClasses(upcoming: readonly ScheduledSession[]): ScheduledSession[] {
  return upcoming
    .filter((session) => session.added && session.isBookable)
    .sort((a, b) => b.added!.toMillis() - a.added!.toMillis() || a.start.toMillis() - b.start.toMillis())
    .slice(0, NEW_CLASSES_FEED_SIZE);
}

/** An Atom 1.0 feed of newly added classes; every value goes through the escaping helper. */
export function newClassesFeed(site: Site, upcoming: readonly ScheduledSession[], now: DateTime): string {
  const sessions = newlyAddedClasses(upcoming);
  const updated = sessions[0]?.added ?? now;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">`,
    `  <title>${escapeHtml(`${site.name}: newly added classes`)}</title>`,
    `  <subtitle>${escapeHtml("Public classes as they are added to the schedule, in Denver and live online.")}</subtitle>`,
    `  <id>${escapeHtml(site.url + NEW_CLASSES_FEED_PATH)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(site.url + NEW_CLASSES_FEED_PATH)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(`${site.url}/schedule/`)}"/>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <author><name>${escapeHtml(site.name)}</name><email>${escapeHtml(site.email)}</email></author>`,
    ...sessions.flatMap((session) => {
      const url = site.url + session.url;
      const where = session.location ? `${session.location.name}, ${session.location.city}` : session.modeLabel;
      const summary = `${session.dateRange}, ${session.timeRange}. ${where}. ${session.priceLabel}${session.priceNote ? ` (${session.priceNote})` : ""}. Instructor: ${session.instructor.name}.`;
      return [
        `  <entry>`,
        `    <title>${escapeHtml(`${session.course.title}, ${session.dateRange}`)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
        // The session id never changes, so its page's URL identifies the entry for good.
        `    <id>${escapeHtml(url)}</id>`,
        `    <published>${rfc3339(session.added!)}</published>`,
        `    <updated>${rfc3339(session.added!)}</updated>`,
        `    <category term="${escapeHtml(session.course.category)}" label="${escapeHtml(session.course.categoryName)}"/>`,
        `    <summary>${escapeHtml(summary)}</summary>`,
        `  </entry>`,
      ];
    }),
    `</feed>`,
  ];
  return `${lines.join("\n")}\n`;
}
