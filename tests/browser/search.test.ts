import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
import type { PageWatch } from "../support/page-watch.ts";
import { emulate, useServedBrowser, type LoadSettings } from "../support/served-browser.ts";
import { writeSearchIndex } from "../../src/search/search-index.ts";
import { outputFileOf, SEARCH_BUNDLE_FOLDER, SITE_PATHS, writtenFileOf } from "../../src/urls/site-urls.ts";
import { buildDir, urlExists } from "../support/site-output.ts";
import { serveBuild, type StaticServer } from "../support/static-server.ts";

const served = useServedBrowser();

/** Pages per bundle for the split index: the fixture's searched pages then fill several bundles. */
const SPLIT_PAGES = 16;
let splitSite = "";
let splitServer: StaticServer | undefined;
// The December build's pages with their index written again in bundles of SPLIT_PAGES, by the build's own writer, for
// the pages its one-bundle index holds; served beside the build, and opened in the file's one watched page.
beforeAll(async () => {
  splitSite = await mkdtemp(path.join(os.tmpdir(), "hsg-split-search-"));
  await cp(buildDir("december"), splitSite, { recursive: true });
  const searched = bundlePages(path.join(splitSite, SEARCH_BUNDLE_FOLDER)).map(writtenFileOf);
  await writeSearchIndex(splitSite, SEARCH_BUNDLE_FOLDER, searched, { pagesPerBundle: SPLIT_PAGES });
  splitServer = await serveBuild(splitSite);
});
afterAll(async () => {
  await splitServer?.close();
  await rm(splitSite, { recursive: true, force: true });
});

/** The URL of each page a Pagefind bundle holds, read from its fragments (gzip of "pagefind_dcd" and the page's JSON). */
function bundlePages(bundle: string): string[] {
  const folder = path.join(bundle, "fragment");
  return readdirSync(folder).map((name) => (JSON.parse(gunzipSync(readFileSync(path.join(folder, name))).subarray(12).toString("utf8")) as { url: string }).url);
}

/**
 * Loads a path in the file's one watched page (every test still gets a new document of /search/, with its own CSP
 * record and its own problems), with JavaScript set on the page for the load.
 */
async function open(path: string, options: LoadSettings = {}): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await served.watchedPage();
  await emulate(page, options);
  // What the watch reports is then this load's alone.
  watch.reset();
  const response = await page.goto(`${served.server.origin}${path}`);
  expect(response?.status()).toBe(200);
  return { page, watch };
}

/**
 * Types a query and returns the results' links once every result shown has loaded its link: Pagefind's UI shows
 * a placeholder for each result before its data arrives, so waiting for the first result alone could read none.
 */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator(".pagefind-ui__search-input").fill(query);
  await page.waitForFunction(
    () => {
      const results = [...document.querySelectorAll(".pagefind-ui__result")];
      return results.length > 0 && results.every((result) => result.querySelector(".pagefind-ui__result-link"));
    },
    undefined,
    { timeout: 15_000 },
  );
  return page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

/** Every result of a query, as links, sorted: "Load more" is pressed until Pagefind's box shows them all. */
async function allResults(page: Page, query: string): Promise<string[]> {
  await search(page, query);
  for (;;) {
    const more = page.locator(".pagefind-ui__button");
    if ((await more.count()) === 0) break;
    await more.click();
  }
  return (await search(page, query)).sort();
}

describe("site search in Chromium, under the site's own Content-Security-Policy", () => {
  it("finds a known course and a known article, each a page of the build, with no CSP violation, console error or failed request", async () => {
    const { page, watch } = await open("/search/");
    expect(await page.locator("#search-fallback").isHidden()).toBe(true);
    const results = await search(page, "python");
    expect(results).toContain("/courses/python-programming/");
    expect(results).toContain("/articles/python-for-system-administrators/");
    for (const url of results) expect(urlExists(buildDir("december"), url), url).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.problems()).toEqual([]);
  });

  it("offers filters for type, subject and level", async () => {
    const { page } = await open("/search/");
    // Pagefind's interface shows the filters its latest results carry, and its own list of every filter only while no
    // search has returned any. It loads the filter files at the first search, beside that search: on a loaded machine
    // a run's panel showed "level" alone after one search and kept it. So the query is typed again once every filter
    // file has arrived, and that search (after the interface's pause for typing) carries every filter.
    const filterFiles = readdirSync(path.join(buildDir("december"), "pagefind/filter")).length;
    let arrived = 0;
    const count = (request: Request) => void (/\/pagefind\/filter\//.test(request.url()) && arrived++);
    page.on("requestfinished", count);
    await search(page, "java");
    await expect.poll(() => arrived, { timeout: 15_000 }).toBe(filterFiles);
    page.off("requestfinished", count);
    await page.locator(".pagefind-ui__search-input").fill("");
    await search(page, "java");
    const filterNames = async () => (await page.locator(".pagefind-ui__filter-name").allInnerTexts()).map((name) => name.trim().toLowerCase());
    await expect.poll(filterNames, { timeout: 15_000 }).toEqual(expect.arrayContaining(["type", "category", "level"]));
  });

  it("finds classes and consulting services too", async () => {
    const { page } = await open("/search/");
    const results = await search(page, "staff augmentation");
    expect(results).toContain("/consulting/staff-augmentation/");
  });

  it("says how to browse instead when JavaScript is off", async () => {
    const { page } = await open("/search/", { javaScriptEnabled: false });
    expect(await page.locator("#search-fallback").isVisible()).toBe(true);
    expect(await page.locator("#search-fallback a[href='/courses/']").count()).toBe(1);
  });
});

describe("site search over an index in several bundles", () => {
  it("finds, with the bundles merged, every page the one-bundle index finds, from several bundles", async () => {
    const others = JSON.parse(readFileSync(path.join(splitSite, outputFileOf(SITE_PATHS.searchBundleList)), "utf8")) as string[];
    expect(others.length).toBeGreaterThanOrEqual(2);
    // Each searched page in exactly one bundle: the bundles' pages together are the one-bundle index's.
    const bundles = [`/${SEARCH_BUNDLE_FOLDER}/`, ...others].map((url) => bundlePages(path.join(splitSite, outputFileOf(url))));
    expect(bundles.flat().sort()).toEqual(bundlePages(path.join(buildDir("december"), SEARCH_BUNDLE_FOLDER)).sort());
    expect(bundles.every((pages) => pages.length > 0 && pages.length <= SPLIT_PAGES)).toBe(true);

    const query = "python";
    const whole = await (async () => {
      const { page } = await open("/search/");
      return allResults(page, query);
    })();
    const { page, watch } = await served.watchedPage();
    expect((await page.goto(`${splitServer!.origin}/search/`))?.status()).toBe(200);
    const merged = await allResults(page, query);
    expect(merged).toEqual(whole);
    const bundleOf = (link: string) => bundles.findIndex((pages) => pages.includes(new URL(link, splitServer!.origin).pathname));
    expect(new Set(merged.map(bundleOf)).size, "bundles the results came from").toBeGreaterThanOrEqual(2);
    expect(await watch.cspViolations()).toEqual([]);
  });
});
