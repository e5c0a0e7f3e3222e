import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { IMAGE_CACHE_FOLDER, imageOptions } from "./image-options.ts";
import { IMAGE_URL_PATH } from "../urls/site-urls.ts";
import type { ImageJob } from "./content-images.ts";
import { isStoredFileIntact, packageVersion, publishCachedFile, readManifest, storeFile, withScratchFolder, writeManifest, type StoredFile } from "./output-cache.ts";
import { withoutPngText } from "./png-text.ts";
import { cachedSvgCheck } from "./svg-check-cache.ts";

/** Where, under eleventy-img's output folder, the list of files each source and option set produced is kept. */
const MANIFEST_FOLDER = "manifests";

/** One file a resized image produced: its name, length and hash in the cache folder, and its site URL. */
interface CachedOutput extends StoredFile {
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
 * deploy, `npm run build`'s scratch folder). Each resize is remembered by a sealed manifest named by the hash of
 * its inputs, listing the files it produced, each kept in eleventy-img's cache folder under the hash of its
 * bytes (src/images/output-cache.ts). A file is linked into place only after its length and hash are checked;
 * if any is missing or differs, the source is resized again (eleventy-img and sharp are loaded only then), into
 * a scratch folder of this run, so a build killed half-way leaves nothing a later build would publish. SVGs
 * are published as src/images/sanitize-svg.ts cleans them, read again from the source.
 */
export async function publishImages(jobs: readonly ImageJob[], root: string, outputFolder: string): Promise<PublishReport> {
  const unique = new Map(jobs.map((job) => [`${job.kind}:${job.source}:${job.kind === "responsive" ? job.widths.join() : ""}`, job]));
  await mkdir(path.join(outputFolder, IMAGE_URL_PATH), { recursive: true });
  let resized = 0;
  await Promise.all(
    [...unique.values()].map(async (job) => {
      if (job.kind === "copy") {
        await writeFile(path.join(outputFolder, job.url), await cleanSvg(root, job.source));
        return;
      }
      const options = imageOptions(job.fallback, job.widths);
      const cacheFolder = path.join(root, options.outputDir);
      const source = path.join(root, job.source);
      const key = resizeCacheKey(await readFile(source), options);
      const manifest = path.join(cacheFolder, MANIFEST_FOLDER, `${key}.json`);
      let outputs = await cachedOutputs(manifest, key, cacheFolder);
      if (!outputs) {
        outputs = await resize(source, options, cacheFolder);
        await writeManifest(manifest, key, outputs);
        resized++;
      }
      await Promise.all(outputs.map((output) => publishCachedFile(path.join(cacheFolder, output.file), path.join(outputFolder, output.url))));
    }),
  );
  return { resized, published: unique.size };
}

/**
 * An SVG source as it is published: cleaned, or the build stops naming the file (the check refuses it first).
 * The verdict on the same bytes is kept under `.cache/images/svg/` (src/images/svg-check-cache.ts).
 */
async function cleanSvg(root: string, source: string): Promise<string> {
  const checked = await cachedSvgCheck(readFileSync(path.join(root, source), "utf8"), path.join(root, IMAGE_CACHE_FOLDER, "svg"));
  if ("problem" in checked) throw new Error(`${source}: image: the picture ${checked.problem}`);
  return checked.svg;
}

// What a manifest may name: a site path in the pictures' folder, with no folder or odd character of its own.
const PICTURE_URL = new RegExp(`^${IMAGE_URL_PATH.replace(/\//g, "\\/")}[A-Za-z0-9_-]+\\.(?:avif|webp|png|jpeg)$`);

/** The outputs a manifest lists, if it is intact, written for this key, and every file it names is intact in the cache folder. */
async function cachedOutputs(manifest: string, key: string, cacheFolder: string): Promise<CachedOutput[] | undefined> {
  const entries = await readManifest(manifest, key);
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const outputs = entries as CachedOutput[];
  if (!outputs.every((output) => typeof output.url === "string" && PICTURE_URL.test(output.url))) return undefined;
  const intact = await Promise.all(outputs.map((output) => isStoredFileIntact(cacheFolder, output)));
  return intact.every(Boolean) ? outputs : undefined;
}

/** Resizes one source with eleventy-img (loaded here, on the first miss) into a scratch folder, then keeps each file in the cache folder under its hash. */
async function resize(source: string, options: ReturnType<typeof imageOptions>, cacheFolder: string): Promise<CachedOutput[]> {
  const { default: Image } = await import("@11ty/eleventy-img");
  return withScratchFolder(cacheFolder, async (scratch) => {
    // useCache: false, or eleventy-img would skip a file it finds on disk, or hand back one it made earlier in this process.
    const metadata = await Image(source, { ...options, outputDir: scratch, useCache: false });
    const made = Object.values(metadata).flatMap((entries) => entries ?? []);
    await Promise.all((metadata.png ?? []).map(async (entry) => writeFile(entry.outputPath, withoutPngText(await readFile(entry.outputPath)))));
    return Promise.all(made.map(async (entry) => ({ ...(await storeFile(cacheFolder, entry.outputPath)), url: entry.url })));
  });
}
