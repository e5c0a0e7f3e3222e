import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM_ENDPOINT_VARIABLE, startChromiumServer } from "./browser.ts";
import { clockOf, PREVIEW_ENV, type BuildName } from "./build-site.ts";
import { copyProject, FIXTURE_ROOT, REPO_ROOT, removeFolder, type ContentSource } from "./project-copy.ts";
import { CHROMIUM_PID_VARIABLE, childrenCpuSeconds, processTreeCpuSeconds } from "./process-cpu.ts";
import { runFolderParent } from "./memory-folder.ts";
import { itemsOf, outcomeWritten, writeOutcome, type PlannedBuild, type SetupPlan } from "./setup-status.ts";
import { runTypecheck } from "./typecheck.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * Where the setup writes each item's outcome as it becomes ready (tests/support/setup-status.ts): a build's
     * output folder (site-output.ts's buildDir waits for it), a project copy whose `.cache/` is complete, tsc's verdict.
     */
    setupStatus: string;
  }
}

/** The process that makes the setup's builds (tests/support/setup-builds.ts). */
const SETUP_BUILDS = path.join(REPO_ROOT, "tests/support/setup-builds.ts");

/**
 * Builds the fixture site at each reference clock, as a development build and as a deploy preview, and the real
 * sample content once, for the whole run, and tells the tests where. The builds run in a process of their own
 * while the tests already run: each is announced as it finishes (setup-status.ts), and a test file that reads a
 * build waits for that one alone, so the many files that read none fill the second core meanwhile (the setup held
 * every file back for 13 to 15 s, with a core idle a third of that time). The same goes for tsc. The run's one
 * Chromium starts here, and browser tests reach it through launchChromium (a page or context per test). Every
 * temporary folder of the run, these builds and whatever the tests make, lives in one folder that the returned
 * teardown deletes: the run leaves nothing in the temp directory, and never touches the repository's own
 * `.cache/`. The folder is in memory where the machine allows (runFolderParent). TMPDIR points there so that
 * test workers and the commands they start use it too. In watch mode tsc runs again before each rerun.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cpu = { self: process.cpuUsage(), children: childrenCpuSeconds(), started: Date.now() };
  const runFolder = await mkdtemp(path.join(runFolderParent(), "hsg-test-run-"));
  const statusFolder = path.join(runFolder, "setup-status");
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = runFolder;
  const typecheck = checkTypes(statusFolder);
  const chromium = startChromiumServer();
  let builder: ChildProcess | undefined;
  let builderExit: Promise<void> = Promise.resolve();
  // Tests work on copies: a cache written into the fixture's own folder would be read by the next run. One left by
  // an older run is removed first, so that the check at the end sees this run's tests alone.
  const fixtureCache = path.join(FIXTURE_ROOT, ".cache");
  await removeFolder(fixtureCache);
  const teardown = async () => {
    // Whatever the builder has not finished, no test is left to read.
    if (builder && builder.exitCode === null && builder.signalCode === null) builder.kill();
    await builderExit;
    await typecheck.catch(() => undefined);
    const server = await chromium.catch(() => undefined);
    if (server && process.env.HSG_CPU_LOG) logCpu("(Chromium: every browser test's pages)", processTreeCpuSeconds(server.process().pid!), 0, cpu.started);
    await server?.close();
    // All this process used: the setup, then Playwright's server, which relays every browser test's protocol
    // messages to Chromium, vitest's transforms and the reporters; its children include the builder and tsc.
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
    const projects = { fixture: await copyProject("fixture"), sample: await copyProject("sample") };
    const planned = (name: BuildName, source: ContentSource, runMode: "build" | "watch" = "build", env: Record<string, string> = {}) =>
      mkdtemp(path.join(runFolder, `hsg-site-${name}-`)).then((output): PlannedBuild => ({ name, source, root: projects[source], output, siteNow: clockOf(name), runMode, env }));
    // In the order the slowest files need them: the December build for the template tour, then the fixture's cache.
    const plan: SetupPlan = {
      statusFolder,
      builds: await Promise.all([
        planned("december", "fixture"),
        planned("march", "fixture"),
        planned("development", "fixture", "watch"),
        planned("preview", "fixture", "build", { ...PREVIEW_ENV }),
        planned("sample", "sample"),
      ]),
    };
    project.provide("setupStatus", statusFolder);
    const planFile = path.join(runFolder, "setup-plan.json");
    await writeFile(planFile, JSON.stringify(plan));
    const started = spawn(process.execPath, ["--import", "tsx", SETUP_BUILDS, planFile], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    builder = started;
    let said = "";
    const hear = (chunk: Buffer) => (said = (said + chunk.toString()).slice(-20_000));
    started.stdout!.on("data", hear);
    started.stderr!.on("data", hear);
    builderExit = new Promise((resolve) => {
      started.once("error", (error) => (said += `\n${error.message}`));
      started.once("close", (code, signal) => {
        // A crash leaves tests waiting: each item it did not reach is written as failed, with what it said.
        for (const item of itemsOf(plan)) if (!outcomeWritten(statusFolder, item)) writeOutcome(statusFolder, item, { error: `the setup's build process ended (${signal ?? `exit code ${code}`}) before this was made:\n${said}` });
        resolve();
      });
    });
    if (process.env.HSG_CPU_LOG) logCpu("(global setup: copies, before the tests start)", process.cpuUsage(cpu.self), childrenCpuSeconds() - cpu.children, cpu.started);
    project.onTestsRerun(async () => {
      await rm(path.join(statusFolder, "typecheck.json"), { force: true });
      await checkTypes(statusFolder);
    });
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

/** Runs tsc and writes its result as the "typecheck" item (tests/build/typecheck.test.ts reads it). */
function checkTypes(statusFolder: string): Promise<void> {
  return runTypecheck().then(
    (result) => writeOutcome(statusFolder, "typecheck", { value: result }),
    (error: Error) => writeOutcome(statusFolder, "typecheck", { error: error.message }),
  );
}

/** Adds a line to HSG_CPU_LOG as tests/support/cpu-per-file.ts writes them, for CPU spent outside every test file. */
function logCpu(what: string, self: NodeJS.CpuUsage | number, children: number, started: number): void {
  const seconds = typeof self === "number" ? self : (self.user + self.system) / 1e6;
  const line = { file: what, self: seconds, children, wall: (Date.now() - started) / 1000, worker: process.pid, start: started };
  appendFileSync(process.env.HSG_CPU_LOG!, `${JSON.stringify(line)}\n`);
}
