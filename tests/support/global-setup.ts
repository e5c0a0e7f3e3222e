import type { TestProject } from "vitest/node";
import { buildSite, CLOCKS } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builds: { december: string; march: string; development: string };
  }
}

/** Builds the sample site at each reference clock once for the whole run, and tells the tests where. */
export default async function setup(project: TestProject): Promise<void> {
  const december = await buildSite(CLOCKS.december);
  const march = await buildSite(CLOCKS.march);
  const development = await buildSite(CLOCKS.december, "watch");
  project.provide("builds", { december, march, development });
}
