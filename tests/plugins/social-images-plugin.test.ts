import { existsSync } from "node:fs";
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

// The cards are drawn while Eleventy renders the pages (or before them, when memory is short), and waited for once the
// pages are written: run by Eleventy itself on a one-page site with the fixture's model, whose cards are all missing
// from the cache.

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

/** What a build of the one-page site with the plugin alone wrote, and how many cards its output held when the pages began. */
interface CardsBuild {
  output: string;
  cardsAtPages: number;
}

/**
 * Builds the one-page site with the social images plugin alone, keeping its cards in `cacheFolder` and drawing them
 * beside the pages or before them. Listeners run in order, as the site's config has them: the one after the plugin's
 * counts the cards in the output when the pages begin.
 */
async function build(cacheFolder: string, besidePages: boolean): Promise<CardsBuild> {
  let cardsAtPages = Number.NaN;
  const output = await site.build((config) => {
    config.setEventEmitterMode("sequential");
    socialImagesPlugin(config, { model, cacheFolder, dev: new DevRebuilds(), besidePages: () => besidePages });
    config.on("eleventy.before", async ({ directories }) => {
      const jobs = socialImageJobs(await model.get());
      cardsAtPages = jobs.filter((job) => existsSync(path.join(directories.output, outputFileOf(job.path)))).length;
    });
  }, "build");
  return { output, cardsAtPages };
}

describe("the social images plugin", () => {
  it.each([true, false])("has every card drawn and in the output, a PNG, once Eleventy has returned (drawn beside the pages: %s)", async (besidePages) => {
    const { output, cardsAtPages } = await build(path.join(site.folder, `cards-${besidePages}`), besidePages);
    const jobs = socialImageJobs(await model.get());
    expect(jobs.length).toBeGreaterThan(10);
    for (const job of jobs) expect((await readFile(path.join(output, outputFileOf(job.path)))).subarray(1, 4).toString("latin1"), job.path).toBe("PNG");
    // Beside the pages, the rasteriser's process had not even started drawing when the pages began; before them, it had finished.
    expect(cardsAtPages).toBe(besidePages ? 0 : jobs.length);
  });

  it.each([true, false])("fails the build when the cards cannot be drawn (drawn beside the pages: %s)", async (besidePages) => {
    // A file where the cache folder should be: no card can be kept, so none is published.
    const blocked = path.join(site.folder, `blocked-${besidePages}`);
    await writeFile(blocked, "not a folder\n");
    await expect(build(path.join(blocked, "cards"), besidePages)).rejects.toThrow(/not a directory|ENOTDIR/);
  });

  it("draws beside the pages only while the rasteriser and a run's pages fit in the build's memory budget beside the build", () => {
    // Measured: a build of 4,000 articles holds about 570 MB before its pages render, one of 10,000 about 1,030.
    expect(drawsBesidePages(570)).toBe(true);
    expect(drawsBesidePages(1_030)).toBe(false);
    expect(drawsBesidePages(BUILD_MEMORY_MB)).toBe(false);
    expect(drawsBesidePages(0)).toBe(true);
  });
});
