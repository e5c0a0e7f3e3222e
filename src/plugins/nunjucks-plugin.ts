import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Nunjucks settings: autoescape stays on, and a misspelt variable fails the build instead of rendering empty. */
export function nunjucksPlugin(config: EleventyConfig): void {
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
}
