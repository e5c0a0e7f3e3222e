import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { html, jsonForScript, SafeHtml } from "../html/escape-html.ts";
import { courseJsonLd, courseListJsonLd } from "../structured-data/course.ts";
import { sessionEventJsonLd } from "../structured-data/event.ts";

/** The JSON-LD builders as filters, and a `jsonLd` shortcode that writes the script element safely. */
export function structuredDataPlugin(config: EleventyConfig): void {
  config.addFilter("courseJsonLd", courseJsonLd);
  config.addFilter("courseListJsonLd", courseListJsonLd);
  config.addFilter("sessionEventJsonLd", sessionEventJsonLd);
  config.addShortcode("jsonLd", (data: object | undefined) =>
    data ? html`<script type="application/ld+json">${new SafeHtml(jsonForScript(data))}</script>`.value : "",
  );
}
