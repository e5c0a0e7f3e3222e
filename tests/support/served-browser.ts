import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { clockOf, type BuildName } from "./build-site.ts";
import { watchPage, type PageWatch } from "./page-watch.ts";
import { buildDir } from "./site-output.ts";
import { serveBuild, type StaticServer } from "./static-server.ts";

/** Chromium and a local server for one build, shared by the tests of a file. */
export interface ServedBrowser {
  browser: Browser;
  server: StaticServer;
  /**
   * A browser context whose clock stands at the build's SITE_NOW (timers still run): the deadline script swaps
   * what a page shows at its instants, so a page read at the real date would not be the page the build made.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * The file's one watched page, in such a context, opened on first use and closed with the file's browser: each
   * context starts a renderer (about a second of Chromium's CPU here), a load in a kept page a tenth of that.
   */
  watchedPage(): Promise<{ page: Page; watch: PageWatch }>;
}

/** Serves a build and starts Chromium before a test file's tests, and closes both after them. */
export function useServedBrowser(build: BuildName = "december"): ServedBrowser {
  let watched: Promise<{ page: Page; watch: PageWatch }> | undefined;
  const served = {
    async newContext(options?: BrowserContextOptions) {
      const context = await served.browser.newContext(options);
      await context.clock.setFixedTime(new Date(clockOf(build)));
      return context;
    },
    watchedPage: () =>
      (watched ??= served.newContext().then(async (context) => {
        const page = await context.newPage();
        return { page, watch: await watchPage(page) };
      })),
  } as ServedBrowser;
  beforeAll(async () => {
    served.server = await serveBuild(buildDir(build));
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    // Closing the connection closes the contexts it made, the watched page's too.
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}

/** What a load of a page emulates that Playwright sets only for a whole context (and so for a new renderer). */
export interface LoadSettings {
  javaScriptEnabled?: boolean;
  /** An IANA zone; the machine's own when not given. */
  timezoneId?: string;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Sets how the page's next loads run, as Playwright's context options `javaScriptEnabled` and `timezoneId` do and
 * with the same DevTools calls, but on the page: a test that loads pages with several settings keeps one page
 * instead of a context (a renderer) for each.
 */
export async function emulate(page: Page, settings: LoadSettings): Promise<void> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  const cdp = await session;
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: settings.javaScriptEnabled === false });
  // An empty zone ends the override: the machine's zone again.
  await cdp.send("Emulation.setTimezoneOverride", { timezoneId: settings.timezoneId ?? "" });
}
