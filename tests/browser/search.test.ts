import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { buildDir } from "../support/site-output.ts";
import { useServedBrowser } from "../support/served-browser.ts";

const served = useServedBrowser();

/** Opens a page with a listener that records every Content-Security-Policy violation. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await served.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = record;
    document.addEventListener("securitypolicyviolation", (event) => record.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(`${served.server.origin}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

async function search(page: Page, query: string): Promise<string[]> {
  await page.locator(".pagefind-ui__search-input").fill(query);
  await page.locator(".pagefind-ui__result").first().waitFor({ timeout: 15_000 });
  return page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

describe("site search in Chromium, under the site's own Content-Security-Policy", () => {
  it("finds a known course and a known article, with no CSP violation", async () => {
    const page = await open("/search/");
    expect(await page.locator("#search-fallback").isHidden()).toBe(true);
    const results = await search(page, "python");
    expect(results).toContain("/courses/python-programming/");
    expect(results).toContain("/articles/python-for-system-administrators/");
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await page.context().close();
  });

  it("offers filters for type, subject and level", async () => {
    const page = await open("/search/");
    await search(page, "java");
    const filterNames = await page.locator(".pagefind-ui__filter-name").allInnerTexts();
    expect(filterNames.map((name) => name.trim().toLowerCase())).toEqual(expect.arrayContaining(["type", "category", "level"]));
    await page.context().close();
  });

  it("finds classes and consulting services too", async () => {
    const page = await open("/search/");
    const results = await search(page, "staff augmentation");
    expect(results).toContain("/consulting/staff-augmentation/");
    await page.context().close();
  });

  it("says how to browse instead when JavaScript is off", async () => {
    const page = await open("/search/", { javaScriptEnabled: false });
    expect(await page.locator("#search-fallback").isVisible()).toBe(true);
    expect(await page.locator("#search-fallback a[href='/courses/']").count()).toBe(1);
    await page.context().close();
  });
});
