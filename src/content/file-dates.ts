import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { SITE_TIME_ZONE } from "../time/zone.ts";

const run = promisify(execFile);

/** When each content file last changed, for pages without an `updated` date. */
export interface FileDates {
  /** Where the dates come from: the last commit touching each file, or (shallow clone, no git) the file's own time. */
  source: "git" | "mtime";
  /** The last change of a file (a path relative to the project root), or undefined when it cannot be told. */
  of(file: string): DateTime | undefined;
}

/**
 * Parses `git log --name-only --format=%x00%cI` (newest commit first): each record is a NUL, the commit's ISO
 * date, then the files it touched. The first date a file appears with is its last change.
 */
export function parseGitLog(output: string): Map<string, string> {
  const latest = new Map<string, string>();
  for (const record of output.split("\0").slice(1)) {
    const [date, ...files] = record.split("\n").map((line) => line.trim()).filter(Boolean);
    if (!date) continue;
    for (const file of files) if (!latest.has(file)) latest.set(file, date);
  }
  return latest;
}

/** Why git dates cannot be trusted here, or undefined when they can. */
async function gitUnavailable(root: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--is-shallow-repository"], { cwd: root });
    // A shallow clone knows only its last commits: every file would seem to date from the newest of them.
    return stdout.trim() === "true" ? "the git clone is shallow" : undefined;
  } catch {
    return "git or its history is not available";
  }
}

/** The folders whose files' dates the build asks for. */
export const DATED_FOLDERS = ["content", "_data"] as const;

/**
 * The last-modified dates of `files` (paths relative to `root`), read with one `git log` for all of them. On a
 * shallow clone or without git, each file's modification time is used instead, and `warn` is told once.
 * A file git does not know yet (new, uncommitted) has no date: callers fall back to its publication date.
 */
export async function readFileDates(root: string, files: readonly string[], warn: (message: string) => void = console.warn): Promise<FileDates> {
  let reason = await gitUnavailable(root);
  if (!reason) {
    try {
      // --relative: paths relative to root even when the project sits in a subfolder of the repository.
      const { stdout } = await run("git", ["log", "--name-only", "--relative", "--no-renames", "--format=%x00%cI", "--", ...DATED_FOLDERS], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      const dates = new Map([...parseGitLog(stdout)].map(([file, date]) => [file, DateTime.fromISO(date, { zone: SITE_TIME_ZONE })]));
      return { source: "git", of: (file) => dates.get(file) };
    } catch (error) {
      reason = `git log failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
    }
  }
  warn(`Last-modified dates: ${reason}, so pages without "updated" use their file's modification time.`);
  const dates = new Map<string, DateTime>();
  await Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(root, file)).catch(() => undefined);
      if (info) dates.set(file, DateTime.fromJSDate(info.mtime, { zone: SITE_TIME_ZONE }));
    }),
  );
  return { source: "mtime", of: (file) => dates.get(file) };
}
