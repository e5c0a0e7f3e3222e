import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { access, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as pagefind from "pagefind";
import pMap from "p-map";
import { searchBundleFolder, splitIntoBundles } from "./search-bundles.ts";
import { BUILD_MEMORY_MB } from "../build/memory-budget.ts";
import { outputFileUrl, SITE_PATHS } from "../urls/site-urls.ts";

/** How the search index is written. */
export interface SearchIndexOptions {
  /** At most this many pages per bundle (default SEARCH_BUNDLE_PAGES); a test makes several bundles of a small site with it. */
  pagesPerBundle?: number;
  /** Seconds a bundle's Pagefind process may take before it is stopped (default pagefindTimeLimitSeconds); a test gives a short one. */
  timeLimitSeconds?: number;
}

/**
 * Indexes the searched pages of a written site with Pagefind into `<output>/<bundleFolder>`, in bundles of at most
 * `pagesPerBundle` pages (src/search/search-bundles.ts), and lists the bundles after the first in
 * SITE_PATHS.searchBundleList, which the search page merges (src/browser/search.js). `files` are the searched
 * pages, relative to the output (searchedFiles: the page table says which pages are searched, and templates mark
 * the same pages `data-pagefind-body`).
 *
 * Each bundle is Pagefind's own crawl of the written site, limited to its pages by a glob, in a Pagefind process of
 * its own that holds the bundle's index until it writes it (about 0.18 MB a page), so its memory is bounded by the
 * bundle, not the site. Bundles are indexed side by side as far as the cores and the memory allow
 * (searchIndexProcesses): one process leaves a core idle for about half its time (it writes mostly on one thread),
 * and two at once took the 5,214 pages of 4,000 articles from about 10 to about 7 s (docs/PERFORMANCE.md). Each
 * runs Pagefind's binary as its command line does: its Node API has one process per program, which handles its
 * indexes in turn (three at once: 8.6 s); both write the same bytes. Handing Pagefind the pages one by one
 * (`addHTMLFile`, tried for part 15) was about 2.5 s slower at 1,000 articles.
 */
export async function writeSearchIndex(output: string, bundleFolder: string, files: readonly string[], options: SearchIndexOptions = {}): Promise<void> {
  const site = path.resolve(output);
  const bundles = splitIntoBundles(files, options.pagesPerBundle);
  // The folder is the index's alone: Pagefind adds to what it finds, so an earlier build's fragments of pages since
  // changed, and bundles the site no longer has, would stay (`npm start` writes into the same _site/ each session).
  await rm(path.join(site, bundleFolder), { recursive: true, force: true });
  const processes = searchIndexProcesses(Math.max(...bundles.map((bundle) => bundle.length)), process.memoryUsage.rss() / 2 ** 20, os.availableParallelism());
  // Every bundle is let finish before a failure stops the build, so that no Pagefind process still writes into the
  // output once the caller has moved on (and `npm start`'s next rebuild clears the folder).
  const binary = await pagefindBinary();
  const failures = await pMap(bundles.entries(), ([index, bundle]) => writeBundle(binary, site, bundle, path.join(site, searchBundleFolder(bundleFolder, index)), options.timeLimitSeconds ?? pagefindTimeLimitSeconds(bundle.length)).then(() => undefined, (error: unknown) => error), { concurrency: processes });
  const failure = failures.find((error) => error !== undefined);
  if (failure !== undefined) throw failure;
  const more = bundles.slice(1).map((_, index) => outputFileUrl(`${searchBundleFolder(bundleFolder, index + 1)}/`));
  // In the index's own folder, under the name the search page asks for (SITE_PATHS.searchBundleList).
  await writeFile(path.join(site, bundleFolder, path.posix.basename(SITE_PATHS.searchBundleList)), `${JSON.stringify(more)}\n`);
}

/** What a page's path may hold to be named in Pagefind's glob: no glob syntax. The page table's paths are made of slugs. */
const GLOB_SAFE_PATH = /^[A-Za-z0-9._/-]+$/;

/**
 * What a bundle's Pagefind process holds, in MB: its start, and then about 0.18 a page of the bundle until the index
 * is written. Measured at 2,000 pages: 312 to 357 MB (docs/PERFORMANCE.md).
 */
const PAGEFIND_PROCESS_MB = 10;
const PAGEFIND_MB_PER_PAGE = 0.18;

/**
 * How many bundles of at most `bundlePages` pages Pagefind indexes at once: one per core, as many as fit in
 * BUILD_MEMORY_MB beside the `ownMB` the build's own process holds, and at least one. At 4,000 articles a build
 * holds 0.56 to 0.64 GB when Pagefind starts and indexes two bundles of 2,000 pages at once (1.23 to 1.27 GB in
 * all); at 10,000 it holds 0.68 to 1.23 GB (more after a change of the code, which the content cache's results
 * must follow), and indexes two at once only while it holds at most 0.79 GB.
 */
export function searchIndexProcesses(bundlePages: number, ownMB: number, cores: number): number {
  const room = Math.floor((BUILD_MEMORY_MB - ownMB) / (PAGEFIND_PROCESS_MB + bundlePages * PAGEFIND_MB_PER_PAGE));
  return Math.max(1, Math.min(cores, room));
}

/**
 * How long a bundle's Pagefind process may run, in whole seconds: a minute, and 30 ms a page, about 17 times the
 * 1.75 ms a page measured for a bundle of 2,000 pages on the 2-core machine (two minutes for such a bundle).
 * Pagefind can hang instead of failing (it waited forever when it could not write into a `fragment/` folder it
 * found), and a build that hangs holds a Netlify build until Netlify's own limit, with no word of why. Whole
 * seconds: `60 + 0.03 * pages` made 64379.99999999999 ms of 146 pages, which Node refuses as a timeout, and the
 * build stopped for 303 of the 2,001 bundle sizes.
 */
export function pagefindTimeLimitSeconds(pages: number): number {
  return 60 + Math.ceil((pages * 3) / 100);
}

/**
 * The environment for Pagefind's command line: Pagefind takes `PAGEFIND_*` variables over its config file (a
 * `PAGEFIND_FORCE_LANGUAGE` or `PAGEFIND_OUTPUT_PATH` set in a shell would change or move the index without an
 * error), so only the ones that name its binary are passed, as its Node API heeds those alone.
 */
function pagefindEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PAGEFIND_") || name.endsWith("_BINARY_PATH")));
}

