import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pMap from "p-map";
import { storeBytes, writeManifest, type StoredFile } from "../images/output-cache.ts";
import { useSocialFont } from "./social-font.ts";

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

/**
 * What the rasteriser's process holds at most, in MB, with a margin: 282 to 376 measured while it drew the cards of
 * 4,000 and 10,000 articles (sharp's threads and the memory glibc keeps once it has it).
 */
export const RASTER_PROCESS_MB = 448;

/** Images in flight at once: sharp spreads them over its own threads, so a few keep both cores busy and memory flat. */
const IN_FLIGHT = 8;

/**
 * Up to this many cards are drawn in the build's own process. Starting the rasteriser's process costs about 0.45
 * CPU-seconds (Node, tsx, sharp), over twenty cards' drawing, and a save in `npm start` that retitles one article
 * waited about 0.35 s for it; what the child keeps out of the build, sharp's memory over thousands of cards, is a
 * few MB at this many (IN_FLIGHT at a time).
 */
export const IN_PROCESS_CARDS = 32;

/** Where the manifest of a key is kept. */
export function manifestOf(cacheFolder: string, key: string): string {
  return path.join(cacheFolder, `${key}.json`);
}

const CHILD = fileURLToPath(new URL("./social-image-raster-child.ts", import.meta.url));

/**
 * Rasterises the images and returns each key's stored PNG: a few (IN_PROCESS_CARDS) in this process, more in a
 * child process (rasteriseApart).
 */
export function rasterise(jobs: readonly RasterJob[], cacheFolder: string): Promise<Map<string, StoredFile>> {
  if (jobs.length > IN_PROCESS_CARDS) return rasteriseApart(jobs, cacheFolder);
  return rasteriseHere(jobs, cacheFolder).then(
    (entries) => new Map(entries),
    (error: unknown) => Promise.reject(new Error(`the social images could not be rasterised: ${error instanceof Error ? error.message : String(error)}`)),
  );
}

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
    let reply: unknown;
    child.once("message", (message: unknown) => (reply = message));
    child.once("error", reject);
    // "close", not "exit": a long answer may still be arriving when the child has ended.
    child.once("close", (code, signal) => {
      const fail = (why: string) => reject(new Error(`the social images could not be rasterised: ${why}`));
      if (!isRasterReply(reply)) return fail(`the rasteriser stopped without an answer (${signal ?? `exit code ${code}`})`);
      if ("error" in reply) return fail(reply.error);
      const stored = new Map(reply.entries);
      const lost = jobs.find((job) => !stored.has(job.key));
      if (lost) return fail(`the rasteriser did not return the card ${lost.key}`);
      resolve(stored);
    });
    child.send({ jobs: [...jobs], cacheFolder: path.resolve(cacheFolder) } satisfies RasterRequest);
  });
}

/**
 * How the cards are encoded. Every card is drawn afresh in a cold build (thousands of them), and the encoding was
 * half of a card's time at zlib's default level 6: level 2 draws and encodes a card in about two thirds of that,
 * for files a third larger (about 65 KB, 75 for a long title; read once by a link preview). docs/PERFORMANCE.md has the measurements.
 */
export const SOCIAL_PNG_OPTIONS = { compressionLevel: 2 } as const;

/**
 * The child's work: draws the SVGs with sharp, a few at a time, and keeps each PNG in the cache folder under its
 * hash, with its manifest. The PNG goes from memory to the cache: no scratch file is written and read back.
 */
export async function rasteriseHere(jobs: readonly RasterJob[], cacheFolder: string): Promise<[string, StoredFile][]> {
  // fontconfig must be pointed at the bundled font before the first text is rendered in this process.
  useSocialFont();
  const { default: sharp } = await import("sharp");
  const entries: [string, StoredFile][] = [];
  // After a failure no card is started, and those being drawn are waited for.
  let failure: { error: unknown } | undefined;
  await pMap(
    jobs,
    async (job) => {
      if (failure) return;
      try {
        entries.push([job.key, await rasteriseOne(job)]);
      } catch (error) {
        failure ??= { error };
      }
    },
    { concurrency: IN_FLIGHT },
  );
  if (failure) throw failure.error;
  return entries;

  async function rasteriseOne(job: RasterJob): Promise<StoredFile> {
    // The SVG states the card's size (socialImageSvg), so it is drawn at 72 dpi as it is, with nothing to resize.
    const png = await sharp(Buffer.from(job.svg)).png(SOCIAL_PNG_OPTIONS).toBuffer();
    const entry = await storeBytes(cacheFolder, png, ".png");
    await writeManifest(manifestOf(cacheFolder, job.key), job.key, entry);
    return entry;
  }
}

/** Answers one request from the parent (src/social/social-image-raster-child.ts) and ends the process. */
export function answerRasterRequest(): void {
  // A parent that is gone (a build stopped) wants no more cards.
  process.once("disconnect", () => process.exit(1));
  // The callback runs once the answer is written to the channel, so ending the process then loses nothing.
  const answer = (reply: RasterReply) => process.send!(reply, undefined, {}, () => process.exit(0));
  process.once("message", async (request: RasterRequest) => {
    // libvips's cache of operations only holds memory in this process: no two cards are the same.
    const { default: sharp } = await import("sharp");
    sharp.cache(false);
    rasteriseHere(request.jobs, request.cacheFolder).then(
      (entries) => answer({ entries }),
      (error: unknown) => answer({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}

/** Whether a message from the child is an answer of the shape it sends. */
function isRasterReply(message: unknown): message is RasterReply {
  if (typeof message !== "object" || message === null) return false;
  if ("error" in message) return typeof message.error === "string";
  return "entries" in message && Array.isArray(message.entries) && message.entries.every((entry) => Array.isArray(entry) && typeof entry[0] === "string");
}
