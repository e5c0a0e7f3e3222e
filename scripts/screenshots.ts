/**
 * `npm run screenshots`: full-page PNGs of one page of every template, at 390 and 1280 px, in the light and the dark
 * scheme, written to screenshots/ (ignored by git) for a person to look at. Builds the site at a fixed clock first.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { serveBuild } from "../tests/support/static-server.ts";
import { onePagePerTemplate } from "../tests/support/template-pages.ts";
import { buildIntoTemporaryFolder } from "./lib/built-site.ts";

const OUTPUT = "screenshots";
const WIDTHS = [390, 1280];
const SCHEMES = ["light", "dark"] as const;

const site = buildIntoTemporaryFolder("hsg-screenshots-");
const server = await serveBuild(site);
const browser = await launchChromium();
try {
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const templates = await onePagePerTemplate(site);
  const page = await browser.newPage();
  for (const [template, url] of templates) {
    await page.goto(`${server.origin}${url}`);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const file = path.join(OUTPUT, `${template.replace(/\//g, "--")}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
    }
  }
  console.log(`screenshots: ${templates.size} templates x ${WIDTHS.length} widths x ${SCHEMES.length} schemes written to ${OUTPUT}/`);
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
