import { mkdtemp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareImage, type ImageScope } from "../../src/images/content-images.ts";
import { IMAGE_URL_PATH } from "../../src/urls/site-urls.ts";
import { publishImages } from "../../src/images/publish-images.ts";

let root: string;
const scope = (): ImageScope => ({ root, file: "content/articles/post/index.md", folder: "content/articles/post", problems: [], jobs: [] });
const photo = (background: string) => sharp({ create: { width: 500, height: 300, channels: 3, background } }).jpeg().toFile(path.join(root, "content/articles/post/desk.jpg"));

/** Every file published under the images path, with its bytes. */
async function published(site: string): Promise<Map<string, Buffer>> {
  const folder = path.join(site, IMAGE_URL_PATH);
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name))] as const)));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-publish-"));
  await mkdir(path.join(root, "content/articles/post"), { recursive: true });
  await photo("#336699");
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("publishing content images", () => {
  it("resizes a source once, then publishes the same files from the cache into a fresh output folder", async () => {
    const images = scope();
    const prepared = prepareImage(images, "desk.jpg", 1, "body")!;
    const srcsets = [prepared.srcset!, ...prepared.sources.map((source) => source.srcset)];
    const urls = [prepared.src, ...srcsets.flatMap((srcset) => srcset.split(", ").map((entry) => entry.split(" ")[0]!))];

    expect(await publishImages(images.jobs, root, path.join(root, "site-1"))).toEqual({ resized: 1, published: 1 });
    expect(await publishImages(images.jobs, root, path.join(root, "site-2"))).toEqual({ resized: 0, published: 1 });

    const [first, second] = await Promise.all([published(path.join(root, "site-1")), published(path.join(root, "site-2"))]);
    // Every URL the page names is there (AVIF, WebP, JPEG at 400 and 500 pixels), and nothing else.
    expect([...first.keys()].map((name) => IMAGE_URL_PATH + name).sort()).toEqual([...new Set(urls)].sort());
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes)).toBe(true);
  });

  it("resizes again when the source's bytes change, even at the same size, and publishes under the new names", async () => {
    await photo("#993366");
    const images = scope();
    const prepared = prepareImage(images, "desk.jpg", 1, "body")!;
    expect(await publishImages(images.jobs, root, path.join(root, "site-3"))).toEqual({ resized: 1, published: 1 });
    expect([...(await published(path.join(root, "site-3"))).keys()]).toContain(path.posix.basename(prepared.src));
  });
});