/**
 * Pagefind's binary for this platform, found by Pagefind's own lookup (`lib/resolveBinary.js`, which its command's
 * Node wrapper and its Node API both use; it also heeds PAGEFIND_BINARY_PATH and PAGEFIND_EXTENDED_BINARY_PATH).
 * Started directly, without that wrapper, which held 44 MB beside every Pagefind process. The package exports no
 * path but its module, so its folder is looked up where Node would look for the package.
 */
export async function pagefindBinary(): Promise<string> {
  const folders = createRequire(import.meta.url).resolve.paths("pagefind") ?? [];
  const lookup = folders.map((folder) => path.join(folder, "pagefind", "lib/resolveBinary.js")).find((file) => existsSync(file));
  if (!lookup) throw new Error(`Pagefind (pagefind/lib/resolveBinary.js) is in none of ${folders.join(", ")}: run npm ci`);
  const { resolveBinaryPath } = (await import(pathToFileURL(lookup).href)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

const run = promisify(execFile);

/**
 * One bundle: Pagefind's `binary` over the written site, limited by a glob that names the bundle's pages. Its crawl
 * still lists the whole site (cheap), but reads and parses only the bundle's pages. The options go in a
 * `pagefind.json` in a folder of its own, Pagefind's working directory: a glob of 2,000 paths can pass the 128 KB
 * that Linux allows one argument.
 */
async function writeBundle(binary: string, site: string, files: readonly string[], bundle: string, timeLimitSeconds: number): Promise<void> {
  const unsafe = files.find((file) => !GLOB_SAFE_PATH.test(file));
  if (unsafe !== undefined) throw new Error(`${unsafe}: a searched page's path may hold only letters, digits, ".", "_", "-" and "/" (Pagefind is given the pages as a glob)`);
  const missing = await pMap(files, (file) => access(path.join(site, file)).then(() => undefined, () => file), { concurrency: 64 });
  const unwritten = missing.filter((file) => file !== undefined);
  if (unwritten.length > 0) throw new Error(`${unwritten.length} of the ${files.length} searched pages of ${path.relative(site, bundle)} ${unwritten.length === 1 ? "was" : "were"} not written: ${unwritten.slice(0, 3).join(", ")}${unwritten.length > 3 ? ", …" : ""}`);
  if (files.length === 0) return writeEmptyIndex(bundle);
  const settings = await mkdtemp(path.join(os.tmpdir(), "hsg-pagefind-"));
  let warnings = "";
  try {
    // quiet: Pagefind's report of its work echoes the glob, every page's path; its warnings and errors still go to stderr.
    await writeFile(path.join(settings, "pagefind.json"), JSON.stringify({ site, glob: `{${files.join(",")}}`, output_path: bundle, force_language: "en", quiet: true }));
    const ran = await run(binary, [], { cwd: settings, env: pagefindEnvironment(), maxBuffer: 16 * 1024 * 1024, timeout: Math.ceil(timeLimitSeconds * 1000), killSignal: "SIGKILL" }).catch((error: { stderr?: string; message: string; killed?: boolean }) => {
      const said = error.stderr?.trim();
      if (error.killed) throw new Error(`Pagefind did not finish indexing the ${files.length} pages of ${path.relative(site, bundle)} within ${timeLimitSeconds} s and was stopped${said ? `; it said: ${said}` : ""}`);
      throw new Error(`Pagefind could not index ${path.relative(site, bundle)}: ${said || error.message}`);
    });
    warnings = ran.stderr.trim();
  } finally {
    await rm(settings, { recursive: true, force: true });
  }
  // One fragment per page it indexed: Pagefind drops a page without data-pagefind-body when others have it. (When
  // none of a bundle's pages has it, Pagefind indexes each whole body instead, which this cannot tell; that a
  // searched template marks its pages is held by tests/plugins/pagefind-plugin.test.ts, where Pagefind's own
  // crawl of every page of the fixture build must give the built index.)
  const indexed = (await readdir(path.join(bundle, "fragment"))).length;
  if (indexed !== files.length) throw new Error(`Pagefind indexed ${indexed} of the ${files.length} searched pages of ${path.relative(site, bundle)}: each must be readable and marked data-pagefind-body (the searchMark shortcode)${warnings ? `; Pagefind said: ${warnings}` : ""}`);
  if (warnings) console.warn(`Pagefind, indexing ${path.relative(site, bundle)}: ${warnings}`);
}

/**
 * The index of a site with nothing to search, so that the search page still loads one: Pagefind's command line
 * refuses to write an index of no pages, its Node API writes it.
 */
async function writeEmptyIndex(bundle: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}
