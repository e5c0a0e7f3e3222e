import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as sass from "sass";
import { fingerprintedPath, type AssetManifest } from "../assets/fingerprint.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the Sass plugin. */
export interface SassOptions {
  /** The Sass entry file, relative to the project root. */
  entry: string;
  /** The stylesheet's plain URL, e.g. "/assets/site.css"; it is written under a name carrying its content hash. */
  url: string;
  /** Where the hashed URL is recorded for templates. */
  assets: AssetManifest;
}

/**
 * Compiles the one site stylesheet with Dart Sass before each build, compressed, into the output folder under a
 * name with its content hash, so it can be cached for a year: changed CSS always gets a new name.
 */
export function sassPlugin(config: EleventyConfig, options: SassOptions): void {
  config.addWatchTarget(path.dirname(options.entry));
  config.on("eleventy.before", async ({ directories }) => {
    const { css } = await sass.compileAsync(options.entry, { style: "compressed" });
    const url = fingerprintedPath(options.url, css);
    const target = path.join(directories.output, url);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, css);
    options.assets.set(options.url, url);
  });
}
