import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as sass from "sass";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the Sass plugin. */
export interface SassOptions {
  /** The Sass entry file, relative to the project root. */
  entry: string;
  /** Where the CSS goes, relative to the output folder. */
  output: string;
}

/** Compiles the one site stylesheet with Dart Sass before each build, compressed, into the output folder. */
export function sassPlugin(config: EleventyConfig, options: SassOptions): void {
  config.addWatchTarget(path.dirname(options.entry));
  config.on("eleventy.before", async ({ directories }) => {
    const { css } = await sass.compileAsync(options.entry, { style: "compressed" });
    const target = path.join(directories.output, options.output);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, css);
  });
}
