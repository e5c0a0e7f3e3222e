import type { PageTable } from "../pages/page-table.ts";
import { writtenFileOf } from "../urls/site-urls.ts";

/**
 * At most this many searched pages go into one Pagefind bundle. Pagefind's process holds its whole index while it
 * builds it, about 0.18 MB a searched page (docs/PERFORMANCE.md): one index of a site's every page grows without
 * bound (1.1 GB at 4,000 articles, about 2.5 GB at 10,000). Each bundle is indexed by a fresh process, about 0.36 GB,
 * as many at once as the cores and the build's memory budget allow (src/search/search-index.ts), so the indexing's
 * memory does not grow with the site; the search page merges them. A site of up to about 1,500 articles has one
 * bundle, as before.
 */
export const SEARCH_BUNDLE_PAGES = 2_000;

/** The folder, below the output, of the bundle at `index`: the first is `bundleFolder` itself, the others inside it. */
export function searchBundleFolder(bundleFolder: string, index: number): string {
  return index === 0 ? bundleFolder : `${bundleFolder}/bundle-${index + 1}`;
}

/** The files of the pages the search indexes (the page table's `inSearch` pages), relative to the output, in table order. */
export function searchedFiles(table: Pick<PageTable, "entries">): string[] {
  return table.entries.filter((entry) => entry.inSearch).map((entry) => writtenFileOf(entry.url));
}

/** `files` in bundles of at most `pagesPerBundle`, in order; one (perhaps empty) bundle when they all fit. */
export function splitIntoBundles(files: readonly string[], pagesPerBundle: number = SEARCH_BUNDLE_PAGES): string[][] {
  if (!Number.isInteger(pagesPerBundle) || pagesPerBundle < 1) throw new Error(`pages per search bundle must be a whole number of at least 1, not ${pagesPerBundle}`);
  const bundles: string[][] = [];
  for (let start = 0; start < files.length; start += pagesPerBundle) bundles.push(files.slice(start, start + pagesPerBundle));
  return bundles.length > 0 ? bundles : [[]];
}
