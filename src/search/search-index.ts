import { copyFile, link, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { searchBundleFolder, splitIntoBundles } from "./search-bundles.ts";
import { outputFileOf, outputFileUrl, SITE_PATHS } from "../urls/site-urls.ts";

/** How the search index is written. */
export interface SearchIndexOptions {
  /** At most this many pages per bundle (default SEARCH_BUNDLE_PAGES); a test makes several bundles of a small site with it. */
  pagesPerBundle?: number;
}

/**
 * Indexes the searched pages of a written site with Pagefind's Node API into `<output>/<bundleFolder>`, in bundles
 * of at most `pagesPerBundle` pages (src/search/search-bundles.ts), and lists the bundles after the first in
 * SITE_PATHS.searchBundleList, which the search page merges (src/browser/search.js). `files` are the searched
 * pages, relative to the output (searchedFiles: the page table says which pages are searched, and templates mark
 * the same pages `data-pagefind-body`).
 *
 * Each bundle is crawled by Pagefind's own `addDirectory` over a folder of links to its pages only, by a Pagefind
 * process of its own, closed before the next starts: the process holds its whole index until it writes it, so
 * one index of every page grew with the site. Pagefind crawls and parses the files on its threads; handing it the
 * pages one by one (`addHTMLFile`, tried for part 15) was about 2.5 s slower at 1,000 articles, each page being a
 * message its process handles in turn (docs/PERFORMANCE.md). The unsearched pages are not read at all.
 */
export async function writeSearchIndex(output: string, bundleFolder: string, files: readonly string[], options: SearchIndexOptions = {}): Promise<void> {
  const site = path.resolve(output);
  const bundles = splitIntoBundles(files, options.pagesPerBundle);
  for (const [index, bundle] of bundles.entries()) await writeBundle(site, bundle, path.join(site, searchBundleFolder(bundleFolder, index)));
  const more = bundles.slice(1).map((_, index) => outputFileUrl(`${searchBundleFolder(bundleFolder, index + 1)}/`));
  await writeFile(path.join(site, outputFileOf(SITE_PATHS.searchBundleList)), `${JSON.stringify(more)}\n`);
}

/** One bundle: its pages linked into a folder of their own (copied where links cannot be made), crawled and written. */
async function writeBundle(site: string, files: readonly string[], bundle: string): Promise<void> {
  const stage = await mkdtemp(path.join(os.tmpdir(), "hsg-search-"));
  try {
    // Made in the order of their paths, one after another: Pagefind numbers the pages in the order its crawl lists
    // them, which on some file systems is the order they were made in, so the index's bytes depend on this order.
    const sorted = [...files].sort();
    for (const folder of new Set(sorted.map((file) => path.dirname(path.join(stage, file))))) await mkdir(folder, { recursive: true });
    for (const file of sorted) await linkOrCopy(path.join(site, file), path.join(stage, file));
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    if (added.page_count !== files.length) throw new Error(`Pagefind indexed ${added.page_count} of the ${files.length} searched pages of ${path.relative(site, bundle)}: each must be marked data-pagefind-body`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    // The process and its index go before the next bundle's start.
    await pagefind.close();
    await rm(stage, { recursive: true, force: true });
  }
}

/** A hard link to `source` at `target`, or a copy where the two are on different disks. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV" && (error as NodeJS.ErrnoException).code !== "EPERM") throw error;
    await copyFile(source, target);
  }
}
