import path from "node:path";
import * as pagefind from "pagefind";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { refuseLeftOutInWebBuild } from "../eleventy/development-only.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import type { PageTable } from "../pages/page-table.ts";

/** Options of the Pagefind plugin. */
export interface PagefindOptions {
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
 * Indexes the written site with Pagefind's Node API (`addDirectory`): Pagefind indexes only the pages marked
 * `data-pagefind-body` (see searchMark), with filters from `data-pagefind-filter`. Handing it the rendered pages
 * one by one (`addHTMLFile`, tried for part 15) made the warm build at 1,000 articles about 2.5 s slower and held
 * every searched page in memory: Pagefind's own crawl reads and parses the files on its threads, while each page
 * sent over its pipe is a message handled in turn (docs/PERFORMANCE.md).
 */
export function pagefindPlugin(config: EleventyConfig, options: PagefindOptions): void {
  config.addShortcode("searchMark", searchMark);
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.writeIndex === false) {
      refuseLeftOutInWebBuild(runMode, "pagefindPlugin", "writeIndex", "the search index");
      return;
    }
    if (options.dev.maySkip(runMode)) return;
    const output = path.resolve(directories.output);
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      const added = await index.addDirectory({ path: output });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
      const written = await index.writeFiles({ outputPath: path.join(output, options.bundleFolder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  });
}
