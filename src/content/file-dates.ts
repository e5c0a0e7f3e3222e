import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
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

/** The commit checked out, or why git dates cannot be trusted here. */
type HeadState = { head: string } | { unavailable: string };

/** The git folders of a project folder, as the last `git rev-parse` named them (they do not move). */
let gitFolders: { folder: string; gitDir: string; commonDir: string } | undefined;
/** The last `git rev-parse`'s answer, with the stamp the files HEAD is resolved from had before it ran. */
let lastHead: { folder: string; stamp: string; state: HeadState } | undefined;

/** Reads a file's text, or "" when it is not there. */
const textOf = (file: string) => readFile(file, "utf8").catch(() => "");

/** A file's size, time and inode, or "-" when it is not there: enough to tell a file rewritten or renamed into place. */
const statOf = (file: string) => stat(file).then((info) => `${info.size}:${info.mtimeMs}:${info.ino}`, () => "-");

/**
 * What HEAD is resolved from, as one string: HEAD itself (a branch or a commit), the branch's loose ref, the packed
 * refs, and whether the clone is shallow. A commit, a checkout, a fetch into a shallow clone or a repacking of the
 * refs changes one of them. Undefined for a repository that keeps its refs otherwise (reftable): git is asked each time.
 */
async function headStamp(gitDir: string, commonDir: string): Promise<string | undefined> {
  if ((await statOf(path.join(commonDir, "reftable"))) !== "-") return undefined;
  const head = await textOf(path.join(gitDir, "HEAD"));
  const ref = /^ref: (refs\/[^\n]+)/.exec(head)?.[1];
  const loose = ref ? await textOf(path.join(commonDir, ref)) : "";
  return [head, loose, await statOf(path.join(commonDir, "packed-refs")), await statOf(path.join(commonDir, "shallow"))].join("\0");
}

/**
 * The commit checked out, or why git dates cannot be trusted here, from one `git rev-parse`. `npm start` asks on
 * every save: started from a process of a gigabyte, git took about 25 ms of each save at 4,000 articles. The answer
 * is kept with the stamp of the files git resolved HEAD from (headStamp), and given again while they are unchanged.
 */
async function gitHead(root: string): Promise<HeadState> {
  const folder = path.resolve(root);
  const known = gitFolders?.folder === folder ? gitFolders : undefined;
  // Taken before git runs: a commit while it runs changes the stamp, and the next call asks again.
  const before = known ? await headStamp(known.gitDir, known.commonDir) : undefined;
  if (before !== undefined && lastHead?.folder === folder && lastHead.stamp === before) return lastHead.state;
  lastHead = undefined;
  try {
    const { stdout } = await run("git", ["rev-parse", "--git-dir", "--git-common-dir", "--is-shallow-repository", "HEAD"], { cwd: root });
    const [gitDir, commonDir, shallow, head] = stdout.trim().split("\n");
    // Relative to the folder git ran in, when that is the repository's top.
    gitFolders = { folder, gitDir: path.resolve(folder, gitDir!), commonDir: path.resolve(folder, commonDir!) };
    // A shallow clone knows only its last commits: every file would seem to date from the newest of them.
    const state = shallow === "true" ? { unavailable: "the git clone is shallow" } : { head: head! };
    // Kept only with a stamp taken before this run of git (so from the second call on).
    if (before !== undefined) lastHead = { folder, stamp: before, state };
    return state;
  } catch {
    return { unavailable: "git or its history is not available" };
  }
}

/**
 * The dates last read from git, with the project's absolute folder and the commit they were read at. `git log`
 * says the same until the next commit, so `npm start` reads it again only then, not on every save (about 150 ms
 * at 4,000 articles); and a save that changed no file's date hands the model the same dates as before. One
 * entry: a process builds one project, and a process that builds several (the tests) keeps no more than one.
 */
let readAtCommit: { folder: string; head: string; dates: FileDates } | undefined;

/** The folders whose files' dates the build asks for. */
export const DATED_FOLDERS = ["content", "_data"] as const;

/**
 * The last-modified dates of `files` (paths relative to `root`), read with one `git log` for all of them (and
 * kept until the next commit: the same object while HEAD stays where it is). On a
 * shallow clone or without git, each file's modification time is used instead, and `warn` is told once.
 * A file git does not know yet (new, uncommitted) has no date: callers fall back to its publication date.
 */
export async function readFileDates(root: string, files: readonly string[], warn: (message: string) => void = console.warn): Promise<FileDates> {
  const state = await gitHead(root);
  let reason = "unavailable" in state ? state.unavailable : undefined;
  if ("head" in state) {
    // By the absolute folder: `--relative` paths depend on where the project sits in the repository.
    const folder = path.resolve(root);
    if (readAtCommit?.folder === folder && readAtCommit.head === state.head) return readAtCommit.dates;
    try {
      // --relative: paths relative to root even when the project sits in a subfolder of the repository.
      const { stdout } = await run("git", ["log", "--name-only", "--relative", "--no-renames", "--format=%x00%cI", state.head, "--", ...DATED_FOLDERS], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      const dates = new Map([...parseGitLog(stdout)].map(([file, date]) => [file, DateTime.fromISO(date, { zone: SITE_TIME_ZONE })]));
      const read: FileDates = { source: "git", of: (file) => dates.get(file) };
      readAtCommit = { folder, head: state.head, dates: read };
      return read;
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
