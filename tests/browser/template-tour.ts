import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { watchPage, type PageWatch } from "../support/page-watch.ts";
import { captureTemplates, MAX_HEIGHT, settle, steadyContext, VISUAL_WIDTHS, type Capture, type CaptureJob } from "../visual/capture.ts";

// axe-core goes into each document as an init script of the tour's context, which the site's CSP (rightly blocking
// addScriptTag) does not apply to: its 500 KB are sent to Chromium once, where sending them to each document through
// page.evaluate passed them through Playwright's relay in vitest's main process 28 times (about 0.6 CPU-s there).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The WCAG levels the pages are held to: 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
/**
 * The axe rules whose outcome depends on colours: all the dark scheme can change, since it changes colour and
 * shadow tokens only (templates.test.ts asserts that of the built stylesheet). The dark scheme runs these; the
 * light scheme runs every rule of WCAG_TAGS, at both widths.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
/** The narrowest phone the pages must fit without scrolling sideways. */
export const NARROWEST = 320;
/**
 * A flake touches one template, a changed layout or stylesheet usually many: when this many or fewer templates
 * fail a timing-dependent check (a picture, a layout shift), each is taken again from a fresh load before it counts.
 */
export const RETAKEN_TEMPLATES = 2;

/** What one load of each template found at each width, beside its pictures. */
export interface Tour {
  capture: Capture;
  /** axe violations, "template url @width scheme: rule (impact): help at targets". */
  violations: string[];
  /** How many times axe ran with every rule, and with the colour rules only. */
  axeRuns: { every: number; colour: number };
  /** Pages whose content moved while they loaded (layout shifts, as Lighthouse's CLS counts them), with what moved. */
  shifted: string[];
  /** Pages wider than NARROWEST px at that width. */
  wide: string[];
  /** Statuses other than 200, CSP violations, console errors, exceptions and failed or refused requests, by page. */
  problems: string[];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations on the page as it is now, restricted to `rules` when given, as one line each. */
async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: WCAG_TAGS };
  const violations = await page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    if (!axe) throw new Error("axe-core is not in this document: was the page opened without the tour's init script?");
    return (await axe.run(document, { runOnly, resultTypes: ["violations"] })).violations;
  }, runOnly);
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * The layout shifts the document has seen since it loaded (none without input, as Lighthouse counts them), as "0.23:
 * SECTION.hero, P.hero__actions", or undefined. The pictures before do not add any: a capture beyond the viewport
 * draws the page larger without moving what is in it.
 */
function layoutShifts(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
    // observe() with `buffered` puts the entries so far in the observer's queue at once, where takeRecords finds them.
    const observer = new PerformanceObserver(() => undefined);
    observer.observe({ type: "layout-shift", buffered: true });
    const shifts = (observer.takeRecords() as Shift[]).filter((shift) => !shift.hadRecentInput);
    observer.disconnect();
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    const moved = shifts.flatMap((shift) => shift.sources.map((source) => (source.node instanceof Element ? `${source.node.nodeName}.${source.node.className}` : source.node?.nodeName ?? "?")));
    return total > 0 ? `${total.toFixed(3)}: ${[...new Set(moved)].slice(0, 4).join(", ")}` : undefined;
  });
}

/**
 * The layout shifts of `url` loaded alone in a fresh context at the narrowest visual width, once its images and fonts
 * have settled: a shift the tour saw only when other pages loaded beside it is the machine's load, not the page's.
 */
async function shiftsOfFreshLoad(browser: Browser, origin: string, url: string, siteNow: string): Promise<string | undefined> {
  const context = await steadyContext(browser, siteNow);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: Math.min(...VISUAL_WIDTHS), height: 900 });
    await page.goto(`${origin}${url}`);
    await page.waitForLoadState("networkidle");
    await settle(page);
    return await layoutShifts(page);
  } finally {
    await context.close();
  }
}

