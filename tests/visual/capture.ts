import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { fastScreenshot } from "./fast-screenshot.ts";

/** The widths the visual suite pictures each template at: a phone and a desktop. */
export const VISUAL_WIDTHS = [390, 1280] as const;
/** Both colour schemes; dark is switched by emulateMedia, without loading the page again. */
export const SCHEMES = ["light", "dark"] as const;
/** Full-page pictures stop here, so a long page costs no more than this many rows of pixels. */
export const MAX_HEIGHT = 2400;
/**
 * Pages pictured at once, each in its own browser context. One: the two cores are shared by the whole run, and
 * Chromium spent less on the same pictures the fewer pages it drew at a time (the tour alone, two runs each: 38 to
 * 41.5 CPU-s of Chromium and Node with three pages, 36.3 to 37.7 with two, 34.2 with one), while the watcher test
 * beside it keeps the other core busy. Alone the tour takes longer (35 s against 21), in the full run no longer
 * than that file.
 */
const PARALLEL_PAGES = 1;

/** One picture of one page. */
export interface Shot {
  template: string;
  url: string;
  width: number;
  scheme: (typeof SCHEMES)[number];
  /** The file name of the picture: template, width and scheme, e.g. "consulting--service-390-dark.png". */
  name: string;
  png: Buffer;
}

/** How to take the pictures. */
export interface CaptureOptions {
  /** The served build's origin, e.g. "http://127.0.0.1:4000". */
  origin: string;
  /** Template name -> the URL of the page that stands for it. */
  templates: ReadonlyMap<string, string>;
  widths: readonly number[];
  /** The build's SITE_NOW: the page's clock is fixed to it, so scripts that read the time show what the build shows. */
  siteNow: string;
  /** Rows of pixels at most; the whole page when not given. */
  maxHeight?: number;
  /** Also asks Chromium which fonts drew each element's text, and reports any that are not the site's own. */
  checkFonts?: boolean;
  /** Called once for each page the capture opens, before its first load: to listen to the page's events. */
  onPage?: (page: Page) => Promise<void> | void;
  /**
   * Called after each picture, with the page still open at the job's width and in its scheme: further checks of the
   * same load (accessibility, console errors) instead of loading the page again.
   */
  inspect?: (page: Page, job: CaptureJob) => Promise<void>;
}

/**
 * A template's page at one width and in one scheme: the load itself at the narrowest width, the same load widened at
 * the others.
 */
export interface CaptureJob {
  template: string;
  url: string;
  width: number;
  scheme: (typeof SCHEMES)[number];
  /** Whether the page was loaded at this width (the narrowest), rather than widened to it in place. */
  loaded: boolean;
  /** Whether this is the first scheme pictured at this width (the last is pictured next). */
  first: boolean;
}

/** The pictures, and the text drawn with a font the site does not ship (empty when every glyph is the site's). */
export interface Capture {
  shots: Shot[];
  systemFonts: string[];
}

/** The file name of a picture. */
export function shotName(template: string, width: number, scheme: string): string {
  return `${template.replace(/\//g, "--")}-${width}-${scheme}.png`;
}

/**
 * A browser context whose pictures do not depend on the machine or the moment: Denver's zone and US English
 * (the deadline script writes the visitor's local time), the clock fixed at the build's SITE_NOW, and reduced
 * motion. Nothing from elsewhere can be drawn: the served site's own CSP allows no other origin, and the tour
 * fails on any request to one (tests/support/page-watch.ts). No request is intercepted: routing every request
 * through Playwright cost about 2 CPU-s of Chromium and 1.5 of Node per tour (its round trip per request).
 */
export async function steadyContext(browser: Browser, siteNow: string): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: SITE_ZONE, locale: "en-US", reducedMotion: "reduce", deviceScaleFactor: 1 });
  await context.clock.setFixedTime(new Date(siteNow));
  return context;
}

/**
 * Makes every load of the page a first visit's: stylesheet, fonts and pictures fetched again, never from the cache
 * of an earlier page, so that a late font shows as the layout shift a first visitor would see.
 */
