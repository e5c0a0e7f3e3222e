import { watch, type FSWatcher } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

/** A watch over a folder and every folder below it. */
export interface FolderWatch {
  close(): void;
}

/**
 * Names editors write beside the file they edit, never saves: vim's swap files, backups ending in `~`, Sublime's
 * temporary files. chokidar, Eleventy's watcher, leaves out the same (its `atomic` option).
 */
const EDITOR_TEMPORARY = /^\..*\.sw[px]$|~$|\.subl.*\.tmp$/;

/**
 * Watches `folder` and every folder below it, and calls `report` with a file's path (relative to the working
 * directory, as given) once a write to it has settled: no event on it for `settleMs` (chokidar's awaitWriteFinish
 * waits as long for the size to hold). A file removed is reported too, if it was there before (a save that writes
 * a temporary file and renames it over the one edited, as sed does, reports only the file edited); a folder made
 * (or removed and made again) is watched afresh, and its files reported. A file is reported once per write: events
 * that settle on a file unwritten since its last report are not reported again. For `npm start`'s articles folder:
 * chokidar, Eleventy's watcher, lists the whole folder again on every event in it (at 4,000 articles about 4,000
 * lstat calls and as many checks of Eleventy's ignore patterns, about 0.15 s of the main thread per save); here an
 * event costs one lstat of the file it names. Each folder has a watcher of its own: Node 20's recursive watching
 * on Linux loses a file once an editor saves it by renaming a new copy over it, as vim and sed do.
 */
export async function watchFolderTree(folder: string, report: (file: string) => void, settleMs: number): Promise<FolderWatch> {
  const watchers = new Map<string, FSWatcher>();
  const pending = new Map<string, NodeJS.Timeout>();
  /** Every file there now, as far as this watch knows: a path that goes is reported only if it was one. */
  const known = new Set<string>();
  /**
   * What the disk said of each file when it was last reported: a file whose events settle with the same identity was
   * not written since, and is not reported again. A folder swapped in reaches the watch twice (an event on its file
   * in the old folder's watcher, then the new folder's files), and each report is a rebuild of `npm start`.
   */
  const reportedAs = new Map<string, string>();
  let closed = false;

  const tell = (file: string) => {
    if (!closed) report(file);
  };

  /** Each event on `file` starts its wait again; once none came for settleMs, the write has settled. */
  const changed = (file: string) => {
    if (EDITOR_TEMPORARY.test(path.basename(file))) return;
    clearTimeout(pending.get(file));
    pending.set(
      file,
      setTimeout(() => {
        pending.delete(file);
        void lstat(file, { bigint: true }).then(
          (stats) => {
            if (stats.isDirectory()) {
              // A folder removed and made again under the same name has a new inode the old watcher does not see.
              unwatch(file);
              return watchTree(file, true);
            }
            known.add(file);
            const identity = [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(":");
            if (reportedAs.get(file) === identity) return;
            reportedAs.set(file, identity);
            tell(file);
          },
          () => {
            // A file it knew, or a folder it watched: what a save's temporary file never was.
            const wasFolder = watchers.has(file);
            unwatch(file);
            reportedAs.delete(file);
            if (known.delete(file) || wasFolder) tell(file);
          },
        );
      }, settleMs),
    );
  };

  /** A folder removed: its watchers go with it. */
  const unwatch = (gone: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched !== gone && !watched.startsWith(`${gone}${path.sep}`)) continue;
      watcher.close();
      watchers.delete(watched);
    }
  };

  /** Watches `at` and the folders below it; `reportFiles`: a folder made while watching, whose files are new. */
  const watchTree = async (at: string, reportFiles: boolean): Promise<void> => {
    if (closed || watchers.has(at)) return;
    try {
      watchers.set(at, watch(at, (_event, name) => name && !closed && changed(path.join(at, String(name)))).on("error", () => unwatch(at)));
    } catch (error) {
      // Out of inotify watches (ENOSPC), say: saves there would go unseen, which the editor must hear of.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.warn(`[hsg] ${at}: saves here are not watched (${(error as Error).message})`);
      return;
    }
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) await watchTree(file, reportFiles);
      else if (reportFiles) changed(file);
      else known.add(file);
    }
  };

  await watchTree(folder, false);
  return {
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
      watchers.clear();
      pending.clear();
    },
  };
}
