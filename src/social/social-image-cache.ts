import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { isStoredFileIntact, packageVersion, publishCachedFile, readManifest, type StoredFile } from "../images/output-cache.ts";
import { manifestOf, rasterise, SOCIAL_PNG_OPTIONS } from "./social-image-raster.ts";

/** One image to publish: its SVG and where it goes, relative to the output folder. */
export interface SocialImageFile {
  svg: string;
  path: string;
}

/** What a publication did: how many images had to be rasterised (the rest came from the cache). */
export interface SocialImagesReport {
  rendered: number;
  published: number;
}

/** What the PNG depends on besides its SVG (which states its size): the rasteriser, the font and the PNG options. Read once per process. */
let renderer: string | undefined;
function rendererKey(): string {
  renderer ??= ["sharp", "dejavu-fonts-ttf"].map((name) => `${name}@${packageVersion(name)}`).concat(`png ${JSON.stringify(SOCIAL_PNG_OPTIONS)}`).join("\n");
  return renderer;
}

/** The cache name of an image: a hash of its SVG and everything else that shapes its pixels. */
export function socialImageCacheKey(svg: string): string {
  return createHash("sha256").update(rendererKey()).update("\0").update(svg).digest("hex").slice(0, 32);
}

/**
 * Publishes the images into `outputFolder`. Each PNG is kept in `cacheFolder` under the hash of its bytes, named
 * by a sealed manifest `<key>.json` (the key hashes its inputs) that records its length and hash: a cached one
 * whose file is intact is linked (or copied) into place at once; only the missing or damaged ones are
 * rasterised (src/social/social-image-raster.ts: a few in this process, more by a child process started only then),
 * so a build whose titles did not change draws none.
 */
export async function publishSocialImages(files: readonly SocialImageFile[], cacheFolder: string, outputFolder: string): Promise<SocialImagesReport> {
  const keyed = files.map((file) => ({ ...file, key: socialImageCacheKey(file.svg) }));
  const stored = new Map<string, StoredFile>();
  await Promise.all(
    keyed.map(async (file) => {
      const entry = (await readManifest(manifestOf(cacheFolder, file.key), file.key)) as StoredFile | undefined;
      if (entry && (await isStoredFileIntact(cacheFolder, entry))) stored.set(file.key, entry);
    }),
  );
  const missing = [...new Map(keyed.filter((file) => !stored.has(file.key)).map((file) => [file.key, file])).values()];
  if (missing.length > 0) for (const [key, entry] of await rasterise(missing, cacheFolder)) stored.set(key, entry);
  await Promise.all(
    keyed.map(async (file) => {
      const target = path.join(outputFolder, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await publishCachedFile(path.join(cacheFolder, stored.get(file.key)!.file), target);
    }),
  );
  return { rendered: missing.length, published: keyed.length };
}
