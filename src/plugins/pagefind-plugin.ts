import path from "node:path";
import * as pagefind from "pagefind";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the Pagefind plugin. */
export interface PagefindOptions {
  /** The index's folder below the output, which is also its URL. */
  bundleFolder: string;
  /** In `npm start`, the index is written on the first build only (HSG_DEV_FULL=1 asks for it on every save). */
  dev: DevRebuilds;
}

/**
 * Indexes the written site with Pagefind after each build. Only pages marked `data-pagefind-body` (articles,
 * courses, classes, services) are indexed; their filters come from `data-pagefind-filter` attributes.
 */
export function pagefindPlugin(config: EleventyConfig, options: PagefindOptions): void {
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.dev.maySkip(runMode)) return;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    try {
      const added = await index.addDirectory({ path: directories.output });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
      const written = await index.writeFiles({ outputPath: path.join(directories.output, options.bundleFolder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  });
}
