import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_MEMORY_MB } from "../../src/build/memory-budget.ts";
import { SEARCH_BUNDLE_PAGES } from "../../src/search/search-bundles.ts";
import { pagefindTimeLimitSeconds, searchIndexProcesses, writeSearchIndex } from "../../src/search/search-index.ts";
import { outputFileOf, SITE_PATHS } from "../../src/urls/site-urls.ts";
import { removeFolder } from "../support/project-copy.ts";

/** A written site of five searched pages and one that is not, each in its own folder as Eleventy writes pages. */
const SEARCHED = ["a", "b", "c", "d", "e"].map((name) => `articles/${name}/index.html`);
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-search-index-"));
});
afterAll(() => removeFolder(root));

async function writtenSite(): Promise<string> {
  const site = await mkdtemp(path.join(root, "site-"));
  for (const [index, file] of SEARCHED.entries()) {
    await mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await writeFile(path.join(site, file), `<!doctype html><html lang="en"><title>Page ${index}</title><body><article data-pagefind-body><h1>Page ${index}</h1><p>Word${index} and the shared word kubernetes.</p></article></body></html>`);
  }
  await mkdir(path.join(site, "tags/x"), { recursive: true });
  await writeFile(path.join(site, "tags/x/index.html"), `<!doctype html><html lang="en"><title>List</title><body><p>kubernetes, listed</p></body></html>`);
  return site;
}

/**
 * Runs `test` with Pagefind's binary replaced, through the variable Pagefind's own lookup heeds, by a shell script:
 * the real binary can be made neither to hang nor to take a known time.
 */
