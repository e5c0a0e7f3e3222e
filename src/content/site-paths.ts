import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../collections/site-model.ts";
import { FEED_PATHS } from "../feeds/article-feeds.ts";
import { normaliseSitePath } from "./site-path.ts";
import { BRAND_PATHS, SITE_PATHS } from "../urls/site-urls.ts";

/** Where the page templates live, relative to the project root. */
export const PAGE_TEMPLATES_FOLDER = "content/pages";

/** Files every build writes besides the pages (feeds, calendars, crawler files, brand files, stylesheet). */
const FIXED_FILES = [...Object.values(FEED_PATHS), ...Object.values(BRAND_PATHS), SITE_PATHS.sitemap, SITE_PATHS.robots, SITE_PATHS.scheduleCalendar, SITE_PATHS.stylesheet, SITE_PATHS.search];

/**
 * The literal permalinks of the page templates (`permalink: /about/`), read from their front matter; templates
 * whose permalink is computed (`{{ course.url }}`) are covered by the model. Read without Eleventy, so
 * `npm run check` knows them without building.
 */
export function staticPagePaths(root: string, folder = PAGE_TEMPLATES_FOLDER): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.(njk|11ty\.ts)$/.test(entry.name)) {
        const match = readFileSync(path.join(root, child), "utf8").match(/^\s*permalink:\s*["']?(\/[^"'{}\s]*)["']?,?\s*$/m);
        if (match) found.push(match[1]!);
      }
    }
  };
  // A project without page templates (a test fixture of content only) has no fixed pages to link to.
  if (existsSync(path.join(root, folder))) walk(folder);
  return found;
}

/**
 * Every path the build writes, from the model rather than from the output: the one list the link check (in
 * `npm run check` and in the build) compares links against. Pages end in "/", files keep their extension.
 */
export function writtenPaths(model: SiteModel, staticPages: readonly string[]): Set<string> {
  const { articles, catalog, schedule, services } = model;
  return new Set(
    [
      ...FIXED_FILES,
      ...staticPages,
      ...articles.list.flatMap((article) => [article.url, article.socialImage]),
      ...articles.pages.map((page) => page.url),
      ...articles.tagPages.map((page) => page.url),
      ...articles.authors.map((author) => author.url),
      ...catalog.courses.flatMap((course) => [course.url, course.calendarUrl, course.privateEnquiryUrl.replace(/#.*$/, ""), course.socialImage]),
      ...catalog.groups.map((group) => group.url),
      ...schedule.upcoming.flatMap((session) => [session.url, session.calendarUrl]),
      ...services.map((service) => service.url),
    ].map(normaliseSitePath),
  );
}
