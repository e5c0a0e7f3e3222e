import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { THEME_COLOUR, brandFiles } from "../brand/brand-assets.ts";
import { BRAND_PATHS } from "../urls/site-urls.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the brand assets plugin. */
export interface BrandAssetsOptions {
  model: SiteModelSource;
  /** A later run of a build in batches leaves the files its first run wrote. */
  dev: DevRebuilds;
}

/** Writes the logo, favicons and web app manifest after each build, and tells the templates where they are. */
export function brandAssetsPlugin(config: EleventyConfig, options: BrandAssetsOptions): void {
  config.addGlobalData("brand", { ...BRAND_PATHS, themeColour: THEME_COLOUR });
  config.on("eleventy.after", async ({ directories }) => {
    if (options.dev.laterRun()) return;
    const { site } = (await options.model.get()).content;
    const files = await brandFiles(site);
    await Promise.all(
      Object.entries(files).map(async ([sitePath, data]) => {
        const target = path.join(directories.output, sitePath);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, data);
      }),
    );
  });
}