async function withPagefindStandIn(script: string, test: () => Promise<void>): Promise<void> {
  const binary = path.join(await mkdtemp(path.join(root, "bin-")), "pagefind");
  await writeFile(binary, `#!/bin/sh\n${script}\n`);
  await chmod(binary, 0o755);
  const before = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = binary;
  try {
    await test();
  } finally {
    if (before === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    else process.env.PAGEFIND_EXTENDED_BINARY_PATH = before;
  }
}

const fragments = (folder: string) => (existsSync(path.join(folder, "fragment")) ? readdirSync(path.join(folder, "fragment")).length : 0);
const bundleList = async (site: string) => JSON.parse(await readFile(path.join(site, outputFileOf(SITE_PATHS.searchBundleList)), "utf8")) as string[];

describe("the search index", () => {
  it("puts each searched page in one bundle of at most the given size and lists the bundles after the first", async () => {
    const site = await writtenSite();
    await writeSearchIndex(site, "pagefind", SEARCHED, { pagesPerBundle: 2 });
    expect(await bundleList(site)).toEqual(["/pagefind/bundle-2/", "/pagefind/bundle-3/"]);
    expect([fragments(path.join(site, "pagefind")), fragments(path.join(site, "pagefind/bundle-2")), fragments(path.join(site, "pagefind/bundle-3"))]).toEqual([2, 2, 1]);
  });

  it("writes one bundle, none left from an earlier index, and an empty list when the pages fit, and an empty index for a site with nothing to search", async () => {
    const site = await writtenSite();
    // Over an index of more bundles, as `npm start` writes into the _site/ of an earlier session: none of it stays.
    await writeSearchIndex(site, "pagefind", SEARCHED, { pagesPerBundle: 2 });
    await writeFile(path.join(site, SEARCHED[0]!), (await readFile(path.join(site, SEARCHED[0]!), "utf8")).replace("Word0", "Changed"));
    await writeSearchIndex(site, "pagefind", SEARCHED);
    expect(existsSync(path.join(site, "pagefind/bundle-2"))).toBe(false);
    expect(await bundleList(site)).toEqual([]);
    expect(fragments(path.join(site, "pagefind"))).toBe(SEARCHED.length);
    const empty = await writtenSite();
    await writeSearchIndex(empty, "pagefind", []);
    expect(await bundleList(empty)).toEqual([]);
    expect(existsSync(path.join(empty, "pagefind/pagefind.js"))).toBe(true);
    expect(fragments(path.join(empty, "pagefind"))).toBe(0);
  });

  it("stops the build when a listed page is missing or not marked for search, or its path is no plain path", async () => {
    const site = await writtenSite();
    await expect(writeSearchIndex(site, "pagefind", [...SEARCHED, "articles/gone/index.html"])).rejects.toThrow("1 of the 6 searched pages of pagefind was not written: articles/gone/index.html");
    await expect(writeSearchIndex(site, "pagefind", [...SEARCHED, "tags/x/index.html"])).rejects.toThrow(/indexed 5 of the 6 searched pages/);
    await expect(writeSearchIndex(site, "pagefind", ["articles/{a,b}/index.html"])).rejects.toThrow(/may hold only letters/);
  });

  it("indexes in English whatever PAGEFIND_ settings the shell holds, which Pagefind's command line would take over its config", async () => {
    const site = await writtenSite();
    const before = { language: process.env.PAGEFIND_FORCE_LANGUAGE, output: process.env.PAGEFIND_OUTPUT_PATH };
    process.env.PAGEFIND_FORCE_LANGUAGE = "de";
    process.env.PAGEFIND_OUTPUT_PATH = path.join(site, "elsewhere");
    try {
      await writeSearchIndex(site, "pagefind", SEARCHED);
    } finally {
      for (const [name, value] of [["PAGEFIND_FORCE_LANGUAGE", before.language], ["PAGEFIND_OUTPUT_PATH", before.output]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(readdirSync(path.join(site, "pagefind")).filter((file) => file.endsWith(".pf_meta"))).toEqual([expect.stringMatching(/^pagefind\.en_/)]);
    expect(existsSync(path.join(site, "elsewhere"))).toBe(false);
  });

  it("gives a bundle of any size up to the largest a whole number of seconds, at least a minute and 30 ms a page", () => {
    const limits = Array.from({ length: SEARCH_BUNDLE_PAGES + 1 }, (_, pages) => ({ pages, seconds: pagefindTimeLimitSeconds(pages) }));
    expect(limits.filter(({ pages, seconds }) => !Number.isInteger(seconds) || seconds < 60 + 0.03 * pages || seconds > 61 + 0.03 * pages)).toEqual([]);
  });

  it("stops a Pagefind that does not finish within the time limit, and names the bundle, for a limit in fractions of a second too", async () => {
    const site = await writtenSite();
    const pidFile = path.join(site, "pagefind.pid");
    await withPagefindStandIn(`echo $$ > ${pidFile}\nexec sleep 600`, async () => {
      // 2.01 s is 2009.9999999999998 ms, which Node refuses as a child's timeout.
      await expect(writeSearchIndex(site, "pagefind", SEARCHED, { timeLimitSeconds: 2.01 })).rejects.toThrow("Pagefind did not finish indexing the 5 pages of pagefind within 2.01 s and was stopped");
    });
    // The process is gone, not left running beside the failed build.
    const pid = Number(await readFile(pidFile, "utf8"));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it("indexes bundles side by side, as many at once as there are cores, and lets each finish before a failure stops the build", async () => {
    const site = await writtenSite();
    const log = path.join(site, "runs.log");
    await withPagefindStandIn(`echo "start $(date +%s%N)" >> ${log}\nsleep 1.2\necho "end $(date +%s%N)" >> ${log}\necho "stand-in failure $$" >&2\nexit 3`, async () => {
      await expect(writeSearchIndex(site, "pagefind", SEARCHED, { pagesPerBundle: 1 })).rejects.toThrow(/^Pagefind could not index pagefind: stand-in failure/);
    });
    const events = (await readFile(log, "utf8")).trim().split("\n").map((line) => line.split(" ")).map(([kind, at]) => ({ kind, at: BigInt(at!) }));
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let running = 0;
    let most = 0;
    for (const event of events) most = Math.max(most, (running += event.kind === "start" ? 1 : -1));
    // Five bundles of one page: the memory rule has room for every core, so the cores alone set how many run at once.
    expect(events.filter((event) => event.kind === "end")).toHaveLength(SEARCHED.length);
    expect(most).toBe(Math.min(os.availableParallelism(), SEARCHED.length));
  });

  it("indexes as many bundles at once as there are cores and the memory budget has room for, and always at least one", () => {
    // A bundle of 2,000 pages holds up to about 370 MB: a build of 4,000 articles holds 560 to 640 MB when Pagefind starts, one of 10,000 680 to 1,230.
    expect(searchIndexProcesses(2_000, 600, 2)).toBe(2);
    expect(searchIndexProcesses(2_000, 790, 2)).toBe(2);
    expect(searchIndexProcesses(2_000, 800, 2)).toBe(1);
    expect(searchIndexProcesses(2_000, 1_230, 2)).toBe(1);
    expect(searchIndexProcesses(2_000, 600, 8)).toBe(2);
    expect(searchIndexProcesses(50, 300, 8)).toBe(8);
    expect(searchIndexProcesses(2_000, BUILD_MEMORY_MB + 100, 2)).toBe(1);
    expect(searchIndexProcesses(0, 300, 1)).toBe(1);
  });
});
