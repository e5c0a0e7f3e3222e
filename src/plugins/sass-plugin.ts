import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fingerprintedPath, type AssetManifest } from "../assets/fingerprint.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { packageVersion, readSealedFile, sealed, writeWholeFile } from "../images/output-cache.ts";

/** Options of the Sass plugin. */
export interface SassOptions {
  /** The Sass entry file, relative to the project root; every file in its folder (and below) can change the CSS. */
  entry: string;
  /** The stylesheet's plain URL, e.g. "/assets/site.css"; it is written under a name carrying its content hash. */
  url: string;
  /** Where the hashed URL is recorded for templates. */
  assets: AssetManifest;
  /** Where compiled CSS is kept between builds, named by a hash of its inputs; `.cache/sass` unless given. */
  cacheFolder?: string;
}

/**
 * The key of a compile: the Sass version and the path and bytes of every file under the stylesheets' folder,
 * so any edit to any partial (even one the entry does not use yet) gives a new key, and nothing stale is served.
 */
export async function sassCacheKey(stylesFolder: string): Promise<string> {
  // A new compiler may print the same sources differently.
  const hash = createHash("sha256").update(`sass ${packageVersion("sass")}\0`);
  const files = (await readdir(stylesFolder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(stylesFolder, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join("/"))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(stylesFolder, file))).update("\0");
  return hash.digest("hex");
}

/**
 * The compressed CSS of `entry`: from the cache when no stylesheet changed since it was stored and the stored
 * file is intact (sealed with its hash and written aside, src/images/output-cache.ts), otherwise compiled by
 * Dart Sass (loaded only then: it takes a noticeable part of a second to load and compile) and stored.
 */
export async function compiledCss(entry: string, cacheFolder: string): Promise<string> {
  const cached = path.join(cacheFolder, `${await sassCacheKey(path.dirname(entry))}.css`);
  // Missing (not compiled yet with these sources), cut short or changed: compiled again.
  const stored = await readSealedFile(cached);
  if (stored) return stored.toString("utf8");
  const sass = await import("sass");
  const { css } = await sass.compileAsync(entry, { style: "compressed" });
  await writeWholeFile(cached, sealed(css));
  return css;
}

/**
 * The CSS with each `url()` of a site file that this build publishes under a hashed name (the fonts) pointed at
 * that name. The stylesheets name files by their plain URLs, which Sass cannot ask the build for.
 */
export function withAssetUrls(css: string, assets: AssetManifest): string {
  return css.replace(/url\((["']?)(\/[^"')]+)\1\)/g, (whole, quote: string, url: string) => (assets.has(url) ? `url(${quote}${assets.url(url)}${quote})` : whole));
}

/**
 * Compiles the one site stylesheet with Dart Sass before each build, compressed, into the output folder under a
 * name with its content hash, so it can be cached for a year: changed CSS always gets a new name. The CSS is
 * kept in the cache folder by a hash of the stylesheets, so a build with unchanged styles does not compile.
 */
export function sassPlugin(config: EleventyConfig, options: SassOptions): void {
  config.addWatchTarget(path.dirname(options.entry));
  config.on("eleventy.before", async ({ directories }) => {
    const css = withAssetUrls(await compiledCss(options.entry, options.cacheFolder ?? ".cache/sass"), options.assets);
    const url = fingerprintedPath(options.url, css);
    const target = path.join(directories.output, url);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, css);
    options.assets.set(options.url, url);
  });
}
