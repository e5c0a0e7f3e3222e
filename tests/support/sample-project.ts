import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cp, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./build-site.ts";

/** A throwaway copy of the project's content, with the code linked in, for breaking on purpose. */
export interface SampleProject {
  root: string;
  /** Rewrites one content file with `edit`. */
  edit(file: string, edit: (text: string) => string): Promise<void>;
  /** `npm run check` against this copy. */
  check(): SpawnSyncReturns<string>;
  /** The real production build command, run in this copy. */
  build(): SpawnSyncReturns<string>;
}

/** Copies content/ and _data/ to a temporary folder and links the code, so the real commands run on edited content. */
export async function copySampleProject(): Promise<SampleProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hsg-sample-"));
  await cp(path.join(REPO_ROOT, "content"), path.join(root, "content"), { recursive: true });
  await cp(path.join(REPO_ROOT, "_data"), path.join(root, "_data"), { recursive: true });
  for (const linked of ["_includes", "src", "node_modules", "scripts"]) await symlink(path.join(REPO_ROOT, linked), path.join(root, linked));
  // package.json makes the copy an ES module project, as the real one is.
  for (const file of [".eleventy.ts", "package.json"]) await cp(path.join(REPO_ROOT, file), path.join(root, file));
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, SITE_NOW: "2026-12-01T09:00:00-07:00" },
      timeout: 120_000,
    });
  return {
    root,
    async edit(file, edit) {
      const target = path.join(root, file);
      await writeFile(target, edit(await readFile(target, "utf8")));
    },
    check: () => run(["scripts/check-content.ts"]),
    build: () => run(["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet"]),
  };
}
