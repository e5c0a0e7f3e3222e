import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { CLOCKS, REPO_ROOT } from "../support/build-site.ts";
import { allFiles, buildDir } from "../support/site-output.ts";
import { serveBuild, type StaticServer } from "../support/static-server.ts";
import { onePagePerTemplate } from "../support/template-pages.ts";
import { captureTemplates, MAX_HEIGHT, SCHEMES, VISUAL_WIDTHS, type Shot } from "../visual/capture.ts";
import { compareWithBaseline, DIFF_FOLDER, matchesBaselineHash } from "../visual/compare.ts";
import { COLOUR_RULES, NARROWEST, RETAKEN_TEMPLATES, tourTemplates, type Tour } from "./template-tour.ts";

// One page of every template of the December fixture build, each loaded once in the run's Chromium at the narrowest
// width and widened in place to the others, served with the build's own _headers and _redirects: at each width the
// same load is pictured, audited and watched for errors.
/** The site's own browser scripts (src/browser/), which every page that runs script loads. */
const BROWSER_SCRIPTS = path.join(REPO_ROOT, "src/browser");
let browser: Browser;
let server: StaticServer;
let templates: Map<string, string>;
let tour: Tour;

beforeAll(async () => {
  rmSync(DIFF_FOLDER, { recursive: true, force: true });
  const dir = buildDir("december");
  templates = await onePagePerTemplate(dir);
  server = await serveBuild(dir);
  browser = await launchChromium();
  tour = await tourTemplates(browser, server.origin, templates, CLOCKS.december);
  // 33 loads with their pictures and axe runs at two widths: about a minute on an idle machine (a guard against a hang).
}, 600_000);

