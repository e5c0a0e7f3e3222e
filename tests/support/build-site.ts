import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";

export { REPO_ROOT };

/** The clocks the build tests run at: the two reference moments. */
export const CLOCKS = {
  december: "2026-12-01T09:00:00-07:00",
  march: "2027-03-01T00:00:00-07:00",
} as const;

/**
 * Which build to look at: the tests' fixture content at each clock (and as a development build), or the
 * real sample content at the December clock ("sample"), which only content-independent checks read.
 */
export type BuildName = keyof typeof CLOCKS | "development" | "sample";

/**
 * Builds the project at `projectRoot` with Eleventy's programmatic API, its production configuration, into
 * `outputFolder` or a fresh temporary folder, at the clock `siteNow`; rejects where the CLI build would fail.
 * `runMode: "watch"` gives a development build (drafts shown) without starting a watcher.
 */
export async function buildSite(projectRoot: string, siteNow: string, runMode: "build" | "watch" = "build", outputFolder?: string): Promise<string> {
  const { register } = await import("tsx/esm/api");
  register();
  const { default: Eleventy } = await import("@11ty/eleventy");
  const output = outputFolder ?? (await mkdtemp(path.join(os.tmpdir(), "hsg-site-")));
  const previousNow = process.env.SITE_NOW;
  const previousCwd = process.cwd();
  process.env.SITE_NOW = siteNow;
  process.chdir(projectRoot);
  try {
    const eleventy = new Eleventy(undefined, output, { quietMode: true, configPath: ".eleventy.ts", runMode });
    await eleventy.write();
  } finally {
    process.chdir(previousCwd);
    if (previousNow === undefined) delete process.env.SITE_NOW;
    else process.env.SITE_NOW = previousNow;
  }
  return output;
}
