import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { storeFile, withScratchFolder, writeManifest, type StoredFile } from "../images/output-cache.ts";
import { useSocialFont } from "./social-font.ts";
import { SOCIAL_IMAGE } from "./social-image-svg.ts";

/** One image to rasterise: its SVG and the cache key it is kept under. */
export interface RasterJob {
  key: string;
  svg: string;
}

/** What the child process is sent: the images and the cache they go into. */
interface RasterRequest {
  jobs: RasterJob[];
  cacheFolder: string;
}

/** What it answers: each key's stored PNG, or why it failed. */
type RasterReply = { entries: [string, StoredFile][] } | { error: string };

/** Images in flight at once: sharp spreads them over its own threads, so a few keep both cores busy and memory flat. */
const IN_FLIGHT = 8;

/** Where the manifest of a key is kept. */
export function manifestOf(cacheFolder: string, key: string): string {
  return path.join(cacheFolder, `${key}.json`);
}

const CHILD = fileURLToPath(new URL("./social-image-raster-child.ts", import.meta.url));

/**
 * Rasterises the images in a child process and returns each key's stored PNG. sharp's native memory (about 200 MB
 * over a few thousand images, which glibc keeps once it has it) then never adds to the build's own, which at that
 * point holds the site model (docs/PERFORMANCE.md, "Memory"); it leaves with the child. The child loads the
 * TypeScript through tsx, as the build itself does.
 */
export function rasteriseApart(jobs: readonly RasterJob[], cacheFolder: string): Promise<Map<string, StoredFile>> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = fork(CHILD, [], { execArgv: ["--import", tsx], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    let reply: RasterReply | undefined;
    child.once("message", (message) => (reply = message as RasterReply));
    child.once("error", reject);
    // "close", not "exit": a long answer may still be arriving when the child has ended.
    child.once("close", (code, signal) => {
      if (reply && "entries" in reply) resolve(new Map(reply.entries));
      else reject(new Error(`the social images could not be rasterised: ${reply && "error" in reply ? reply.error : `the rasteriser stopped (${signal ?? `exit code ${code}`})`}`));
    });
    child.send({ jobs: [...jobs], cacheFolder: path.resolve(cacheFolder) } satisfies RasterRequest);
  });
}

/**
 * The child's work: renders the SVGs into a scratch folder, a few at a time, then keeps each PNG in the cache
 * folder under its hash, with its manifest.
 */
export async function rasteriseHere(jobs: readonly RasterJob[], cacheFolder: string): Promise<[string, StoredFile][]> {
  // fontconfig must be pointed at the bundled font before the first text is rendered in this process.
  await useSocialFont(path.join(cacheFolder, "fontconfig"));
  const { default: Image } = await import("@11ty/eleventy-img");
  // libvips's cache of operations only holds memory here: no two cards are the same.
  (await import("sharp")).default.cache(false);
  return withScratchFolder(cacheFolder, async (scratch) => {
    const entries: [string, StoredFile][] = [];
    let next = 0;
    const worker = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const metadata = await Image(Buffer.from(job.svg), {
          formats: ["png"],
          widths: [SOCIAL_IMAGE.width],
          outputDir: scratch,
          filenameFormat: () => `${job.key}.png`,
          svgShortCircuit: false,
          dryRun: false,
          // The key already names the content; eleventy-img's own caches would only hold every buffer, or skip a file on disk.
          useCache: false,
        });
        const entry = await storeFile(cacheFolder, metadata.png![0]!.outputPath);
        await writeManifest(manifestOf(cacheFolder, job.key), job.key, entry);
        entries.push([job.key, entry]);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return entries;
  });
}

/** Answers one request from the parent (src/social/social-image-raster-child.ts) and lets the process end. */
export function answerRasterRequest(): void {
  const answer = (reply: RasterReply) => process.send!(reply, undefined, {}, () => process.disconnect());
  process.once("message", (request: RasterRequest) => {
    rasteriseHere(request.jobs, request.cacheFolder).then(
      (entries) => answer({ entries }),
      (error: unknown) => answer({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
