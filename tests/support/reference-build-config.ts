import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";

/**
 * Eleventy's config file for a reference build without the search index (buildSite's `searchIndex: false`): the
 * built project's own `.eleventy.ts`, found in the working directory that buildSite moves to, called with
 * `searchIndex: false`. Only a development build accepts that option: a production build with it fails.
 */
export default async function configure(config: EleventyConfig): Promise<unknown> {
  const project = (await import(pathToFileURL(path.resolve(".eleventy.ts")).href)) as typeof import("../../.eleventy.ts");
  return project.default(config, { searchIndex: false });
}
