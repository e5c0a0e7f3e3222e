import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLOCKS, REPO_ROOT } from "../support/build-site.ts";
import { COMMANDS, copySampleProject, type SampleProject } from "../support/sample-project.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

/** `npm run build` (scripts/build.ts) in a copy of the fixture project, at the December clock, outside any deploy context. */
function runBuild(project: SampleProject) {
  return spawnSync(process.execPath, ["--import", "tsx", ...COMMANDS.build], {
    cwd: project.root,
    encoding: "utf8",
    env: { ...process.env, SITE_NOW: CLOCKS.december, CONTEXT: "" },
    timeout: 300_000,
  });
}

/** A copy with the social image cache, so its build does not rasterise every image again. */
async function projectWithCache(): Promise<SampleProject> {
  const project = await copySampleProject();
  const cache = path.join(REPO_ROOT, ".cache/social-images");
  if (existsSync(cache)) await cp(cache, path.join(project.root, ".cache/social-images"), { recursive: true });
  return project;
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("npm run build", () => {
  it("leaves the previous _site/ alone when content is bad, and names the file once, without a stack trace", async () => {
    const project = await copySampleProject();
    await mkdir(path.join(project.root, "_site"));
    await writeFile(path.join(project.root, "_site/index.html"), "the previous build");
    const [first] = (await readdir(path.join(project.root, "content/articles"))).filter((name) => name.endsWith(".md")).sort();
    const article = `content/articles/${first}`;
    await project.edit(article, (text) => text.replace(/^---\n/, "---\nno_such_field: 1\n"));

    const result = runBuild(project);
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    // The file on a line of its own, and each problem line (file:line: field: message) exactly once.
    expect(output.split("\n").map((line) => line.trim())).toContain(article);
    const problemLines = output.split("\n").filter((line) => line.trim().startsWith(`${article}:`));
    expect(problemLines.length).toBeGreaterThan(0);
    expect(new Set(problemLines).size).toBe(problemLines.length);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain("Original error stack trace");
    expect(readFileSync(path.join(project.root, "_site/index.html"), "utf8")).toBe("the previous build");
    expect(await readdir(path.join(project.root, "_site"))).toEqual(["index.html"]);
    expect((await readdir(project.root)).filter((entry) => entry.startsWith(".site-build-"))).toEqual([]);
    await project.remove();
  });

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
