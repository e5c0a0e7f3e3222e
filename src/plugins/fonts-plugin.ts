import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fingerprintedPath, type AssetManifest } from "../assets/fingerprint.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { fontUrl, outputFileOf } from "../urls/site-urls.ts";

/** Options of the fonts plugin. */
export interface FontsOptions {
  /** The font files to publish, relative to the project root (from their npm packages). */
  files: readonly string[];
  /** Where each font's hashed URL is recorded: for the stylesheet's `url()`s and the layout's preload. */
  assets: AssetManifest;
}

/**
 * Publishes the site's fonts under names carrying their content hash, so that they are cached for a year like the
 * stylesheet: under a plain name each page view had to ask again before drawing with the font, and a font that
 * comes after the first paint moves the text. The hashes are known when the config loads (four small files read
 * once), before the stylesheet is written with them (src/plugins/sass-plugin.ts). The files are copied by an
 * eleventy.before listener, which Eleventy awaits, not by its passthrough copy: that one runs beside the pages and
 * goes on writing after a build with a content error has returned, into the folder `npm run build` is removing.
 */
export function fontsPlugin(config: EleventyConfig, options: FontsOptions): void {
  const copies = options.files.map((file) => {
    const url = fontUrl(path.basename(file));
    const hashed = fingerprintedPath(url, readFileSync(file));
    options.assets.set(url, hashed);
    return { file, written: outputFileOf(hashed) };
  });
  config.on("eleventy.before", async ({ directories }) => {
    for (const { file, written } of copies) {
      const target = path.join(directories.output, written);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(file, target);
    }
  });
}
