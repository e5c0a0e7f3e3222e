import { opendir } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { pageTableOf, type PageTable } from "../pages/page-table.ts";

/** Options of the Pagefind plugin. */
export interface PagefindOptions {
  /** The index's folder below the output, which is also its URL. */
  bundleFolder: string;
  /** In `npm start`, the index is written on the first build only (HSG_DEV_FULL=1 asks for it on every save). */
  dev: DevRebuilds;
  /** The build's model, whose page table says which pages are searched. */
  model: SiteModelSource;
}

/**
 * Whether a written page goes to Pagefind: the page table's `inSearch` flag, which names the templates that mark
 * their body `data-pagefind-body` (tests/pages/page-table.test.ts holds the two together). Pagefind indexes only
 * such pages once any page has the attribute, so leaving the rest out gives the same index and spares Pagefind
 * parsing thousands of list pages.
 */
export function goesToSearch(table: PageTable, url: string | false): boolean {
  return url !== false && table.at(url)?.inSearch === true;
}

/**
 * Indexes the site with Pagefind's Node API from the pages Eleventy renders: a transform (which returns each page
 * unchanged) keeps the HTML of the pages marked for search, and after the build they go to Pagefind in its own
 * crawl order (addPages), so no written file is read back and Pagefind never parses the thousands of pages it
 * would leave out. Filters come from `data-pagefind-filter` attributes, as before. Handing pages over as they
 * are rendered would let Pagefind work on the other core meanwhile, but it numbers pages in arrival order, so
 * the index files would differ from build to build with the render order.
 */
export function pagefindPlugin(config: EleventyConfig, options: PagefindOptions): void {
  let build: { index: pagefind.PagefindIndex; output: string; pages: Map<string, string>; fromRender: boolean; table?: Promise<PageTable> } | undefined;
  let builds = 0;

  config.on("eleventy.before", async ({ directories, runMode }) => {
    // A build of `npm start` that failed never reached eleventy.after: its index is dropped here.
    if (build) await pagefind.close();
    build = undefined;
    builds++;
    if (options.dev.maySkip(runMode)) return;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // A production build and the first build of `npm start` render every page; a later build of `npm start` renders
    // only the pages a save changed (src/eleventy/rendered-pages.ts), so its index is made from the written site.
    build = { index, output: path.resolve(directories.output), pages: new Map(), fromRender: runMode === "build" || builds === 1 };
  });

  config.addTransform("pagefind", async function (content) {
    const { outputPath } = this;
    if (!build?.fromRender || !outputPath) return content;
    // The model is loaded by the time pages render; its table is built once and shared (pageTableOf).
    const table = await (build.table ??= options.model.get().then(pageTableOf));
    if (goesToSearch(table, this.page.url)) {
      // The path below the output is what Pagefind's own crawl would have seen, so the URLs are the same.
      const sourcePath = path.relative(build.output, path.resolve(outputPath)).split(path.sep).join("/");
      build.pages.set(sourcePath, content);
    }
    return content;
  });

  config.on("eleventy.after", async () => {
    const current = build;
    build = undefined;
    if (!current) return;
    try {
      const errors = current.fromRender ? await addPages(current.index, current.output, current.pages) : (await current.index.addDirectory({ path: current.output })).errors;
      if (errors.length > 0) throw new Error(`Pagefind could not index the site: ${errors.join("; ")}`);
      const written = await current.index.writeFiles({ outputPath: path.join(current.output, options.bundleFolder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  });
}

/**
 * Hands the pages to Pagefind in the order its own crawl of the output folder would have met them: Pagefind numbers
 * pages in the order they arrive, and the numbers shape its index files, so this order keeps the index byte for
 * byte what `addDirectory` made. Its crawl walks folders depth first in the order the file system lists them
 * (not sorted); fs.opendir lists in that same order. Only names are listed: no page is read back.
 */
async function addPages(index: pagefind.PagefindIndex, output: string, pages: Map<string, string>): Promise<string[]> {
  const order: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for await (const entry of await opendir(folder)) {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${relative}/`);
      else if (pages.has(relative)) order.push(relative);
    }
  };
  await walk(output, "");
  const listed = new Set(order);
  // A page the walk did not meet (none is expected: every page is written before this runs) still goes in, last.
  order.push(...[...pages.keys()].filter((page) => !listed.has(page)).sort());
  const added = await Promise.all(order.map((sourcePath) => index.addHTMLFile({ sourcePath, content: pages.get(sourcePath)! })));
  return added.flatMap((result) => result.errors);
}
