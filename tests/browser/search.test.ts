import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
import type { PageWatch } from "../support/page-watch.ts";
import { emulate, useServedBrowser, type LoadSettings } from "../support/served-browser.ts";
import { buildDir } from "../support/site-output.ts";

const served = useServedBrowser();

/**
 * Loads a path in the file's one watched page (every test still gets a new document of /search/, with its own CSP
 * record), with JavaScript set on the page for the load.
 */
async function open(path: string, options: LoadSettings = {}): Promise<{ page: Page; watch: PageWatch }> {
  const { page, watch } = await served.watchedPage();
  await emulate(page, options);
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

describe("site search in Chromium, under the site's own Content-Security-Policy", () => {
  it("finds a known course and a known article, with no CSP violation", async () => {
    const { page, watch } = await open("/search/");
    expect(await page.locator("#search-fallback").isHidden()).toBe(true);
    const results = await search(page, "python");
    expect(results).toContain("/courses/python-programming/");
    expect(results).toContain("/articles/python-for-system-administrators/");
    expect(await watch.cspViolations()).toEqual([]);
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
