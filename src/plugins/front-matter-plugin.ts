import { frontMatterEngines } from "../content/front-matter.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/**
 * Makes Eleventy's own front-matter parsing (of the page templates in content/pages/) refuse every language but
 * YAML. Eleventy 3 evaluates `---js` front matter as JavaScript by default; its option merges engines, so the
 * ones named here replace its JavaScript, JSON and legacy engines and its YAML parser stays.
 */
export function frontMatterPlugin(config: EleventyConfig): void {
  config.setFrontMatterParsingOptions({ engines: frontMatterEngines() });
}
