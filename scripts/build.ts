/**
 * `npm run build`: the production build. Eleventy writes into a fresh folder under .cache/builds/, and only a
 * build that finished (pages, feeds, _headers, _redirects, search index) is moved to _site/ in one rename. A
 * failed or interrupted build leaves the previous _site/ as it was, never a half-written one that looks
 * complete. A failure is printed once (src/build/failure-report.ts) and the exit code is 1.
 * `npm start` keeps using Eleventy's own serve mode, which writes _site/ directly.
 */
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { register } from "tsx/esm/api";
import { failureReport } from "../src/build/failure-report.ts";

const SITE = path.resolve("_site");
const WORK = path.resolve(".cache/builds");

/** Whether a process still runs: a build folder of a live process belongs to a build in progress. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Interrupted builds leave their folder behind; it is only ever a scratch copy.
await mkdir(WORK, { recursive: true });
for (const entry of await readdir(WORK)) {
  const pid = Number(/-(\d+)$/.exec(entry)?.[1]);
  if (!alive(pid)) await rm(path.join(WORK, entry), { recursive: true, force: true });
}
const output = path.join(WORK, `site-${process.pid}`);

register();
const { default: Eleventy } = await import("@11ty/eleventy");
try {
  const eleventy = new Eleventy(undefined, output, { quietMode: true, configPath: ".eleventy.ts" });
  // Eleventy would print the error and its stack itself before rethrowing it; the report below says it once.
  const silent = new Proxy({}, { get: () => () => undefined });
  (eleventy as unknown as { errorHandler: { logger: unknown } }).errorHandler.logger = silent;
  await eleventy.write();
} catch (error) {
  await rm(output, { recursive: true, force: true });
  console.error(failureReport(error));
  process.exit(1);
}

const previous = path.join(WORK, `previous-${process.pid}`);
if ((await readdir(path.dirname(SITE))).includes(path.basename(SITE))) await rename(SITE, previous);
await rename(output, SITE);
await rm(previous, { recursive: true, force: true });
