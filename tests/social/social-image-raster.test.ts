import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { IN_PROCESS_CARDS, rasterise, rasteriseApart } from "../../src/social/social-image-raster.ts";
import { socialFontconfigFolder } from "../../src/social/social-font.ts";
import { SOCIAL_IMAGE, socialImageSvg } from "../../src/social/social-image-svg.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh cache folder, deleted after the test. */
async function cacheFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-raster-"));
  folders.push(folder);
  return folder;
}

/** What a cache folder holds besides manifests and PNGs: a scratch folder, a partial `.tmp` file. */
const leftovers = (names: string[]) => names.filter((name) => !/^[0-9a-z-]+\.(json|png)$/.test(name));

const job = (title: string) => ({ key: `key-${title.toLowerCase().replace(/\W+/g, "-")}`, svg: socialImageSvg({ title, eyebrow: "Article", brand: "Firm", host: "example.com" }) });

describe("social image rasteriser process", () => {
  it("keeps every image it drew in the cache, each under its key, and leaves nothing else there", async () => {
    const cache = await cacheFolder();
    const jobs = ["One", "Two", "Three", "Four", "Five", "Six"].map(job);
    const stored = await rasteriseApart(jobs, cache);
    expect([...stored.keys()].sort()).toEqual(jobs.map((item) => item.key).sort());
    const names = await readdir(cache);
    for (const item of jobs) expect(names).toContain(`${item.key}.json`);
    expect(new Set([...stored.values()].map((entry) => entry.file)).size).toBe(jobs.length);
    expect(leftovers(names)).toEqual([]);
    // Drawn from memory at the SVG's own size: a PNG a link preview shows uncut.
    const { default: sharp } = await import("sharp");
    for (const entry of stored.values()) {
      expect(await sharp(path.join(cache, entry.file)).metadata()).toMatchObject({ format: "png", width: SOCIAL_IMAGE.width, height: SOCIAL_IMAGE.height });
    }
  });

  it("draws a few cards in the build's own process, with the bundled font, to the same bytes as its own process draws", async () => {
    const [here, apart] = [await cacheFolder(), await cacheFolder()];
    const jobs = ["Kubernetes for Administrators", "Über-long Title: Ångström & Co"].map(job);
    const inProcess = await rasterise(jobs, here);
    // Only a drawing in this process points this process's fontconfig at the bundled font.
    expect(process.env.FONTCONFIG_FILE).toBe(path.join(socialFontconfigFolder(), "fonts.conf"));
    const inChild = await rasteriseApart(jobs, apart);
    for (const { key } of jobs) {
      expect(await readFile(path.join(here, inProcess.get(key)!.file))).toEqual(await readFile(path.join(apart, inChild.get(key)!.file)));
    }
    expect(leftovers(await readdir(here))).toEqual([]);
  });

  it.each([
    ["in the build's own process", IN_PROCESS_CARDS - 1],
    ["in the rasteriser's process", 40],
  ])("fails with the rasteriser's own reason when a card cannot be drawn %s, starts no card after it, and leaves no half-written file", async (_, count) => {
    const cache = await cacheFolder();
    const others = Array.from({ length: count }, (_, index) => job(`Card ${index}`));
    await expect(rasterise([{ key: "broken", svg: "<svg" }, ...others], cache)).rejects.toThrow(/^the social images could not be rasterised: .*(svg|SVG|Input)/s);
    const names = await readdir(cache);
    // Only the cards already being drawn beside the broken one were finished.
    expect(names.filter((name) => name.endsWith(".json")).length).toBeLessThan(others.length / 2);
    expect(leftovers(names)).toEqual([]);
  });
});
