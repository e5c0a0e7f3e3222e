import { appendFileSync, existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM_ENDPOINT_VARIABLE, startChromiumServer } from "./browser.ts";
import { buildSite, clockOf, PREVIEW_ENV, type BuildName } from "./build-site.ts";
import { copyProject, FIXTURE_ROOT, removeFolder, type ContentSource } from "./project-copy.ts";
import { CHROMIUM_PID_VARIABLE, childrenCpuSeconds, processTreeCpuSeconds } from "./process-cpu.ts";
import { runFolderParent } from "./memory-folder.ts";
import { runTypecheck, type TypecheckResult } from "./typecheck.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builds: Record<BuildName, string>;
    /** The project copies the builds were made from, each with the `.cache/` its builds filled (read-only for tests). */
    projects: Record<ContentSource, string>;
    /** What `tsc --noEmit` said about the repository, run beside the builds (tests/build/typecheck.test.ts reads it). */
    typecheck: TypecheckResult;
  }
}

/**
 * Builds the fixture site at each reference clock, as a development build and as a deploy preview, and the real
 * sample content once, for the whole run, and tells the tests where. Meanwhile it starts the run's one Chromium,
 * which browser tests reach through launchChromium (a page or context per test). Every temporary folder of the
 * run, these builds and whatever the tests make, lives in one folder that the returned teardown deletes: the run
 * leaves nothing in the temp directory, and never touches the repository's own `.cache/`. The folder is in memory
 * where the machine allows (runFolderParent). TMPDIR points there so that test workers and the commands they start
 * use it too. tsc runs first, as a process of its own, on the second core while the builds hold the first; in
 * watch mode it runs again before each rerun.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cpu = { self: process.cpuUsage(), children: childrenCpuSeconds(), started: Date.now() };
  const runFolder = await mkdtemp(path.join(runFolderParent(), "hsg-test-run-"));
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = runFolder;
  const typecheck = runTypecheck();
  const chromium = startChromiumServer();
  // Tests work on copies: a cache written into the fixture's own folder would be read by the next run. One left by
  // an older run is removed first, so that the check at the end sees this run's tests alone.
  const fixtureCache = path.join(FIXTURE_ROOT, ".cache");
  await removeFolder(fixtureCache);
  const teardown = async () => {
    const server = await chromium.catch(() => undefined);
    if (server && process.env.HSG_CPU_LOG) logCpu("(Chromium: every browser test's pages)", processTreeCpuSeconds(server.process().pid!), 0, cpu.started);
    await server?.close();
    // All this process used: the setup's builds (also logged apart), then Playwright's server, which relays every browser
    // test's protocol messages to Chromium, vitest's transforms and the reporters.
    if (process.env.HSG_CPU_LOG) logCpu("(vitest's main process, setup included)", process.cpuUsage(), childrenCpuSeconds(), cpu.started);
    delete process.env[CHROMIUM_ENDPOINT_VARIABLE];
    delete process.env[CHROMIUM_PID_VARIABLE];
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    await removeFolder(runFolder);
    if (existsSync(fixtureCache)) {
      await removeFolder(fixtureCache);
      // vitest reports an error thrown here but still exits 0: the exit code is set too, so that CI fails.
      process.exitCode = 1;
      throw new Error(`a test wrote ${path.relative(process.cwd(), fixtureCache)}/ into the repository: load the fixture with a cache in memory (new ContentCache(root, { disk: false })) or build a copy (copyProject)`);
    }
  };
  try {
    // Builds of one copy share its social-image cache, so only the first renders the cards.
    const fixture = await copyProject("fixture");
    const sample = await copyProject("sample");
    project.provide("projects", { fixture, sample });
    project.provide("builds", {
      december: await buildSite(fixture, clockOf("december")),
      march: await buildSite(fixture, clockOf("march")),
      development: await buildSite(fixture, clockOf("development"), "watch"),
      preview: await buildSite(fixture, clockOf("preview"), "build", undefined, PREVIEW_ENV),
      sample: await buildSite(sample, clockOf("sample")),
    });
    project.provide("typecheck", await typecheck);
    if (process.env.HSG_CPU_LOG) logCpu("(global setup: builds and tsc)", process.cpuUsage(cpu.self), childrenCpuSeconds() - cpu.children, cpu.started);
    project.onTestsRerun(async () => project.provide("typecheck", await runTypecheck()));
    // Without Chromium the browser tests fail on their own, with the way to install it; the other tests still run.
    const server = await chromium.catch(() => undefined);
    if (server) process.env[CHROMIUM_ENDPOINT_VARIABLE] = server.wsEndpoint();
    // For the CPU log: each file notes what Chromium used while it ran (tests/support/cpu-per-file.ts).
    if (server && process.env.HSG_CPU_LOG) process.env[CHROMIUM_PID_VARIABLE] = String(server.process().pid);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Adds a line to HSG_CPU_LOG as tests/support/cpu-per-file.ts writes them, for CPU spent outside every test file. */
function logCpu(what: string, self: NodeJS.CpuUsage | number, children: number, started: number): void {
  const seconds = typeof self === "number" ? self : (self.user + self.system) / 1e6;
  const line = { file: what, self: seconds, children, wall: (Date.now() - started) / 1000, worker: process.pid, start: started };
  appendFileSync(process.env.HSG_CPU_LOG!, `${JSON.stringify(line)}\n`);
}
