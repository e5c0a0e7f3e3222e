import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { checkRenderedFragments, settleRenderedFragments } from "../checks/check-rendered-fragments.ts";
import type { RenderedFragmentLink } from "../checks/check-links.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { BATCH_PAGES, type BatchPlan } from "../eleventy/page-batches.ts";
import { silenceErrorReports } from "../eleventy/silent-errors.ts";
import { writeHeadersFile } from "../netlify/headers-output.ts";
import { writeSearchIndex } from "../search/search-index.ts";
import { SEARCH_BUNDLE_FOLDER } from "../urls/site-urls.ts";
import { configureProjectWith } from "./project-config.ts";

/** How buildOutput runs Eleventy. */
export interface BuildOutputOptions {
  /** "watch": a development build (drafts shown) without a watcher. Default "build". */
  runMode?: "build" | "watch";
  /** Whether Eleventy may print an error itself before it rejects (`npm run build` reports it once instead). */
  eleventyReportsErrors?: boolean;
  /** At most this many paginated pages per Eleventy run (default BATCH_PAGES): a test builds a small site in batches with it. */
  pagesPerBatch?: number;
}

/** What a build did: how many files the templates wrote in each Eleventy run (one run unless the site is built in batches). */
export interface BuildReport {
  written: number[];
}

/**
 * Builds the project in the working directory into `output`: Eleventy writes the pages and every file made from
 * them, in runs of at most `pagesPerBatch` of the paginated pages (src/eleventy/page-batches.ts), each let go before
 * the next, and once the last has returned and its pages can be collected, the Markdown links to #fragments of
 * written pages are checked in them (a page may be written by any run), Pagefind indexes the site and `_headers` is
 * written last (it covers every file, the index's too). Eleventy keeps every page's HTML until it returns (in its
 * results and its templates' content): indexed from its `eleventy.after`, Pagefind's process (about 0.2 MB a
 * searched page) ran beside all of it, and the two peaks added up (docs/PERFORMANCE.md). Eleventy is given the
 * project's configuration as a function (configureProjectWith), with `afterEleventy`, so that its plugins leave the
 * check of links to #fragments of written pages, the search index and `_headers` to this module, and with the run's
 * batch; it reads no config file.
 */
export async function buildOutput(output: string, options: BuildOutputOptions = {}): Promise<BuildReport> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  const pagesPerBatch = options.pagesPerBatch ?? BATCH_PAGES;
  let searched: string[] | undefined;
  let fragmentLinks: RenderedFragmentLink[] | undefined;
  // The first run tells how many runs the paginated pages take (src/eleventy/page-batches.ts; a site of up to about
  // 2,000 articles takes one), and hands over its model for the others.
  let plan: BatchPlan | undefined;
  const written: number[] = [];
  // Social cards drawn while a run renders (src/plugins/social-images-plugin.ts): a run that fails meanwhile leaves them
  // drawing into the output, and the build ends only once they have, whether it succeeded or not.
  const drawings: Promise<unknown>[] = [];
  try {
    for (let index = 0; index < (plan?.runs ?? 1); index++) {
      await (async () => {
        // In a scope of its own, so that nothing holds the instance (and its pages) once it has written them.
        const eleventy = new Eleventy(undefined, output, {
          quietMode: true,
          configPath: false,
          runMode: options.runMode ?? "build",
          config: async (config: EleventyConfig) => {
            // The pagefind plugin names the searched pages from the page table, which Eleventy lets go of with the pages.
            config.on("hsg.searchedFiles", (files) => (searched = [...files]));
            config.on("hsg.fragmentLinks", (links) => (fragmentLinks = [...links]));
            config.on("hsg.buildBatches", (told) => (plan = told));
            config.on("hsg.cardsDrawing", (drawing) => drawings.push(drawing));
            await configureProjectWith(config, { afterEleventy: true, batch: { index, pagesPerBatch, ...(plan ? { model: plan.model } : {}) } });
          },
        });
        if (options.eleventyReportsErrors === false) silenceErrorReports(eleventy);
        const [, files] = await eleventy.write();
        written.push(files.length);
      })();
      collectGarbage();
    }
  } finally {
    await Promise.allSettled(drawings);
  }
  if (!searched) throw new Error("the build named no searched pages: the pagefind plugin must be registered with indexAfterEleventy");
  if (!fragmentLinks) throw new Error("the build named no links to check in its written pages: the rendered fragments plugin must be registered with checkAfterEleventy");
  // Before the index and `_headers`: a link to a #fragment no written page has stops the build at the link's line,
  // unless time may have taken that section from its page (a warning then).
  settleRenderedFragments(await checkRenderedFragments(output, fragmentLinks));
  await writeSearchIndex(output, SEARCH_BUNDLE_FOLDER, searched);
  await writeHeadersFile(output, process.env.CONTEXT);
  return { written };
}

/**
 * A full garbage collection now, so that the pages Eleventy let go of are returned before Pagefind starts: V8
 * would otherwise keep its heap at its peak while the build allocates little. Node offers `gc` only behind
 * --expose-gc, which the commands cannot pass to every process that builds; the flag is set at run time instead.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
