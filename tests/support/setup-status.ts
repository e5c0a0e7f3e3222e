import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildName } from "./build-site.ts";
import type { ContentSource } from "./project-copy.ts";

/**
 * What the global setup prepares while the tests already run (tests/support/global-setup.ts): each build by its
 * name, each project copy's warm cache ("fixture-cache", "sample-cache"), and tsc's verdict ("typecheck").
 */
export type SetupItem = string;

/** An item's outcome, written once it is ready: its value, or why it could not be made. */
export type SetupOutcome<T = unknown> = { value: T } | { error: string };

/** One build of the global setup: which copy, at which clock, in which mode, into which folder. */
export interface PlannedBuild {
  name: BuildName;
  source: ContentSource;
  root: string;
  output: string;
  siteNow: string;
  runMode: "build" | "watch";
  env: Record<string, string>;
}

/** What the global setup hands the process that builds: the builds in order, and where to say each is done. */
export interface SetupPlan {
  statusFolder: string;
  builds: PlannedBuild[];
}

/** The item that says a project copy's `.cache/` is complete: written after the last build of that copy. */
export const cacheItem = (source: ContentSource): string => `${source}-cache`;

/** The items the plan's build at `index` completes: the build, and its copy's cache when no later build writes to it. */
export function itemsCompletedBy(plan: SetupPlan, index: number): SetupItem[] {
  const build = plan.builds[index]!;
  return plan.builds.slice(index + 1).some((later) => later.source === build.source) ? [build.name] : [build.name, cacheItem(build.source)];
}

/** Every item a plan writes, in order: for the setup to fill in any the process did not reach. */
export const itemsOf = (plan: SetupPlan): SetupItem[] => plan.builds.flatMap((_, index) => itemsCompletedBy(plan, index));

/** How long a test waits for an item: the setup's builds take seconds; this only turns a hang into an error. */
const WAIT_LIMIT_MS = 300_000;

/** A file per item in `folder`, written aside and renamed, so that a reader never sees half of it. */
export function writeOutcome(folder: string, item: SetupItem, outcome: SetupOutcome): void {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${item}.json`);
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(outcome));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** Whether an item's outcome has been written. */
export const outcomeWritten = (folder: string, item: SetupItem): boolean => existsSync(path.join(folder, `${item}.json`));

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The item's value, once the setup has written it: blocks the worker meanwhile (a test file runs alone in its
 * worker, and the callers, such as buildDir, are synchronous), and throws what the setup could not make.
 */
export function awaitOutcome<T>(folder: string, item: SetupItem): T {
  const file = path.join(folder, `${item}.json`);
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`the global setup has not made ${item} after ${WAIT_LIMIT_MS / 1000} s`);
    Atomics.wait(pause, 0, 0, 20);
  }
  const outcome = JSON.parse(readFileSync(file, "utf8")) as SetupOutcome<T>;
  if ("error" in outcome) throw new Error(`the global setup could not make ${item}:\n${outcome.error}`);
  return outcome.value;
}
