import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import { buildDir } from "../support/site-output.ts";
import { serveBuild, type StaticServer } from "../support/static-server.ts";
import { onePagePerTemplate } from "../support/template-pages.ts";

// axe-core is injected as source with page.evaluate: the site's CSP (rightly) blocks addScriptTag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const VIEWPORTS = [
  { width: 375, height: 800 },
  { width: 1280, height: 900 },
];
const SCHEMES = ["light", "dark"] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
let server: StaticServer;
let templates: Map<string, string>;

beforeAll(async () => {
  const dir = buildDir("december");
  templates = await onePagePerTemplate(dir);
  server = await serveBuild(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async ({ source, tags }) => {
    if (!("axe" in window)) (0, eval)(source);
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations;
  }, { source: AXE_SOURCE, tags: WCAG_TAGS });
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

describe("accessibility of one page of every template, in Chromium with axe-core", () => {
  it("finds more than 10 page templates in the build to audit", () => {
    // A vacuous pass is impossible: the build has many templates, and each is checked below.
    expect(templates.size).toBeGreaterThan(10);
  });

  it("finds no WCAG 2.2 A or AA violation at 375 and 1280 px, in the light and the dark scheme", async () => {
    const failures: string[] = [];
    const context = await browser.newContext({ bypassCSP: false });
    const page = await context.newPage();
    for (const [template, url] of templates) {
      // JSON-LD and search need no visit for this: the page as served is what is audited.
      await page.goto(`${server.origin}${url}`);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          for (const violation of await axeViolations(page)) failures.push(`${template} ${url} @${viewport.width}px ${colorScheme}: ${violation}`);
        }
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 300_000);

  it("never scrolls sideways at 320 px", async () => {
    const wide: string[] = [];
    const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    for (const [template, url] of templates) {
      await page.goto(`${server.origin}${url}`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 320) wide.push(`${template} ${url}: ${scrollWidth}px wide`);
    }
    await context.close();
    expect(wide).toEqual([]);
  }, 120_000);
});
