import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { DevRebuilds } from "../../src/eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { netlifyFilesPlugin } from "../../src/plugins/netlify-files-plugin.ts";
import { pagefindPlugin } from "../../src/plugins/pagefind-plugin.ts";
import { socialImagesPlugin } from "../../src/plugins/social-images-plugin.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { searchedFiles } from "../../src/search/search-bundles.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";
import { copyProject } from "../support/project-copy.ts";
import { copyWarmCache } from "../support/sample-project.ts";

/**
 * The options that let a test's reference build leave out the first-build-only steps (tests/support/
 * reference-build-config.ts) must never reach a deploy: each plugin, run by Eleventy itself on a one-page site,
 * stops a build for the web that carries its option, and a development build with it goes through.
 */

let site: OnePageSite;
let root: string;
beforeAll(async () => {
  site = await onePageSite();
  root = site.folder;
});
afterAll(() => site.remove());

/** Each plugin with its option off, and the words of its refusal. */
const LEFT_OUT: { plugin: string; add: (config: EleventyConfig) => void; refusal: RegExp }[] = [
  {
    plugin: "socialImagesPlugin",
    add: (config) => socialImagesPlugin(config, { model: new SiteModelSource(root), cacheFolder: path.join(root, "cache"), dev: new DevRebuilds(), writeImages: false }),
    refusal: /socialImagesPlugin: a build for the web .* always writes the social images/,
  },
  {
    plugin: "netlifyFilesPlugin",
    add: (config) => netlifyFilesPlugin(config, { model: new SiteModelSource(root), dev: new DevRebuilds(), writeHeaders: false }),
    refusal: /netlifyFilesPlugin: a build for the web .* always writes _headers/,
  },
  {
    plugin: "pagefindPlugin",
    add: (config) => pagefindPlugin(config, { model: new SiteModelSource(root), bundleFolder: "pagefind", dev: new DevRebuilds(), writeIndex: false }),
    refusal: /pagefindPlugin: a build for the web .* always writes the search index/,
  },
];

/** Builds the one-page site with only `add`'s plugins, in `runMode`. */
const build = (add: (config: EleventyConfig) => void, runMode: "build" | "watch") => site.build(add, runMode);

describe("steps a reference build leaves out", () => {
  for (const { plugin, add, refusal } of LEFT_OUT) {
    it(`${plugin} stops a build for the web that would leave its files out`, async () => {
      await expect(build(add, "build")).rejects.toThrow(refusal);
    });
  }

  it("leave the search index to src/build/build-output.ts when it builds (afterEleventy), in a build for the web too, noting the page table's searched pages for it", async () => {
    // The fixture's model (warm), so that the plugin has a page table to note the searched pages of.
    const project = await copyProject("fixture");
    await copyWarmCache("fixture", project);
    const model = new SiteModelSource(project);
    const noted: (readonly string[])[] = [];
    const output = await build((config) => {
      pagefindPlugin(config, { model, bundleFolder: "pagefind", dev: new DevRebuilds(), indexAfterEleventy: true });
      config.on("hsg.searchedFiles", (files) => noted.push(files));
    }, "build");
    expect(existsSync(path.join(output, "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "pagefind"))).toBe(false);
    expect(noted).toEqual([searchedFiles(pageTableOf(await model.get()))]);
    expect(noted[0]!.length).toBeGreaterThan(0);
  });

  it("are left out of a development build that asks for it", async () => {
    const output = await build((config) => {
      LEFT_OUT[0]!.add(config);
      LEFT_OUT[2]!.add(config);
    }, "watch");
    expect(existsSync(path.join(output, "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "pagefind"))).toBe(false);
    expect(existsSync(path.join(output, "assets"))).toBe(false);
  });
});
