import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/project-copy.ts";

const BUNDLED = path.join(REPO_ROOT, "scripts/bundled.mjs");
const KEPT_FOLDER = path.join(REPO_ROOT, "node_modules/.cache/hsg-bundles");

describe("scripts/bundled.mjs (how npm run check and npm run fix start)", () => {
  let folder: string;
  let entry: string;
  let part: string;
  // The entry's name is the folder's, so that the kept bundles of this test are its own.
  let name: string;

  /** Runs the command through the launcher: its exit code and what it printed. */
  const run = () => {
    const result = spawnSync(process.execPath, [BUNDLED, entry, "an-argument"], { cwd: folder, encoding: "utf8" });
    return { status: result.status, out: result.stdout, err: result.stderr };
  };
  const keptFiles = async () => (await readdir(KEPT_FOLDER)).filter((file) => file.startsWith(`${name}.`) || file.startsWith(`.${name}.`));
  const keptBundle = async () => {
    const files = await keptFiles();
    expect(files).toHaveLength(1);
    return path.join(KEPT_FOLDER, files[0]!);
  };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "hsg-bundled-"));
    name = path.basename(folder);
    entry = path.join(folder, `${name}.ts`);
    part = path.join(folder, "part.ts");
    await writeFile(part, 'export const word: string = "first";\nexport const here: string = import.meta.url;\n');
    await writeFile(entry, 'import { here, word } from "./part.ts";\nconsole.log([word, here, process.argv.slice(2).join(" ")].join("|"));\n');
  });
  afterAll(async () => {
    for (const file of await keptFiles()) await rm(path.join(KEPT_FOLDER, file), { force: true });
    await rm(folder, { recursive: true, force: true });
  });

  it("runs the command with its arguments, each module seeing its own file as import.meta.url, and keeps the bundle", async () => {
    expect(run()).toEqual({ status: 0, out: `first|${pathToFileURL(part).href}|an-argument\n`, err: "" });
    expect((await readFile(await keptBundle(), "utf8")).split("\n", 1)[0]).toContain(JSON.stringify(part));
  });

  it("runs the kept bundle again while every file it was made from is the same", async () => {
    const before = await stat(await keptBundle());
    expect(run().out).toMatch(/^first\|/);
    expect((await stat(await keptBundle())).ino).toBe(before.ino);
  });

  it("bundles afresh once a file it was made from changes, and runs the new code", async () => {
    const before = await stat(await keptBundle());
    await writeFile(part, 'export const word: string = "second";\nexport const here: string = import.meta.url;\n');
    expect(run().out).toMatch(/^second\|/);
    expect((await stat(await keptBundle())).ino).not.toBe(before.ino);
  });

  it("bundles afresh when the kept bundle is damaged, instead of running it", async () => {
    await writeFile(await keptBundle(), 'console.log("damaged");\n');
    expect(run().out).toMatch(/^second\|/);
    await writeFile(await keptBundle(), '// hsg-bundle-inputs {"not json\nconsole.log("damaged");\n');
    expect(run().out).toMatch(/^second\|/);
  });

  it("names the file and line esbuild cannot compile, exits 1 and keeps nothing new", async () => {
    const before = await keptFiles();
    await writeFile(part, 'export const word: string = "third"\nexport const here: string = import.meta.url +;\n');
    const result = run();
    expect(result.status).toBe(1);
    expect(result.err).toContain(`${path.relative(folder, part)}:2: `);
    expect(await keptFiles()).toEqual(before);
  });
});
