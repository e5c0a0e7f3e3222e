import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { IMAGE_URL_PATH, imageOptions } from "./image-options.ts";
import type { ImageJob } from "./content-images.ts";

/**
 * Writes the images the pages refer to into the output folder. eleventy-img names each file by a hash of the
 * source's bytes and skips files already in its cache folder, so an unchanged image is only copied; the files
 * are then copied from the cache to the site, because the output folder may be fresh (a test build, a clean deploy).
 */
export async function publishImages(jobs: readonly ImageJob[], root: string, outputFolder: string): Promise<void> {
  const unique = new Map(jobs.map((job) => [`${job.kind}:${job.source}:${job.kind === "responsive" ? job.widths.join() : ""}`, job]));
  await mkdir(path.join(outputFolder, IMAGE_URL_PATH), { recursive: true });
  await Promise.all(
    [...unique.values()].map(async (job) => {
      if (job.kind === "copy") {
        await copyFile(path.join(root, job.source), path.join(outputFolder, job.url));
        return;
      }
      const options = imageOptions(job.fallback, job.widths);
      const metadata = await Image(path.join(root, job.source), { ...options, outputDir: path.join(root, options.outputDir) });
      const files = Object.values(metadata).flatMap((entries) => entries ?? []);
      await Promise.all(files.map((file) => copyFile(file.outputPath, path.join(outputFolder, file.url))));
    }),
  );
}