/** Every picture of one template taken again, alone, from a fresh load at the narrowest width (widened as the tour does). */
async function retake(template: string, url: string): Promise<Map<string, Buffer>> {
  const { shots } = await captureTemplates(browser, { origin: server.origin, templates: new Map([[template, url]]), widths: VISUAL_WIDTHS, siteNow: CLOCKS.december, maxHeight: MAX_HEIGHT });
  return new Map(shots.map((shot) => [shot.name, shot.png]));
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("visual regression: one page of every template at 390 and 1280 px, light and dark, against the committed baselines", () => {
  it("pictures every template of the fixture build at both widths in both schemes", () => {
    expect(templates.size).toBeGreaterThan(10);
    expect(tour.capture.shots).toHaveLength(templates.size * VISUAL_WIDTHS.length * SCHEMES.length);
  });

  it("pictures the wider width by widening the load, which holds while no site script reads the viewport's size", () => {
    // A script that read the width at load (or on resize) could draw a widened page otherwise than a fresh load at
    // that width; the stylesheet's media queries follow the width by themselves.
    const scripts = readdirSync(BROWSER_SCRIPTS).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    const reading = scripts.filter((name) => /innerWidth|outerWidth|clientWidth|offsetWidth|matchMedia|visualViewport|\bscreen\.|["']resize["']|ResizeObserver/.test(readFileSync(path.join(BROWSER_SCRIPTS, name), "utf8")));
    expect(reading, "a script that reads the viewport's size: picture each width from a fresh load (tests/visual/capture.ts)").toEqual([]);
  });

  it("draws all text with the site's own fonts, never a font of the machine", () => {
    expect(tour.capture.systemFonts).toEqual([]);
  });

  it("matches every baseline picture", async () => {
    const changed: string[] = [];
    // A picture whose bytes match the baseline's hash is settled at once; only the others are decoded and compared.
    const differing: { shot: Shot; problem: string }[] = [];
    for (const shot of tour.capture.shots.filter((candidate) => !matchesBaselineHash(candidate.name, candidate.png))) {
      const problem = await compareWithBaseline(shot.name, shot.png);
      if (problem) differing.push({ shot, problem });
    }
    // Taken again from a fresh load before they count, when few templates differ: on a loaded machine Chromium once
    // captured a band of the home page before drawing it (white across a row of cards). A changed layout differs again.
    const templatesDiffering = new Map(differing.map(({ shot }) => [shot.template, shot.url]));
    const retaken = new Map<string, Buffer>();
    if (templatesDiffering.size <= RETAKEN_TEMPLATES) for (const [template, url] of templatesDiffering) for (const [name, png] of await retake(template, url)) retaken.set(name, png);
    for (const { shot, problem } of differing) {
      const again = retaken.get(shot.name);
      const second = again && (await compareWithBaseline(shot.name, again));
      if (!again) changed.push(problem);
      else if (second) changed.push(`${second} (and ${problem.slice(shot.name.length + 1)} in the first picture)`);
      else {
        console.warn(`${problem} in its first picture, and matches it taken again from a fresh load`);
        for (const file of [shot.name, shot.name.replace(/\.png$/, ".diff.png")]) rmSync(path.join(DIFF_FOLDER, file), { force: true });
      }
    }
    const advice = `New pictures and diffs are in ${DIFF_FOLDER}/. If the change is intended, run \`npm run screenshots -- --update\` and commit tests/visual/baselines/.`;
    expect(changed, advice).toEqual([]);
  }, 600_000);
});

describe("accessibility of one page of every template, in Chromium with axe-core", () => {
  it("finds more than 10 page templates in the build to audit", () => {
    // A vacuous pass is impossible: the build has many templates, and each is checked below.
    expect(templates.size).toBeGreaterThan(10);
  });

  it("changes only colour and shadow tokens in the dark scheme, so the colour rules are all that scheme can fail", async () => {
    const dir = buildDir("december");
    const stylesheets = (await allFiles(dir)).filter((file) => file.endsWith(".css"));
    const declarations: string[] = [];
    for (const file of stylesheets) {
      const css = readFileSync(path.join(dir, file), "utf8");
      for (const match of css.matchAll(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/g)) {
        // The block runs to the brace that closes the one the match opened.
        let depth = 1;
        let end = match.index + match[0].length;
        for (; depth > 0 && end < css.length; end++) depth += css[end] === "{" ? 1 : css[end] === "}" ? -1 : 0;
        const block = css.slice(match.index + match[0].length, end - 1);
        for (const rule of block.matchAll(/\{([^{}]*)\}/g)) declarations.push(...rule[1]!.split(";").map((part) => part.trim()).filter(Boolean));
      }
    }
    expect(declarations.length).toBeGreaterThan(10);
    expect(declarations.filter((declaration) => !/^--(color|code|shadow)-[\w-]+\s*:/.test(declaration))).toEqual([]);
  });

  it(`finds no WCAG 2.2 A or AA violation at 390 and 1280 px: every rule in the light scheme, ${COLOUR_RULES.join(" and ")} in the dark`, () => {
    expect(tour.axeRuns).toEqual({ every: templates.size * VISUAL_WIDTHS.length, colour: templates.size * VISUAL_WIDTHS.length });
    expect(tour.violations).toEqual([]);
  });

  it("moves nothing on any page while it loads: no layout shift, which fonts arriving after the first paint caused", () => {
    expect(tour.shifted).toEqual([]);
  });

  it(`never scrolls sideways at ${NARROWEST} px`, () => {
    expect(tour.wide).toEqual([]);
  });
});

describe("every template in Chromium, served with the build's own _headers and _redirects", () => {
  it("finds at least 8 page templates in the build, the home page among them", () => {
    // The site has a home page, list pages and detail pages: a handful of templates at least.
    expect(templates.size).toBeGreaterThanOrEqual(8);
    expect([...templates.values()]).toContain("/");
  });

  it("opens one page of every template with status 200, and at both widths finds no CSP violation, no console error and no failed request", () => {
    expect(tour.problems).toEqual([]);
  });
});
