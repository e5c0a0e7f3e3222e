/**
 * `npm run build`: the production build (src/build/build-output.ts). It writes into a fresh hidden folder next to _site/
 * (`.site-build-<pid>`, on the same disk so the move is one rename), and only a build that finished (pages,
 * feeds, _headers, _redirects, search index) replaces _site/. A failed or interrupted build leaves the previous
 * _site/ as it was, never a half-written one that looks complete. A failure is printed once
 * (src/build/failure-report.ts) and the exit code is 1.
 * `npm start` keeps using Eleventy's own serve mode, which writes _site/ directly.
 */
import "../src/cli/short-run-tiering.ts";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { buildOutput } from "../src/build/build-output.ts";
import { failureReport } from "../src/build/failure-report.ts";

const ROOT = process.cwd();
// `--output=<folder>`: the site goes there instead of _site/ (the bench builds into folders of its own).
const outputArgument = process.argv.find((argument) => argument.startsWith("--output="))?.slice("--output=".length);
const SITE = outputArgument ? path.resolve(outputArgument) : path.join(ROOT, "_site");
const PARENT = path.dirname(SITE);
const SCRATCH = /^\.site-build-(\d+)/;

/** Whether a process still runs: the scratch folder of a live process belongs to a build in progress. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Interrupted builds leave their scratch folder behind; it is only ever a partial copy.
for (const entry of await readdir(PARENT)) {
  const pid = Number(SCRATCH.exec(entry)?.[1] ?? Number.NaN);
  if (Number.isInteger(pid) && !alive(pid)) await rm(path.join(PARENT, entry), { recursive: true, force: true });
}
const output = path.join(PARENT, `.site-build-${process.pid}`);

try {
  // Eleventy would print the error and its stack itself before rethrowing it; the report below says it once.
  await buildOutput(output, { eleventyReportsErrors: false });
} catch (error) {
  // The report first: nothing that goes wrong while tidying up may hide it from the editor.
  console.error(failureReport(error));
  // A folder that cannot be removed now is removed by the next build (above), as an interrupted build's is.
  await rm(output, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  process.exit(1);
}

const previous = `${output}-previous`;
if ((await readdir(PARENT)).includes(path.basename(SITE))) await rename(SITE, previous);
await rename(output, SITE);
await rm(previous, { recursive: true, force: true });
