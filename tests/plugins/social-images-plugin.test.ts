import { readFile, writeFile, mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_MEMORY_MB } from "../../src/build/memory-budget.ts";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { DevRebuilds } from "../../src/eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { drawsBesidePages, socialImageJobs, socialImagesPlugin } from "../../src/plugins/social-images-plugin.ts";
import { outputFileOf } from "../../src/urls/site-urls.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { copyWarmCache } from "../support/sample-project.ts";

// The cards are drawn while Eleventy renders the pages, and waited for once they are written: run by Eleventy itself
// on a one-page site with the fixture's model, whose cards are all missing from the cache.

let root: string;
let project: string;
let model: SiteModelSource;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-social-plugin-"));
  await mkdir(path.join(root, "input"));
  await writeFile(path.join(root, "input/index.njk"), "<p>One page.</p>\n");
  // A config file of its own, so that Eleventy does not look for one in the working directory (the repository's).
  await writeFile(path.join(root, "empty-config.mjs"), "export default function () {}\n");
  project = await copyProject("fixture");
  // The content warm, the cards not: every card is drawn.
  await copyWarmCache("fixture", project, ["social-images"]);
  model = new SiteModelSource(project);
});
afterAll(async () => {
  await removeFolder(root);
  await removeFolder(project);
});

/** Builds the one-page site with the social images plugin alone, keeping its cards in `cacheFolder`. */
async function build(cacheFolder: string): Promise<string> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  const output = await mkdtemp(path.join(root, "output-"));
  const previous = process.env.ELEVENTY_RUN_MODE;
  const add = (config: EleventyConfig) => socialImagesPlugin(config, { model, cacheFolder, dev: new DevRebuilds() });
  try {
    const eleventy = new Eleventy(path.join(root, "input"), output, { quietMode: true, configPath: path.join(root, "empty-config.mjs"), runMode: "build", config: add });
    // The failure is the test's to read, not Eleventy's to print (as `npm run build` has it: src/build/build-output.ts).
    (eleventy as unknown as { errorHandler: { logger: unknown } }).errorHandler.logger = new Proxy({}, { get: () => () => undefined });
    await eleventy.write();
  } finally {
    // Eleventy leaves its run mode in process.env, where a later model load in this worker would read it.
    if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = previous;
  }
  return output;
}

describe("the social images plugin", () => {
  it("has every card drawn and in the output, a PNG, once Eleventy has returned", async () => {
    const output = await build(path.join(root, "cards"));
    const jobs = socialImageJobs(await model.get());
    expect(jobs.length).toBeGreaterThan(10);
    for (const job of jobs) expect((await readFile(path.join(output, outputFileOf(job.path)))).subarray(1, 4).toString("latin1"), job.path).toBe("PNG");
  });

  it("fails the build when the cards cannot be drawn, though the pages were rendered meanwhile", async () => {
    // A file where the cache folder should be: no card can be kept, so none is published.
    const blocked = path.join(root, "blocked");
    await writeFile(blocked, "not a folder\n");
    await expect(build(path.join(blocked, "cards"))).rejects.toThrow(/not a directory|ENOTDIR/);
  });

  it("draws beside the pages only while the rasteriser and a run's pages fit in the build's memory budget beside the build", () => {
    // Measured: a build of 4,000 articles holds about 570 MB before its pages render, one of 10,000 about 1,060.
    expect(drawsBesidePages(570)).toBe(true);
    expect(drawsBesidePages(1_060)).toBe(false);
    expect(drawsBesidePages(BUILD_MEMORY_MB)).toBe(false);
    expect(drawsBesidePages(0)).toBe(true);
  });
});
