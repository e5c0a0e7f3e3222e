import { rmSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { CLOCKS } from "../support/build-site.ts";
import { buildDir } from "../support/site-output.ts";
import { serveBuild, type StaticServer } from "../support/static-server.ts";
import { onePagePerTemplate } from "../support/template-pages.ts";
import { captureTemplates, MAX_HEIGHT, SCHEMES, VISUAL_WIDTHS, type Capture } from "./capture.ts";
import { compareWithBaseline, DIFF_FOLDER, matchesBaselineHash } from "./compare.ts";

let browser: Browser;
let server: StaticServer;
let templates: Map<string, string>;
let capture: Capture;

beforeAll(async () => {
  rmSync(DIFF_FOLDER, { recursive: true, force: true });
  const dir = buildDir("december");
  templates = await onePagePerTemplate(dir);
  server = await serveBuild(dir);
  browser = await launchChromium();
  capture = await captureTemplates(browser, { origin: server.origin, templates, widths: VISUAL_WIDTHS, siteNow: CLOCKS.december, maxHeight: MAX_HEIGHT, checkFonts: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("visual regression: one page of every template at 390 and 1280 px, light and dark, against the committed baselines", () => {
  it("pictures every template of the fixture build at both widths in both schemes", () => {
    expect(templates.size).toBeGreaterThan(10);
    expect(capture.shots).toHaveLength(templates.size * VISUAL_WIDTHS.length * SCHEMES.length);
  });

  it("draws all text with the site's own fonts, never a font of the machine", () => {
    expect(capture.systemFonts).toEqual([]);
  });

  it("matches every baseline picture", async () => {
    const changed: string[] = [];
    // A picture whose bytes match the baseline's hash is settled at once; only the others are decoded and compared.
    for (const shot of capture.shots.filter((candidate) => !matchesBaselineHash(candidate.name, candidate.png))) {
      const problem = await compareWithBaseline(shot.name, shot.png);
      if (problem) changed.push(problem);
    }
    const advice = `New pictures and diffs are in ${DIFF_FOLDER}/. If the change is intended, run \`npm run screenshots -- --update\` and commit tests/visual/baselines/.`;
    expect(changed, advice).toEqual([]);
  }, 600_000);
});
