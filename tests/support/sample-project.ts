import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { createBuildContext } from "../../src/collections/build-context.ts";
import type { SiteModel } from "../../src/collections/site-model.ts";
import { ContentCache } from "../../src/content/content-cache.ts";
import { CLOCKS } from "./build-site.ts";
import { nodeArgumentsOf } from "../../src/cli/npm-script.ts";
import { copyProject, removeFolder, type ContentSource } from "./project-copy.ts";
import { setupProject } from "./site-output.ts";

/** A throwaway copy of the project, with the code linked in, for breaking on purpose. */
export interface SampleProject {
  root: string;
  /** Rewrites one content file (a path from the project root) with `edit`. */
  edit(file: string, edit: (text: string) => string): Promise<void>;
  /** `npm run check` against this copy. */
  check(): SpawnSyncReturns<string>;
  /** The real production build command, run in this copy (output in its `_site/`), with extra environment variables (e.g. Netlify's CONTEXT). */
  build(env?: Record<string, string>): SpawnSyncReturns<string>;
  /** `npm run new -- ...args` in this copy. */
  scaffold(...args: string[]): SpawnSyncReturns<string>;
  /** Deletes the copy. */
  remove(): Promise<void>;
}

/**
 * The environment of a command a test starts: this process's, at the December clock, plus `extra`. Without
 * FONTCONFIG_FILE: a build in this worker set it to a project copy's cache that may be gone by now (files share a
 * worker), and a command that draws social images sets its own.
 */
export function commandEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_NOW: CLOCKS.december, ...extra };
  delete env.FONTCONFIG_FILE;
  return env;
}

/** The command line of a project copy: node with `args` (a COMMANDS entry and its arguments) in `root` at the December clock. */
export function runIn(root: string, args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: commandEnv(env),
    timeout: 120_000,
  });
}

/** What a finished command said and how it ended. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** runIn without blocking, so that several commands can run side by side. */
export function runInAsync(root: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: commandEnv(), timeout: 120_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Node's arguments of the commands tests run in project copies, as package.json runs them (`npm run check`
 * through scripts/bundled.mjs, `npm run build` through tsx), for runIn or runInAsync (arguments of their own go after).
 */
export const COMMANDS = {
  check: nodeArgumentsOf("check"),
  fix: nodeArgumentsOf("fix"),
  // `npm run build`: builds beside _site/ and moves the finished build into it.
  build: nodeArgumentsOf("build"),
  new: nodeArgumentsOf("new"),
  // `npm run eleventy`: Eleventy's own command line with the project's config.
  eleventy: nodeArgumentsOf("eleventy"),
  // `npm start`: tests add a free port (`--port=<n>`, which overrides package.json's).
  start: nodeArgumentsOf("start"),
} as const;

/**
 * Gives a copy the `.cache/` that this run's global setup filled by building the same content (never the
 * repository's own): resized pictures, social images, parsed content and the stylesheet are then reused, and a
 * build of the copy renders only what the test changed, as a deploy with a warm cache does. The cache's folders
 * named in `except` (e.g. "images") are left out, so that work is done again.
 */
export async function copyWarmCache(source: ContentSource, root: string, except: readonly string[] = []): Promise<void> {
  const cache = path.join(setupProject(source), ".cache");
  const left = new Set(except.map((folder) => path.join(cache, folder)));
  if (existsSync(cache)) await cp(cache, path.join(root, ".cache"), { recursive: true, filter: (file) => !left.has(file) });
}

/**
 * Copies the tests' fixture content (or, with "sample", the site's real content) to a temporary folder, with the
 * run's warm `.cache/` of that content (copyWarmCache), and links the code, so the real commands run on edited
 * content. Call `remove()` when done; the run's global teardown deletes whatever is left.
 */
export async function copySampleProject(source: ContentSource = "fixture"): Promise<SampleProject> {
  const root = await copyProject(source);
  await copyWarmCache(source, root);
  return {
    root,
    async edit(file, edit) {
      const target = path.join(root, file);
      await writeFile(target, edit(await readFile(target, "utf8")));
    },
    check: () => runIn(root, COMMANDS.check),
    build: (env) => runIn(root, COMMANDS.build, env),
    scaffold: (...args) => runIn(root, [...COMMANDS.new, ...args]),
    remove: () => removeFolder(root),
  };
}

/**
 * The December build's pages as a production build derives them (at its clock, drafts left out), from a copy of
 * the fixture with the run's warm cache (a copy, whose cache it may write): for tests that compare which pages the
 * model lists with the December build. Without the files' dates (no lastmod), which the build takes from its own
 * copy. The copy's root comes with it, for a test that builds it too.
 */
export async function decemberFixtureModel(): Promise<{ root: string; model: SiteModel }> {
  const root = await copyProject("fixture");
  await copyWarmCache("fixture", root);
  const context = createBuildContext(DateTime.fromISO(CLOCKS.december, { setZone: true }) as DateTime<true>, { ELEVENTY_RUN_MODE: "build" });
  const { model } = await loadCheckedModel(root, context, undefined, { cache: new ContentCache(root) });
  return { root, model };
}
