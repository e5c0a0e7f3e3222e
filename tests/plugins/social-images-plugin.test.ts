import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_MEMORY_MB } from "../../src/build/memory-budget.ts";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { DevRebuilds } from "../../src/eleventy/dev-rebuilds.ts";
import { drawsBesidePages, socialImageJobs, socialImagesPlugin } from "../../src/plugins/social-images-plugin.ts";
import { outputFileOf } from "../../src/urls/site-urls.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { copyWarmCache } from "../support/sample-project.ts";

// The cards are drawn while Eleventy renders the pages, and waited for once they are written: run by Eleventy itself
// on a one-page site with the fixture's model, whose cards are all missing from the cache.

let site: OnePageSite;
let project: string;
let model: SiteModelSource;
beforeAll(async () => {
  site = await onePageSite();
  project = await copyProject("fixture");
  // The content warm, the cards not: every card is drawn.
  await copyWarmCache("fixture", project, ["social-images"]);
  model = new SiteModelSource(project);
});
afterAll(async () => {
  await site.remove();
  await removeFolder(project);
});

/** Builds the one-page site with the social images plugin alone, keeping its cards in `cacheFolder`. */
const build = (cacheFolder: string) => site.build((config) => socialImagesPlugin(config, { model, cacheFolder, dev: new DevRebuilds() }), "build");

describe("the social images plugin", () => {
  it("has every card drawn and in the output, a PNG, once Eleventy has returned", async () => {
    const output = await build(path.join(site.folder, "cards"));
    const jobs = socialImageJobs(await model.get());
    expect(jobs.length).toBeGreaterThan(10);
    for (const job of jobs) expect((await readFile(path.join(output, outputFileOf(job.path)))).subarray(1, 4).toString("latin1"), job.path).toBe("PNG");
  });

  it("fails the build when the cards cannot be drawn, though the pages were rendered meanwhile", async () => {
    // A file where the cache folder should be: no card can be kept, so none is published.
    const blocked = path.join(site.folder, "blocked");
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
