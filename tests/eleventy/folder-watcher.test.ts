import { appendFileSync, cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchFolderTree, type FolderWatch } from "../../src/eleventy/folder-watcher.ts";
import { removeFolder } from "../support/project-copy.ts";

/**
 * `npm start`'s watcher of the articles folder (scripts/start.ts), on real folders: each settled save is reported
 * once, whichever way an editor's program writes it, and so are files removed and files in a folder made later;
 * an editor's temporary files are not. The wait is longer than `npm start`'s 50 ms, so that a test worker held up
 * on the loaded machine does not see a write in pieces as two.
 */

const SETTLE_MS = 200;

describe("watchFolderTree", () => {
  let folder: string;
  let watching: FolderWatch | undefined;
  let reported: string[];
  const at = (file: string) => path.join(folder, file);

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "hsg-folder-watch-"));
    mkdirSync(at("bundle"));
    writeFileSync(at("one.md"), "One\n");
    writeFileSync(at("bundle/index.md"), "Bundle\n");
    reported = [];
    watching = await watchFolderTree(folder, (file) => reported.push(path.relative(folder, file).split(path.sep).join("/")), SETTLE_MS);
  });

  afterEach(async () => {
    watching?.close();
    await removeFolder(folder);
  });

  /** Waits until `count` reports came (or 5 s passed), then a quiet spell in which any further one would come. */
  async function reports(count: number): Promise<string[]> {
    const started = Date.now();
    while (reported.length < count && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 2));
    return [...reported].sort();
  }

  it("reports a file written in several pieces once, after its writes settle", async () => {
    writeFileSync(at("one.md"), "First part\n");
    for (let piece = 0; piece < 3; piece++) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 10));
      appendFileSync(at("one.md"), `Piece ${piece}\n`);
    }
    expect(reported).toEqual([]);
    expect(await reports(1)).toEqual(["one.md"]);
  });

  it("reports a save that renames a new copy over the file (as sed and vim save), and not the copy or vim's swap file", async () => {
    writeFileSync(at(".one.md.swp"), "vim's swap file\n");
    writeFileSync(at("sedAb12Cd"), "Renamed in\n");
    renameSync(at("sedAb12Cd"), at("one.md"));
    appendFileSync(at("bundle/index.md"), "More\n");
    expect(await reports(2)).toEqual(["bundle/index.md", "one.md"]);
  });

  it("reports a removed file, and the files of a folder made after it started, which it then watches", async () => {
    rmSync(at("one.md"));
    mkdirSync(at("new-bundle"));
    writeFileSync(at("new-bundle/index.md"), "New\n");
    expect(await reports(2)).toEqual(["new-bundle/index.md", "one.md"]);
    reported = [];
    appendFileSync(at("new-bundle/index.md"), "Saved again\n");
    expect(await reports(1)).toEqual(["new-bundle/index.md"]);
  });

  it("watches a folder removed and made again at once, as a tool that swaps a bundle in does, and reports its file once", async () => {
    cpSync(at("bundle"), at("bundle-copy"), { recursive: true });
    writeFileSync(at("bundle-copy/index.md"), "Swapped in\n");
    rmSync(at("bundle"), { recursive: true });
    renameSync(at("bundle-copy"), at("bundle"));
    // Reached twice (its old folder's watcher, then the new folder's files), it is one write: one rebuild.
    expect(await reports(1)).toEqual(["bundle/index.md"]);
    reported = [];
    writeFileSync(at("bundle/picture.png"), "not really a picture\n");
    expect(await reports(1)).toEqual(["bundle/picture.png"]);
  });

  it("reports nothing once closed", async () => {
    watching!.close();
    appendFileSync(at("one.md"), "After\n");
    expect(await reports(0)).toEqual([]);
  });
});
