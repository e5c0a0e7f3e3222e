import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { isStoredFileIntact, packageVersion, publishCachedFile, readManifest, storeFile, withScratchFolder, writeManifest, type StoredFile } from "../images/output-cache.ts";
import { useSocialFont } from "./social-font.ts";
import { SOCIAL_IMAGE } from "./social-image-svg.ts";

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

/** What the PNG depends on besides its SVG: the rasteriser, the font and the size. Read once per process. */
let renderer: string | undefined;
function rendererKey(): string {
  renderer ??= ["@11ty/eleventy-img", "sharp", "dejavu-fonts-ttf"].map((name) => `${name}@${packageVersion(name)}`).concat(`${SOCIAL_IMAGE.width}w png`).join("\n");
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
 * rasterised, into a scratch folder of this run and then moved into the cache, and only then is eleventy-img
 * (with sharp) loaded, so a build whose titles did not change never loads it.
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

/** Where the manifest of a key is kept. */
function manifestOf(cacheFolder: string, key: string): string {
  return path.join(cacheFolder, `${key}.json`);
}

/** Renders the SVGs into a scratch folder, then keeps each PNG in the cache folder under its hash, with its manifest. */
async function rasterise(files: readonly (SocialImageFile & { key: string })[], cacheFolder: string): Promise<Map<string, StoredFile>> {
  // fontconfig must be pointed at the bundled font before the first text is rendered in this process.
  await useSocialFont(path.join(cacheFolder, "fontconfig"));
  const { default: Image } = await import("@11ty/eleventy-img");
  return withScratchFolder(cacheFolder, async (scratch) => {
    const entries = await Promise.all(
      files.map(async (file) => {
        const metadata = await Image(Buffer.from(file.svg), {
          formats: ["png"],
          widths: [SOCIAL_IMAGE.width],
          outputDir: scratch,
          filenameFormat: () => `${file.key}.png`,
          svgShortCircuit: false,
          dryRun: false,
          // The key already names the content; eleventy-img's own caches would only hold every buffer, or skip a file on disk.
          useCache: false,
        });
        const entry = await storeFile(cacheFolder, metadata.png![0]!.outputPath);
        await writeManifest(manifestOf(cacheFolder, file.key), file.key, entry);
        return [file.key, entry] as const;
      }),
    );
    return new Map(entries);
  });
}
