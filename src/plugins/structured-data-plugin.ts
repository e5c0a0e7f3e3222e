import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { html, jsonForScript, SafeHtml } from "../html/escape-html.ts";
import { courseJsonLd, courseListJsonLd } from "../structured-data/course.ts";
import { sessionEventJsonLd } from "../structured-data/event.ts";
import { articleJsonLd, breadcrumbJsonLd, homeJsonLd } from "../structured-data/site.ts";

/** The JSON-LD builders as filters, and a `jsonLd` shortcode that writes the script element safely. */
export function structuredDataPlugin(config: EleventyConfig): void {
  config.addFilter("courseJsonLd", courseJsonLd);
  config.addFilter("courseListJsonLd", courseListJsonLd);
  config.addFilter("sessionEventJsonLd", sessionEventJsonLd);
  config.addFilter("homeJsonLd", homeJsonLd);
  config.addFilter("articleJsonLd", articleJsonLd);
  config.addFilter("breadcrumbJsonLd", breadcrumbJsonLd);
  config.addShortcode("jsonLd", (data: object | undefined) =>
    data ? html`<script type="application/ld+json">${new SafeHtml(jsonForScript(data))}</script>`.value : "",
  );
}
