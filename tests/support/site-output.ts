import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { inject } from "vitest";
import { ADMIN_FOLDER, writtenFileOf } from "../../src/urls/site-urls.ts";
import type { BuildName } from "./build-site.ts";
import type { ContentSource } from "./project-copy.ts";
import { awaitOutcome, cacheItem } from "./setup-status.ts";

/** The output folder of one of the builds made by the global setup, once that build is done (it may still be running). */
export function buildDir(name: BuildName): string {
  return awaitOutcome<string>(inject("setupStatus"), name);
}

/** A project copy of the global setup, once the builds that fill its `.cache/` are done (read it, never write it). */
export function setupProject(source: ContentSource): string {
  return awaitOutcome<string>(inject("setupStatus"), cacheItem(source));
}

/** The file a site URL is served from: `/a/` is `/a/index.html`. */
export function fileForUrl(dir: string, url: string): string {
  const pathname = decodeURI(url.split(/[?#]/)[0]!);
  return path.join(dir, writtenFileOf(pathname));
}

/** Whether a site URL exists in a build. */
export function urlExists(dir: string, url: string): boolean {
  const file = fileForUrl(dir, url);
  return existsSync(file) || existsSync(`${file}/index.html`);
}

/** How many parsed pages a worker keeps (about 0.3 MB each): more than the pages of two builds of the fixture. */
const PARSED_PAGES_KEPT = 600;
/** Pages parsed by `page`, by file, least recently used first, each with the size and time of the file it was parsed from. */
const parsedPages = new Map<string, { stamp: string; $: cheerio.CheerioAPI }>();

/**
 * A built page, parsed. Throws if the page was not written. The global setup's builds are read by many files of a
 * worker, page by page (a run asked for 782 pages 3,706 times): a page parsed before is given again while its file
 * has the same size and modification time, so a test that rebuilds a copy reads its new pages. Tests only read the
 * documents they are given.
 */
export function page(dir: string, url: string): cheerio.CheerioAPI {
  const file = fileForUrl(dir, url);
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  const kept = parsedPages.get(file);
  parsedPages.delete(file);
  const $ = kept?.stamp === stamp ? kept.$ : cheerio.load(readFileSync(file, "utf8"));
  parsedPages.set(file, { stamp, $ });
  if (parsedPages.size > PARSED_PAGES_KEPT) parsedPages.delete(parsedPages.keys().next().value!);
  return $;
}

/** The site stylesheet's URL in a build, as its home page links it. */
export function stylesheetUrl(dir: string): string {
  return page(dir, "/")('link[rel="stylesheet"]').attr("href")!;
}

/** The URLs the stylesheet's `@font-face` rules load the site's fonts from, in its order. */
export function stylesheetFontUrls(dir: string): string[] {
  const css = readFileSync(fileForUrl(dir, stylesheetUrl(dir)), "utf8");
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1]!);
  return faces.flatMap((face) => [...face.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1]!));
}

/** Every file below `dir`, as site paths ("/articles/index.html"). */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

/** Every HTML page of the site below `dir`, as site paths; the content editor's shell (tests/cms) is not a site page. */
export async function allPages(dir: string): Promise<string[]> {
  const pages = (await allFiles(dir)).filter((file) => file.endsWith(".html") && !file.startsWith(`/${ADMIN_FOLDER}/`));
  // A check over no pages would pass vacuously: an empty build is a failure in itself.
  if (pages.length < 10) throw new Error(`Only ${pages.length} pages in ${dir}: the build did not run`);
  return pages;
}

/** Site URLs of pages (`/articles/index.html` becomes `/articles/`). */
export function urlOfFile(file: string): string {
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}
