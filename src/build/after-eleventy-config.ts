import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions } from "../../.eleventy.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/**
 * Eleventy's config file for src/build/build-output.ts: the built project's own `.eleventy.ts` (in the working
 * directory), called with `afterEleventy`, so that its plugins leave the search index and `_headers` to the caller.
 */
export default async function configure(config: EleventyConfig): Promise<unknown> {
  const project = (await import(pathToFileURL(path.resolve(".eleventy.ts")).href)) as typeof import("../../.eleventy.ts");
  const options: BuildOptions = { afterEleventy: true };
  return project.default(config, options);
}
