import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rasteriseApart } from "../../src/social/social-image-raster.ts";
import { socialImageSvg } from "../../src/social/social-image-svg.ts";

describe("social image rasteriser process", () => {
  it("keeps every image it drew in the cache, each under its key, and leaves no scratch folder", async () => {
    const cache = await mkdtemp(path.join(os.tmpdir(), "hsg-raster-"));
    const jobs = ["One", "Two", "Three", "Four", "Five", "Six"].map((title) => ({ key: `key-${title.toLowerCase()}`, svg: socialImageSvg({ title, eyebrow: "Article", brand: "Firm", host: "example.com" }) }));
    const stored = await rasteriseApart(jobs, cache);
    expect([...stored.keys()].sort()).toEqual(jobs.map((job) => job.key).sort());
    const names = await readdir(cache);
    for (const job of jobs) expect(names).toContain(`${job.key}.json`);
    expect(new Set([...stored.values()].map((entry) => entry.file)).size).toBe(jobs.length);
    expect(names.filter((name) => name.startsWith(".scratch"))).toEqual([]);
  });

  it("fails the build with the rasteriser's own reason when an image cannot be drawn", async () => {
    const cache = await mkdtemp(path.join(os.tmpdir(), "hsg-raster-"));
    await expect(rasteriseApart([{ key: "broken", svg: "<svg" }], cache)).rejects.toThrow(/^the social images could not be rasterised: .*(svg|SVG|Input)/s);
  });
});
