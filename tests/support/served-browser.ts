import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { clockOf, type BuildName } from "./build-site.ts";
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
}

/** Serves a build and starts Chromium before a test file's tests, and closes both after them. */
export function useServedBrowser(build: BuildName = "december"): ServedBrowser {
  const served = {
    async newContext(options?: BrowserContextOptions) {
      const context = await served.browser.newContext(options);
      await context.clock.setFixedTime(new Date(clockOf(build)));
      return context;
    },
  } as ServedBrowser;
  beforeAll(async () => {
    served.server = await serveBuild(buildDir(build));
    served.browser = await launchChromium();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