/**
 * Loads one page of every template in Chromium, once, at the narrowest visual width and then widened in place to
 * each wider one (captureTemplates): at each width the page is pictured in both schemes (the visual suite), audited
 * with axe (every rule in the light scheme, COLOUR_RULES in the dark) and checked for CSP violations, console
 * errors and failed requests once the network is idle; at the narrowest it is also narrowed to NARROWEST px, where
 * it must not scroll sideways. One load serves every check that used to load the page again.
 */
export async function tourTemplates(browser: Browser, origin: string, templates: ReadonlyMap<string, string>, siteNow: string): Promise<Tour> {
  const tour: Tour = { capture: { shots: [], systemFonts: [] }, violations: [], axeRuns: { every: 0, colour: 0 }, shifted: [], wide: [], problems: [] };
  const watches = new Map<Page, PageWatch>();
  const cspSeen = new Map<Page, number>();
  const shifted: { template: string; url: string; shifts: string }[] = [];
  const inspect = async (page: Page, job: CaptureJob) => {
    const label = `${job.template} ${job.url} @${job.width}px`;
    if (job.first) {
      const watch = watches.get(page)!;
      await page.waitForLoadState("networkidle");
      // A widened page is still the document loaded at the narrowest width: a new one would be a reload on resize.
      if (job.loaded ? watch.status !== 200 : watch.status !== undefined) tour.problems.push(`${label}: status ${watch.status}${job.loaded ? "" : " of a document loaded when widened"}`);
      // The document keeps its violations from the load on: a widened page reports only those since the last width.
      const csp = await watch.cspViolations();
      tour.problems.push(...[...csp.slice(job.loaded ? 0 : cspSeen.get(page)), ...watch.problems()].map((problem) => `${label}: ${problem}`));
      cspSeen.set(page, csp.length);
      watch.reset();
    }
    if (job.scheme === "dark") {
      for (const violation of await axeViolations(page, COLOUR_RULES)) tour.violations.push(`${label} dark: ${violation}`);
      tour.axeRuns.colour++;
    } else {
      for (const violation of await axeViolations(page)) tour.violations.push(`${label} light: ${violation}`);
      tour.axeRuns.every++;
    }
    // The narrowest width is the one the page was loaded at; the rest waits until both schemes are done there.
    if (!job.loaded || job.first) return;
    const shifts = await layoutShifts(page);
    if (shifts) shifted.push({ template: job.template, url: job.url, shifts });
    // Narrowed in place: the layout follows the width through the stylesheet's media queries, as a fresh load's would.
    await page.setViewportSize({ width: NARROWEST, height: 700 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > NARROWEST) tour.wide.push(`${job.template} ${job.url}: ${scrollWidth}px wide at ${NARROWEST}px`);
  };
  const onPage = async (page: Page) => {
    await page.context().addInitScript({ content: AXE_SOURCE });
    watches.set(page, await watchPage(page));
  };
  tour.capture = await captureTemplates(browser, { origin, templates, widths: VISUAL_WIDTHS, siteNow, maxHeight: MAX_HEIGHT, checkFonts: true, onPage, inspect });
  // On a loaded machine the preloaded body font once arrived after the first paint of a page (CI, 0.113 on an
  // instructor page): each page that shifted loads again, alone, and counts only if it shifts again. A missing
  // preload or an image without its size shifts every load, and usually many pages.
  for (const { template, url, shifts } of shifted) {
    const again = shifted.length <= RETAKEN_TEMPLATES ? await shiftsOfFreshLoad(browser, origin, url, siteNow) : shifts;
    if (again) tour.shifted.push(`${template} ${url}: ${again}${again === shifts ? "" : ` (and ${shifts} in the tour)`}`);
    else console.warn(`${template} ${url} moved while it loaded in the tour (${shifts}), and not when loaded again alone`);
  }
  tour.problems.sort();
  return tour;
}
