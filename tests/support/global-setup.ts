import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, CLOCKS, type BuildName } from "./build-site.ts";
import { copyProject, removeFolder } from "./project-copy.ts";

declare module "vitest" {
  export interface ProvidedContext {
    builds: Record<BuildName, string>;
  }
}

/**
 * Builds the fixture site at each reference clock (and once as a development build) and the real sample
 * content once, for the whole run, and tells the tests where. Every temporary folder of the run, these builds
 * and whatever the tests make, lives in one folder that the returned teardown deletes: the run leaves nothing
 * in the temp directory. TMPDIR points there so that test workers and the commands they start use it too.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runFolder = await mkdtemp(path.join(os.tmpdir(), "hsg-test-run-"));
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = runFolder;
  const teardown = async () => {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    await removeFolder(runFolder);
  };
  try {
    const fixture = await copyProject("fixture", { shareCache: true });
    const sample = await copyProject("sample", { shareCache: true });
    project.provide("builds", {
      december: await buildSite(fixture, CLOCKS.december),
      march: await buildSite(fixture, CLOCKS.march),
      development: await buildSite(fixture, CLOCKS.december, "watch"),
      sample: await buildSite(sample, CLOCKS.december),
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
