import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions } from "../../.eleventy.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { BUILD_BATCH_KEY } from "../eleventy/page-batches.ts";

/**
 * The built project's own `.eleventy.ts` (in the working directory, which may be a copy of this repository),
 * called with `options`: Eleventy calls a config file with the config alone, so a config file that needs options
 * calls this.
 */
export async function configureProjectWith(config: EleventyConfig, options: BuildOptions): Promise<unknown> {
  const project = (await import(pathToFileURL(path.resolve(".eleventy.ts")).href)) as typeof import("../../.eleventy.ts");
  return project.default(config, options);
}

/**
 * Eleventy's config file for src/build/build-output.ts: the project's config with `afterEleventy`, so that its
 * plugins leave the check of links to #fragments of written pages, the search index and `_headers` to the caller, and with the run's batch, which the caller leaves
 * on the config object (Eleventy passes a config file nothing else).
 */
export default function configure(config: EleventyConfig): Promise<unknown> {
  const batch = config[BUILD_BATCH_KEY];
  return configureProjectWith(config, { afterEleventy: true, ...(batch ? { batch } : {}) });
}
