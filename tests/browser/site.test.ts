import * as cheerio from "cheerio";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { page as builtPage } from "../support/site-output.ts";
import { useServedBrowser } from "../support/served-browser.ts";
import { buildOnePagePerTemplate, type TemplatePage } from "./template-pages.ts";

// The December build, served, and Chromium with the build's clock (the deadline script reads the time).
const served = useServedBrowser("december");
let templates: TemplatePage[];
let dir: string;

beforeAll(async () => {
  ({ dir, pages: templates } = await buildOnePagePerTemplate());
});

/** What went wrong on a page: CSP violations, console errors, uncaught exceptions and failed subresources. */
interface Visit {
  page: Page;
  status: number | undefined;
  problems: () => Promise<string[]>;
}

// One page serves every visit (served.watchedPage), each a new document reported apart (the watch is reset before
// it); every visit ends by waiting for the network to be idle, so nothing of one visit is still loading when the
// next begins.
/** Opens a path as a new document of the shared page, recording every CSP violation and console error from the first byte. */
async function visit(pathname: string): Promise<Visit> {
  const { page, watch } = await served.watchedPage();
  watch.reset();
  const response = await page.goto(`${served.server.origin}${pathname}`, { waitUntil: "load" });
  return {
    page,
    status: response?.status(),
    problems: async () => {
      await page.waitForLoadState("networkidle");
      return [...(await watch.cspViolations()), ...watch.problems()];
    },
  };
}

// Every template opened with no CSP violation or console error is checked in templates.test.ts, on the loads that
// are also pictured and audited; search (search.test.ts) and the CMS (tests/cms/admin-browser.test.ts) in files of
// their own. The pages here are the others a visitor acts on.
describe("a form, the 404 page and redirects in Chromium, served with the build's own _headers and _redirects", () => {
  it("submits a form and lands on its thank-you page with nothing blocked", async () => {
    const formPage = templates.map((entry) => entry.url).find((url) => builtPage(dir, url)('form[data-netlify="true"]').length > 0);
    expect(formPage).toBeDefined();
    const opened = await visit(formPage!);
    const form = opened.page.locator('form[data-netlify="true"]').first();
    const action = (await form.getAttribute("action")) ?? "";
    for (const field of await form.locator("input[required], select[required], textarea[required]").all()) {
      const tag = await field.evaluate((element) => element.tagName.toLowerCase());
      const type = (await field.getAttribute("type")) ?? "text";
      if (tag === "select") await field.selectOption({ index: 1 });
      else if (type === "checkbox" || type === "radio") await field.check();
      else if (type === "email") await field.fill("reader@example.com");
      else if (type === "tel") await field.fill("303-555-0100");
      else if (type === "number") await field.fill("1");
      else await field.fill("A question from a test");
    }
    await Promise.all([opened.page.waitForURL((url) => url.pathname === action), form.locator('[type="submit"]').first().click()]);
    expect(await opened.problems()).toEqual([]);
    expect(await opened.page.locator("h1").count()).toBe(1);
  });

  it("answers an unknown path with the 404 page and status 404", async () => {
    const opened = await visit("/no-such-page-anywhere/");
    expect(opened.status).toBe(404);
    expect(await opened.page.locator("h1").innerText()).toBe(cheerio.load(builtPage(dir, "/404.html").html())("h1").text());
    expect(await opened.problems()).toEqual([]);
  });

  it("answers every redirect with a 301 to its target, which exists", async () => {
    expect(served.server.redirects.length).toBeGreaterThan(0);
    for (const rule of served.server.redirects) {
      const response = await fetch(`${served.server.origin}${rule.from}`, { redirect: "manual" });
      expect(response.status, rule.from).toBe(301);
      expect(response.headers.get("location"), rule.from).toBe(rule.to);
      expect((await fetch(`${served.server.origin}${rule.to}`, { redirect: "manual" })).status, rule.to).toBe(200);
    }
  });
});