export async function coldLoads(cdp: CDPSession): Promise<void> {
  // The cache switch holds only while the session's network domain is on; it buffers no bodies.
  await cdp.send("Network.enable", { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
}

/** Loads every lazy image and waits for the site's fonts and images, so the picture is the settled page. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = "eager";
    // No named functions in here: tsx would wrap them in a helper that does not exist in the page.
    await Promise.all(
      images
        .filter((image) => !image.complete)
        .map((image) => new Promise((done) => {
          image.addEventListener("load", done, { once: true });
          image.addEventListener("error", done, { once: true });
          setTimeout(done, 3000);
        })),
    );
    await document.fonts.ready;
  });
}

/** Text in the page drawn with a font that is not one the page loaded ("system font X draws 'Some text'"). */
async function systemFontsOf(cdp: CDPSession, label: string): Promise<string[]> {
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  type DomNode = (typeof root) & { children?: DomNode[] };
  const withText: { nodeId: number; text: string }[] = [];
  const walk = (node: DomNode) => {
    const text = (node.children ?? []).filter((child) => child.nodeType === 3).map((child) => child.nodeValue.trim()).join(" ").trim();
    if (node.nodeType === 1 && text && !["SCRIPT", "STYLE", "NOSCRIPT", "TITLE"].includes(node.nodeName)) withText.push({ nodeId: node.nodeId, text });
    for (const child of node.children ?? []) walk(child);
  };
  walk(root as DomNode);
  const found = await Promise.all(withText.map(async ({ nodeId, text }) => ({ text, fonts: (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts })));
  return found.flatMap(({ text, fonts }) => fonts.filter((font) => !font.isCustomFont).map((font) => `${label}: system font "${font.familyName}" draws "${text.slice(0, 60)}"`));
}

/**
 * Pictures one page per template at each width, light then dark, a few pages at a time in separate contexts.
 * Carets are hidden and animations stopped as Playwright's screenshot does (fastScreenshot); pictures are cut at
 * `maxHeight`.
 */
export async function captureTemplates(browser: Browser, options: CaptureOptions): Promise<Capture> {
  // One load per template, at the narrowest width, then widened in place to each wider one: a load is about a fifth
  // of the tour's Chromium CPU, and the layout follows the width through the stylesheet's media queries. Narrowest
  // first, because Chromium trades a srcset image for a larger one when the page widens, as a wider load would have
  // chosen, but may keep the larger one when it narrows. Every picture this way is the same bytes as a fresh load
  // at its width gave (checked against the baselines' hashes, which fresh loads wrote).
  const widths = [...options.widths].sort((a, b) => a - b);
  const queue = [...options.templates];
  const shots: Shot[] = [];
  const systemFonts: string[] = [];
  const worker = async () => {
    const context = await steadyContext(browser, options.siteNow);
    const page = await context.newPage();
    await options.onPage?.(page);
    const pictures = await context.newCDPSession(page);
    await coldLoads(pictures);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [template, url] = next;
        for (const [index, width] of widths.entries()) {
          const loaded = index === 0;
          await page.setViewportSize({ width, height: 900 });
          if (loaded) {
            await page.emulateMedia({ colorScheme: SCHEMES[0] });
            await page.goto(`${options.origin}${url}`);
          }
          // Again after widening: a srcset image may fetch a larger file, and the wider layout may use a font not yet loaded.
          await settle(page);
          if (options.checkFonts && loaded) {
            const cdp = await context.newCDPSession(page);
            systemFonts.push(...(await systemFontsOf(cdp, `${template} ${url}`)));
            await cdp.detach();
          }
          // Each width begins in the scheme the one before ended in: one switch per width (a switch restyles the page).
          const schemes = index % 2 === 0 ? SCHEMES : [...SCHEMES].reverse();
          for (const [order, scheme] of schemes.entries()) {
            if (order > 0) await page.emulateMedia({ colorScheme: scheme });
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            const clip = { x: 0, y: 0, width, height: Math.min(height, options.maxHeight ?? height) };
            const png = await fastScreenshot(page, pictures, clip);
            shots.push({ template, url, width, scheme, name: shotName(template, width, scheme), png });
            await options.inspect?.(page, { template, url, width, scheme, loaded, first: order === 0 });
          }
        }
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PAGES, queue.length) }, worker));
  shots.sort((a, b) => a.name.localeCompare(b.name));
  return { shots, systemFonts };
}
