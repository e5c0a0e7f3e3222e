import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { searchBundleFolder, splitIntoBundles } from "./search-bundles.ts";
import { outputFileUrl, SITE_PATHS } from "../urls/site-urls.ts";

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
 * Each bundle is crawled by Pagefind's own `addDirectory`, limited to its pages by a glob, by a Pagefind process of
 * its own, closed before the next starts: the process holds its whole index until it writes it, so one index of
 * every page grew with the site. Pagefind crawls and parses the files on its threads; handing it the pages one by
 * one (`addHTMLFile`, tried for part 15) was about 2.5 s slower at 1,000 articles, each page being a message its
 * process handles in turn (docs/PERFORMANCE.md). The unsearched pages are not read at all.
 */
export async function writeSearchIndex(output: string, bundleFolder: string, files: readonly string[], options: SearchIndexOptions = {}): Promise<void> {
  const site = path.resolve(output);
  const bundles = splitIntoBundles(files, options.pagesPerBundle);
  // The folder is the index's alone: Pagefind adds to what it finds, so an earlier build's fragments of pages since
  // changed, and bundles the site no longer has, would stay (`npm start` writes into the same _site/ each session).
  await rm(path.join(site, bundleFolder), { recursive: true, force: true });
  for (const [index, bundle] of bundles.entries()) await writeBundle(site, bundle, path.join(site, searchBundleFolder(bundleFolder, index)));
  const more = bundles.slice(1).map((_, index) => outputFileUrl(`${searchBundleFolder(bundleFolder, index + 1)}/`));
  // In the index's own folder, under the name the search page asks for (SITE_PATHS.searchBundleList).
  await writeFile(path.join(site, bundleFolder, path.posix.basename(SITE_PATHS.searchBundleList)), `${JSON.stringify(more)}\n`);
}

/** What a page's path may hold to be named in Pagefind's glob: no glob syntax. The page table's paths are made of slugs. */
const GLOB_SAFE_PATH = /^[A-Za-z0-9._/-]+$/;

/**
 * One bundle: Pagefind's own crawl of the written site, limited by a glob that names the bundle's pages, by a
 * process of its own. Its crawl still lists the whole site (cheap), but reads and parses only the bundle's pages.
 */
async function writeBundle(site: string, files: readonly string[], bundle: string): Promise<void> {
  const unsafe = files.find((file) => !GLOB_SAFE_PATH.test(file));
  if (unsafe !== undefined) throw new Error(`${unsafe}: a searched page's path may hold only letters, digits, ".", "_", "-" and "/" (Pagefind is given the pages as a glob)`);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // A site with nothing to search gets an empty index: "{}" is no glob Pagefind accepts.
    const added = files.length > 0 ? await index.addDirectory({ path: site, glob: `{${files.join(",")}}` }) : { errors: [], page_count: 0 };
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    if (added.page_count !== files.length) throw new Error(`Pagefind found ${added.page_count} of the ${files.length} searched pages of ${path.relative(site, bundle)}: each must be written`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    // One fragment per page it indexed: Pagefind drops a page without data-pagefind-body when others have it. (When
    // none of a bundle's pages has it, Pagefind indexes each whole body instead, which this cannot tell; that a
    // searched template marks its pages is held by tests/plugins/pagefind-plugin.test.ts, where Pagefind's own
    // crawl of every page of the fixture build must give the built index.)
    const indexed = files.length > 0 ? (await readdir(path.join(bundle, "fragment"))).length : 0;
    if (indexed !== files.length) throw new Error(`Pagefind indexed ${indexed} of the ${files.length} searched pages of ${path.relative(site, bundle)}: each must be marked data-pagefind-body (the searchMark shortcode)`);
  } finally {
    // The process and its index go before the next bundle's starts.
    await pagefind.close();
  }
}
