import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { COMMANDS, commandEnv, copySampleProject, type SampleProject } from "../support/sample-project.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

/** `npm run build` (scripts/build.ts) in a copy of the fixture project, at the December clock, outside any deploy context. */
function runBuild(project: SampleProject) {
  return spawnSync(process.execPath, ["--import", "tsx", ...COMMANDS.build], {
    cwd: project.root,
    encoding: "utf8",
    env: commandEnv({ CONTEXT: "" }),
    timeout: 300_000,
  });
}

/**
 * A copy with the social images the run's fixture builds rendered, so its build does not rasterise every image
 * again. (A refused build leaving _site/ alone is checked in tests/build/bad-content.test.ts.)
 */
async function projectWithCache(): Promise<SampleProject> {
  const project = await copySampleProject();
  const cache = path.join(inject("projects").fixture, ".cache/social-images");
  if (existsSync(cache)) await cp(cache, path.join(project.root, ".cache/social-images"), { recursive: true });
  return project;
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("npm run build", () => {
  it("moves a finished build into _site/ that is byte-identical to another build of the same commit and clock", async () => {
    const project = await projectWithCache();
    await mkdir(path.join(project.root, "_site"));
    await writeFile(path.join(project.root, "_site/stale.html"), "from an older build");

    const result = runBuild(project);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const site = path.join(project.root, "_site");
    expect(existsSync(path.join(site, "stale.html"))).toBe(false);
    // No scratch folder is left behind.
    expect((await readdir(project.root)).filter((entry) => entry.startsWith(".site-build-"))).toEqual([]);

    // The run's own December build of the same fixture was made in-process in another folder: every byte must agree.
    const reference = buildDir("december");
    const files = await allFiles(reference);
    expect(await allFiles(site)).toEqual(files);
    const differing = files.filter((file) => digest(path.join(site, file)) !== digest(path.join(reference, file)));
    expect(differing).toEqual([]);
    await project.remove();
  }, 300_000);
});
