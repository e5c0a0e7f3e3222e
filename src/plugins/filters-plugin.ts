import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { isoDate, isoDateTime, longDate } from "../filters/date-filters.ts";
import { documentTitle, nonBreaking, telHref } from "../filters/text-filters.ts";
import { templateName } from "../filters/template-name.ts";
import { ContentLinks } from "../filters/content-urls.ts";

/** Registers the template filters, one line each; the logic lives in src/filters. */
export function filtersPlugin(config: EleventyConfig): void {
  config.addFilter("longDate", longDate);
  config.addFilter("isoDate", isoDate);
  config.addFilter("isoDateTime", isoDateTime);
  config.addFilter("documentTitle", documentTitle);
  config.addFilter("nonBreaking", nonBreaking);
  config.addFilter("telHref", telHref);
  config.addFilter("templateName", templateName);
  // Links to content by id (`"team-mentoring" | serviceUrl`), checked: an unknown id stops the build once the pages are written.
  const links = new ContentLinks();
  config.on("eleventy.before", () => links.reset());
  for (const [name, filter] of Object.entries(links.filters)) config.addFilter(name, filter);
  config.on("eleventy.after", () => links.report());
}
