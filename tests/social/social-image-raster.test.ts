import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rasteriseApart } from "../../src/social/social-image-raster.ts";
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

/** What a cache folder holds besides manifests, PNGs and the font's settings: a scratch folder, a partial `.tmp` file. */
const leftovers = (names: string[]) => names.filter((name) => !/^[0-9a-z-]+\.(json|png)$/.test(name) && name !== "fontconfig");

const job = (title: string) => ({ key: `key-${title.toLowerCase().replace(/\W+/g, "-")}`, svg: socialImageSvg({ title, eyebrow: "Article", brand: "Firm", host: "example.com" }) });

describe("social image rasteriser process", () => {
  it("keeps every image it drew in the cache, each under its key, and leaves nothing else there but the font's settings", async () => {
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

  it("fails with the rasteriser's own reason when a card cannot be drawn, starts no card after it, and leaves no half-written file", async () => {
    const cache = await cacheFolder();
    const others = Array.from({ length: 40 }, (_, index) => job(`Card ${index}`));
    await expect(rasteriseApart([{ key: "broken", svg: "<svg" }, ...others], cache)).rejects.toThrow(/^the social images could not be rasterised: .*(svg|SVG|Input)/s);
    const names = await readdir(cache);
    // Only the cards already being drawn beside the broken one were finished.
    expect(names.filter((name) => name.endsWith(".json")).length).toBeLessThan(others.length / 2);
    expect(leftovers(names)).toEqual([]);
  });
});
