import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { isoDate, isoDateTime, longDate } from "../filters/date-filters.ts";
import { documentTitle, nonBreaking, telHref } from "../filters/text-filters.ts";
import { formatPrice } from "../filters/money.ts";
import { templateName } from "../filters/template-name.ts";
import { modeLabel } from "../collections/schedule.ts";

/** Registers the template filters, one line each; the logic lives in src/filters (and the schedule's mode labels). */
export function filtersPlugin(config: EleventyConfig): void {
  config.addFilter("longDate", longDate);
  config.addFilter("isoDate", isoDate);
  config.addFilter("isoDateTime", isoDateTime);
  config.addFilter("documentTitle", documentTitle);
  config.addFilter("nonBreaking", nonBreaking);
  config.addFilter("telHref", telHref);
  config.addFilter("price", formatPrice);
  config.addFilter("modeLabel", modeLabel);
  config.addFilter("templateName", templateName);
}
