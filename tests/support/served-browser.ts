import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import type { BuildName } from "./build-site.ts";
import { buildDir } from "./site-output.ts";
import { serveBuild, type StaticServer } from "./static-server.ts";

/** Chromium and a local server for one build, shared by the tests of a file. */
export interface ServedBrowser {
  browser: Browser;
  server: StaticServer;
}

/** Serves a build and starts Chromium before a test file's tests, and closes both after them. */
export function useServedBrowser(build: BuildName = "december"): ServedBrowser {
  const served = {} as ServedBrowser;
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
