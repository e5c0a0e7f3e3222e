import { foreignFiles } from "../content/foreign-files.ts";
import { ContentError } from "../content/problems.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/**
 * Stops the build before Eleventy reads any file when a content folder holds one Eleventy would run: a
 * `.js` data file in `_data/`, or a template outside `content/pages/`. `eleventy.before` runs before Eleventy
 * reads templates or data, so the refusal comes first; the problems print like any other bad content.
 */
export function contentFoldersPlugin(config: EleventyConfig, options: { root: string }): void {
  config.on("eleventy.before", async () => {
    const problems = await foreignFiles(options.root);
    if (problems.length > 0) throw new ContentError(problems);
  });
}
