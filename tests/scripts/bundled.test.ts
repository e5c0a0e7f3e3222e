import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/project-copy.ts";

const BUNDLED = path.join(REPO_ROOT, "scripts/bundled.mjs");
const KEPT_FOLDER = path.join(REPO_ROOT, "node_modules/.cache/hsg-bundles");

describe("scripts/bundled.mjs (how npm run check, npm run fix and npm run new start)", () => {
  let folder: string;
  let entry: string;
  let part: string;
  // The entry's name is the folder's, so that the kept bundles of this test are its own.
  let name: string;

  /** Runs the command through the launcher: its exit code and what it printed. */
  const run = (env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, [BUNDLED, entry, "an-argument"], { cwd: folder, encoding: "utf8", env: { ...process.env, ...env } });
    return { status: result.status, out: result.stdout, err: result.stderr };
  };
  const keptFiles = async () => (await readdir(KEPT_FOLDER)).filter((file) => file.startsWith(`${name}.`) || file.startsWith(`.${name}.`));
  const keptBundle = async () => {
    const files = (await keptFiles()).filter((file) => !file.startsWith("."));
    expect(files).toHaveLength(1);
    return path.join(KEPT_FOLDER, files[0]!);
  };

  beforeAll(async () => {
    // Real: esbuild records the real paths of what it reads.
    folder = await realpath(await mkdtemp(path.join(os.tmpdir(), "hsg-bundled-")));
    name = path.basename(folder);
    entry = path.join(folder, `${name}.ts`);
    part = path.join(folder, "part.ts");
    await writeFile(part, 'export const word: string = "first";\nexport const here: string = import.meta.url;\n');
    await writeFile(entry, 'import { here, word } from "./part.ts";\nconsole.log([word, here, process.argv.slice(2).join(" ")].join("|"));\n');
  });
  afterAll(async () => {
    const ours = (await readdir(KEPT_FOLDER)).filter((file) => file.replace(/^\./, "").startsWith(name));
    for (const file of ours) await rm(path.join(KEPT_FOLDER, file), { force: true });
    await rm(folder, { recursive: true, force: true });
  });

  it("runs the command with its arguments, each module seeing its own file as import.meta.url, and keeps the bundle", async () => {
    expect(run()).toEqual({ status: 0, out: `first|${pathToFileURL(part).href}|an-argument\n`, err: "" });
    const record = (await readFile(await keptBundle(), "utf8")).trimEnd().split("\n").at(-1)!;
    expect(record).toContain(JSON.stringify(part));
    // The code's own hash, so that a changed bundle under an unchanged record is not run.
    expect(record).toMatch(/"#code":"[0-9a-f]{64}"/);
    // A settings file esbuild would read, noted as absent.
    expect(record).toContain(`${JSON.stringify(path.join(folder, "tsconfig.json"))}:""`);
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

  it("bundles afresh when a settings file esbuild reads appears beside the sources", async () => {
    const before = await stat(await keptBundle());
    await writeFile(path.join(folder, "tsconfig.json"), "{}\n");
    expect(run().out).toMatch(/^second\|/);
    expect((await stat(await keptBundle())).ino).not.toBe(before.ino);
  });

  it("with HSG_STACK=1, names the TypeScript file and line an error was thrown at", async () => {
    const thrower = path.join(folder, `${name}-throws.ts`);
    await writeFile(thrower, 'import { word } from "./part.ts";\n\nfunction fail(): never {\n  throw new Error(`failed after ${word}`);\n}\nfail();\n');
    const result = spawnSync(process.execPath, [BUNDLED, thrower], { cwd: folder, encoding: "utf8", env: { ...process.env, HSG_STACK: "1" } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("failed after second");
    expect(result.stderr).toContain(`${thrower}:4:`);
  });

  it("bundles afresh when the kept bundle is damaged, instead of running it", async () => {
    await writeFile(await keptBundle(), 'console.log("damaged");\n');
    expect(run().out).toMatch(/^second\|/);
    await writeFile(await keptBundle(), 'console.log("damaged");\n// hsg-bundle-inputs {"not json\n');
    expect(run().out).toMatch(/^second\|/);
    await writeFile(await keptBundle(), 'console.log("damaged");\n// hsg-bundle-inputs []\n');
    expect(run().out).toMatch(/^second\|/);
    // The code changed under a record that still names the same sources: the record says what the code was.
    const kept = await readFile(await keptBundle(), "utf8");
    const record = kept.lastIndexOf("\n// hsg-bundle-inputs ");
    await writeFile(await keptBundle(), `console.log("damaged");\n${kept.slice(record + 1)}`);
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
