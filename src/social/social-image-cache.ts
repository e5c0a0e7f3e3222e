import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileExists, packageVersion, publishCachedFile } from "../images/output-cache.ts";
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
 * Publishes the images into `outputFolder`. Each PNG is kept in `cacheFolder` under the hash of its inputs: a
 * cached one is linked (or copied) into place at once; only the missing ones are rasterised, and only then is
 * eleventy-img (with sharp) loaded, so a build whose titles did not change never loads it.
 */
export async function publishSocialImages(files: readonly SocialImageFile[], cacheFolder: string, outputFolder: string): Promise<SocialImagesReport> {
  const keyed = files.map((file) => ({ ...file, cached: path.join(cacheFolder, `${socialImageCacheKey(file.svg)}.png`) }));
  const present = await Promise.all(keyed.map((file) => fileExists(file.cached)));
  const missing = [...new Map(keyed.filter((_, index) => !present[index]).map((file) => [file.cached, file])).values()];
  if (missing.length > 0) await rasterise(missing, cacheFolder);
  await Promise.all(
    keyed.map(async (file) => {
      const target = path.join(outputFolder, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await publishCachedFile(file.cached, target);
    }),
  );
  return { rendered: missing.length, published: keyed.length };
}

/** Renders the SVGs into the cache folder, named by their keys. */
async function rasterise(files: readonly (SocialImageFile & { cached: string })[], cacheFolder: string): Promise<void> {
  // fontconfig must be pointed at the bundled font before the first text is rendered in this process.
  await useSocialFont(path.join(cacheFolder, "fontconfig"));
  const { default: Image } = await import("@11ty/eleventy-img");
  // eleventy-img remembers the folders it made by path for the life of the process; another project's build may not have it.
  await mkdir(cacheFolder, { recursive: true });
  await Promise.all(
    files.map((file) =>
      Image(Buffer.from(file.svg), {
        formats: ["png"],
        widths: [SOCIAL_IMAGE.width],
        outputDir: cacheFolder,
        filenameFormat: () => path.basename(file.cached),
        svgShortCircuit: false,
        dryRun: false,
        // The key already names the content; eleventy-img's own memory cache would only hold every buffer.
        useCache: false,
      }),
    ),
  );
}
