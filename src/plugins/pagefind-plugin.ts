import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { refuseLeftOutInWebBuild } from "../eleventy/development-only.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { pageTableOf, type PageTable } from "../pages/page-table.ts";
import { searchedFiles } from "../search/search-bundles.ts";
import { writeSearchIndex } from "../search/search-index.ts";

/** Options of the Pagefind plugin. */
export interface PagefindOptions {
  /** The build's model, whose page table says which pages are searched. */
  model: SiteModelSource;
  /** The index's folder below the output, which is also its URL. */
  bundleFolder: string;
  /** In `npm start`, the index is written on the first build only (HSG_DEV_FULL=1 asks for it on every save). */
  dev: DevRebuilds;
  /**
   * false leaves the index out of a development build: for a test's reference build, whose comparison skips
   * the search files, so Pagefind's indexing is not paid for output nothing reads. A build for the web (`npm run
   * build`, Netlify's production and previews) refuses it: the deploy would have no search. Default true.
   */
  writeIndex?: boolean;
  /**
   * true: the index is written by src/build/build-output.ts once Eleventy has returned (see BuildOptions), which
   * hears the searched pages from the event "hsg.searchedFiles" (the page table is the build's, and gone by then).
   */
  indexAfterEleventy?: boolean;
}

/**
 * The attribute that puts a page's body in the search index, or nothing: the page table's `inSearch` flag is the
 * one place that says which pages are searched, and templates print its answer
 * (`<article{% searchMark pageTable, page.url %}>`). A page the table does not list stops the build.
 */
export function searchMark(table: Pick<PageTable, "at">, url: string): string {
  const entry = table.at(url);
  if (!entry) throw new Error(`searchMark: ${url} is not a page of the page table`);
  return entry.inSearch ? " data-pagefind-body" : "";
}

/**
 * Indexes the written site (src/search/search-index.ts) after the pages, unless the caller does it once Eleventy
 * has returned: `npm run build` and the test builds do, so that Pagefind's process does not run beside every
 * page's HTML that Eleventy keeps until then.
 */
export function pagefindPlugin(config: EleventyConfig, options: PagefindOptions): void {
  config.addShortcode("searchMark", searchMark);
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.writeIndex === false) {
      refuseLeftOutInWebBuild(runMode, "pagefindPlugin", "writeIndex", "the search index");
      return;
    }
    const files = async () => searchedFiles(pageTableOf(await options.model.get()));
    // To the caller's listener on the same config (src/build/build-output.ts): it may load this code as another module.
    // Once: a later run of a build in batches has the first run's page table.
    if (options.indexAfterEleventy) {
      if (!options.dev.laterRun()) await config.emit("hsg.searchedFiles", await files());
    }
    else if (!options.dev.maySkip(runMode)) await writeSearchIndex(directories.output, options.bundleFolder, await files());
  });
}
