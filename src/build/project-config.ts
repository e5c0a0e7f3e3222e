import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions } from "../../.eleventy.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/**
 * Configures Eleventy as the built project's own `.eleventy.ts` does (in the working directory, which may be a copy
 * of this repository), with `options`: Eleventy calls a config file with the config alone, so a build that needs
 * options passes this as Eleventy's `config` function (src/build/build-output.ts, a test's reference build) and
 * names no config file. The project's modules are then loaded by whoever loaded this one (tsx in a command, vitest
 * in a test), once, and Eleventy imports no TypeScript itself (src/plugins/typescript-templates-plugin.ts).
 */
export async function configureProjectWith(config: EleventyConfig, options: BuildOptions): Promise<void> {
  const project = (await import(pathToFileURL(path.resolve(".eleventy.ts")).href)) as typeof import("../../.eleventy.ts");
  project.default(config, options);
}
