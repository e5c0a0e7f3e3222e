import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchFolderTree, type FolderWatch } from "../../src/eleventy/folder-watcher.ts";
import { removeFolder } from "../support/project-copy.ts";

/**
 * `npm start`'s watcher of the articles folder (scripts/start.ts), on real folders: each settled save is reported
 * once, whichever way an editor's program writes it, and so are files removed and files in a folder made later.
 */

const SETTLE_MS = 50;

describe("watchFolderTree", () => {
  let folder: string;
  let watching: FolderWatch | undefined;
  let reported: string[];

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "hsg-folder-watch-"));
    mkdirSync(path.join(folder, "bundle"));
    writeFileSync(path.join(folder, "one.md"), "One\n");
    writeFileSync(path.join(folder, "bundle/index.md"), "Bundle\n");
    reported = [];
    watching = await watchFolderTree(folder, (file) => reported.push(path.relative(folder, file)), SETTLE_MS);
  });

  afterEach(async () => {
    watching?.close();
    await removeFolder(folder);
  });

  /** Waits until `count` reports came (or 5 s passed), then a quiet spell in which any further one would come. */
  async function reports(count: number): Promise<string[]> {
    const started = Date.now();
    while (reported.length < count && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 6));
    return [...reported].sort();
  }

  it("reports a file written in several pieces once, after its writes settle", async () => {
    const file = path.join(folder, "one.md");
    writeFileSync(file, "First part\n");
    for (let piece = 0; piece < 3; piece++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 3));
      appendFileSync(file, `Piece ${piece}\n`);
      expect(reported).toEqual([]);
    }
    expect(await reports(1)).toEqual(["one.md"]);
  });

  it("reports a save that renames a new copy over the file, as vim and sed make it, and a file in a folder below", async () => {
    writeFileSync(path.join(folder, ".one.md.swp"), "Renamed in\n");
    renameSync(path.join(folder, ".one.md.swp"), path.join(folder, "one.md"));
    appendFileSync(path.join(folder, "bundle/index.md"), "More\n");
    const seen = await reports(2);
    expect(seen).toContain("one.md");
    expect(seen).toContain(path.join("bundle", "index.md"));
  });

  it("reports a removed file, and the files of a folder made after it started, which it then watches", async () => {
    rmSync(path.join(folder, "one.md"));
    mkdirSync(path.join(folder, "new-bundle"));
    writeFileSync(path.join(folder, "new-bundle/index.md"), "New\n");
    expect(await reports(2)).toEqual(["new-bundle/index.md", "one.md"].map((file) => file.split("/").join(path.sep)));
    reported = [];
    appendFileSync(path.join(folder, "new-bundle/index.md"), "Saved again\n");
    expect(await reports(1)).toEqual([path.join("new-bundle", "index.md")]);
  });

  it("reports nothing once closed", async () => {
    watching!.close();
    appendFileSync(path.join(folder, "one.md"), "After\n");
    expect(await reports(0)).toEqual([]);
  });
});
