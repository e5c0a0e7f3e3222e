import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { silenceErrorReports } from "../../src/eleventy/silent-errors.ts";
import { removeFolder } from "./project-copy.ts";

/** A site of one page, for running one plugin through Eleventy itself. */
export interface OnePageSite {
  /**
   * Builds the page with the plugins `add` registers, in `runMode`, into a new output folder, which it returns.
   * `reportsErrors: true` lets Eleventy print its own report of an error, for the test of silencing it.
   */
  build(add: (config: EleventyConfig) => void, runMode: "build" | "watch", options?: { reportsErrors?: boolean }): Promise<string>;
  /** A folder of the site's own, for a test's caches and files. */
  folder: string;
  remove(): Promise<void>;
}

/**
 * Makes a one-page site in a new temporary folder. Its builds do not print Eleventy's report of an error unless asked:
 * the error is the caller's to read, as `npm run build` has it (src/build/build-output.ts). Eleventy leaves its run mode in
 * process.env, where a later model load in the same worker would read it: each build puts it back as it was.
 */
export async function onePageSite(): Promise<OnePageSite> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-one-page-"));
  await mkdir(path.join(folder, "input"));
  await writeFile(path.join(folder, "input/index.njk"), "<p>One page.</p>\n");
  // A config file of its own, so that Eleventy does not look for one in the working directory (the repository's).
  await writeFile(path.join(folder, "empty-config.mjs"), "export default function () {}\n");
  return {
    folder,
    async build(add, runMode, options = {}) {
      const { default: Eleventy } = await import("@11ty/eleventy");
      const output = await mkdtemp(path.join(folder, "output-"));
      const previous = process.env.ELEVENTY_RUN_MODE;
      try {
        const eleventy = new Eleventy(path.join(folder, "input"), output, { quietMode: true, configPath: path.join(folder, "empty-config.mjs"), runMode, config: add });
        if (!options.reportsErrors) silenceErrorReports(eleventy);
        await eleventy.write();
      } finally {
        if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
        else process.env.ELEVENTY_RUN_MODE = previous;
      }
      return output;
    },
    remove: () => removeFolder(folder),
  };
}
