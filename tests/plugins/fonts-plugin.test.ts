import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetManifest, isFingerprinted } from "../../src/assets/fingerprint.ts";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { fontsPlugin } from "../../src/plugins/fonts-plugin.ts";
import { fontUrl, outputFileOf } from "../../src/urls/site-urls.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";
import { REPO_ROOT } from "../support/project-copy.ts";
import { allFiles, buildDir, fileForUrl, stylesheetFontUrls } from "../support/site-output.ts";

describe("the site's fonts in a build", () => {
  it("are each published under its content's hash, and are exactly the files the stylesheet's url()s load", async () => {
    const dir = buildDir("december");
    const fonts = (await allFiles(dir)).filter((file) => file.startsWith("/assets/fonts/"));
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    expect(fonts.filter((file) => !isFingerprinted(file, readFileSync(fileForUrl(dir, file))))).toEqual([]);
    expect(stylesheetFontUrls(dir).sort()).toEqual(fonts);
  });
});

describe("fontsPlugin", () => {
  let site: OnePageSite;
  beforeAll(async () => {
    site = await onePageSite();
  });
  afterAll(() => site.remove());

  it("has written every font when a build that fails on its data returns: `npm run build` removes that output next", async () => {
    const file = path.join(REPO_ROOT, "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2");
    const assets = new AssetManifest();
    let output = "";
    const add = (config: EleventyConfig) => {
      config.on("eleventy.before", ({ directories }) => void (output = directories.output));
      config.addPlugin(fontsPlugin, { files: [file], assets });
      // As a content error does: the data fails while Eleventy is about to render the pages.
      config.addGlobalData("failing", () => {
        throw new Error("data that fails on purpose");
      });
    };
    await expect(site.build(add, "build")).rejects.toThrow(/fails on purpose/);
    const written = path.join(output, outputFileOf(assets.url(fontUrl(path.basename(file)))));
    expect(readFileSync(written).equals(readFileSync(file))).toBe(true);
  });
});
