import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { IMAGE_URL_PATH, imageOptions } from "./image-options.ts";
import type { ImageJob } from "./content-images.ts";
import { fileExists, packageVersion, publishCachedFile, writeCacheFile } from "./output-cache.ts";

/** Where, under eleventy-img's output folder, the list of files each source and option set produced is kept. */
const MANIFEST_FOLDER = "manifests";

/** One file a resized image produced: its name in the cache folder and its site URL. */
interface CachedOutput {
  file: string;
  url: string;
}

/** What a publication did: how many sources had to be resized (the rest came from the cache). */
export interface PublishReport {
  resized: number;
  published: number;
}

/** What shapes the encoded bytes besides the source and options: the encoders. Read once per process. */
let encoders: string | undefined;
function encodersKey(): string {
  encoders ??= ["@11ty/eleventy-img", "sharp"].map((name) => `${name}@${packageVersion(name)}`).join("\n");
  return encoders;
}

/** The cache key of a resize: the source's bytes, the options (formats, widths, URL path) and the encoders' versions. */
export function resizeCacheKey(source: Uint8Array, options: unknown): string {
  return createHash("sha256").update(encodersKey()).update("\0").update(JSON.stringify(options)).update("\0").update(source).digest("hex");
}

/**
 * Writes the images the pages refer to into the output folder, which may be fresh (a test build, a clean
 * deploy, `npm run build`'s scratch folder). Each resize is remembered by a manifest named by the hash of its
 * inputs (src/images/output-cache.ts), listing the files it produced in eleventy-img's cache folder; when the
 * manifest and its files are there, they are linked into place without eleventy-img or sharp, which are only
 * loaded for a source that changed.
 */
export async function publishImages(jobs: readonly ImageJob[], root: string, outputFolder: string): Promise<PublishReport> {
  const unique = new Map(jobs.map((job) => [`${job.kind}:${job.source}:${job.kind === "responsive" ? job.widths.join() : ""}`, job]));
  await mkdir(path.join(outputFolder, IMAGE_URL_PATH), { recursive: true });
  let resized = 0;
  await Promise.all(
    [...unique.values()].map(async (job) => {
      if (job.kind === "copy") {
        await copyFile(path.join(root, job.source), path.join(outputFolder, job.url));
        return;
      }
      const options = imageOptions(job.fallback, job.widths);
      const cacheFolder = path.join(root, options.outputDir);
      const source = path.join(root, job.source);
      const manifest = path.join(cacheFolder, MANIFEST_FOLDER, `${resizeCacheKey(await readFile(source), options)}.json`);
      let outputs = await cachedOutputs(manifest, cacheFolder);
      if (!outputs) {
        outputs = await resize(source, { ...options, outputDir: cacheFolder });
        await writeCacheFile(manifest, JSON.stringify(outputs));
        resized++;
      }
      await Promise.all(outputs.map((output) => publishCachedFile(path.join(cacheFolder, output.file), path.join(outputFolder, output.url))));
    }),
  );
  return { resized, published: unique.size };
}

/** The outputs a manifest lists, if it exists and every file it names is still in the cache folder. */
async function cachedOutputs(manifest: string, cacheFolder: string): Promise<CachedOutput[] | undefined> {
  let outputs: CachedOutput[];
  try {
    outputs = JSON.parse(await readFile(manifest, "utf8")) as CachedOutput[];
  } catch {
    return undefined;
  }
  const present = await Promise.all(outputs.map((output) => fileExists(path.join(cacheFolder, output.file))));
  return present.every(Boolean) ? outputs : undefined;
}

/** Resizes one source with eleventy-img (loaded here, on the first miss), into its cache folder. */
async function resize(source: string, options: ReturnType<typeof imageOptions>): Promise<CachedOutput[]> {
  const { default: Image } = await import("@11ty/eleventy-img");
  // eleventy-img remembers the folders it made by their (relative) path for the life of the process, so a second
  // project built in the same process would find its folder missing.
  await mkdir(options.outputDir, { recursive: true });
  const metadata = await Image(source, options);
  return Object.values(metadata)
    .flatMap((entries) => entries ?? [])
    .map((entry) => ({ file: path.relative(options.outputDir, entry.outputPath).split(path.sep).join("/"), url: entry.url }));
}
