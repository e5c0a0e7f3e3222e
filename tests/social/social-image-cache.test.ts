import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishSocialImages, socialImageCacheKey } from "../../src/social/social-image-cache.ts";
import { socialImageSvg } from "../../src/social/social-image-svg.ts";

const card = (title: string) => socialImageSvg({ title, eyebrow: "Article", brand: "Firm", host: "example.com" });

describe("social image cache", () => {
  it("names an image by its SVG, so a changed title gets a new file", () => {
    expect(socialImageCacheKey(card("One"))).toBe(socialImageCacheKey(card("One")));
    expect(socialImageCacheKey(card("One"))).not.toBe(socialImageCacheKey(card("Two")));
  });

  it("rasterises only what the cache lacks and publishes the same bytes from it into a fresh output folder", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-social-"));
    const cache = path.join(folder, "cache");
    const files = [
      { svg: card("Planning a quarter"), path: "/social/articles/a.png" },
      { svg: card("Testing with care"), path: "/social/articles/b.png" },
    ];
    const first = await publishSocialImages(files, cache, path.join(folder, "site-1"));
    expect(first).toEqual({ rendered: 2, published: 2 });

    const second = await publishSocialImages(files, cache, path.join(folder, "site-2"));
    expect(second).toEqual({ rendered: 0, published: 2 });
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(folder, "site-1", file.path)), readFile(path.join(folder, "site-2", file.path))]);
      expect(a.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(b.equals(a)).toBe(true);
      expect((await stat(path.join(folder, "site-2", file.path))).size).toBe(a.length);
    }

    const third = await publishSocialImages([...files, { svg: card("A new title"), path: "/social/articles/c.png" }], cache, path.join(folder, "site-3"));
    expect(third).toEqual({ rendered: 1, published: 3 });
    expect((await readdir(cache)).filter((name) => name.endsWith(".png"))).toHaveLength(3);
  });
});
