import { readFile, realpath, stat } from "node:fs/promises";
import { lstatSync, realpathSync, statSync, type BigIntStats, type Stats } from "node:fs";
import path from "node:path";

/**
 * Every file the content loader reads, and every picture content names, is resolved here with its real path
 * and must be a real file inside the repository. A path's text alone proves nothing: a symbolic link named
 * `pic.svg` can lead to any file on the machine. So the rule is simple: no symbolic link is followed, wherever
 * it points (one inside the repository could still reach `.env` or `.git/`), and no `..` or absolute path.
 */

/** A file's place once checked: its absolute path, or why it is refused (`missing` when it simply does not exist). */
export type ContainedPath = { ok: true; absolute: string } | { ok: false; missing: boolean; message: string };

/** What a path must be. */
type Expected = "file" | "folder";

/** Whether a file name holds a character no editor chose: printed raw, it could forge lines in the build's output. */
export function hasControlCharacter(name: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(name);
}

/** The problem with a path's text, before the disk is asked. */
function writtenProblem(file: string): string | undefined {
  if (hasControlCharacter(file)) return "has a control character in its name: rename the file";
  if (path.isAbsolute(file) || file.split(/[\\/]/).includes("..")) return "is outside the repository: content is read only from files inside it";
  return undefined;
}

/** The verdict on a path whose real location is known. */
function judge(realRoot: string, file: string, real: string, stats: Stats | BigIntStats, expected: Expected): ContainedPath {
  const lexical = path.join(realRoot, file);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return { ok: false, missing: false, message: "is a symbolic link that leads outside the repository: content is read only from files inside it" };
  }
  if (real !== lexical) {
    return { ok: false, missing: false, message: `is a symbolic link (to ${path.relative(realRoot, real)}): save the ${expected} itself here, a link is not followed` };
  }
  if (expected === "file" ? !stats.isFile() : !stats.isDirectory()) return { ok: false, missing: false, message: `is not a ${expected === "file" ? "regular file" : "folder"}` };
  return { ok: true, absolute: lexical };
}

const MISSING = { ok: false, missing: true, message: "cannot be read: the file is missing" } as const;

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * A repository folder and its real path, which each file's real path is compared with: a loader resolves it once
 * for all the files of one load (`inRepository`), instead of once per file, and the real path of each folder
 * files are found in, once per folder.
 */
export interface Repository {
  realRoot: string;
  /** The real path of each folder a file was located in, by its path relative to the root: for this load only. */
  readonly realFolders: Map<string, Promise<string>>;
}

/** The repository at `root`, its real path resolved now. */
export async function inRepository(root: string): Promise<Repository> {
  return { realRoot: await realpath(root), realFolders: new Map() };
}

/**
 * The real path of `file` and what the disk says of it (to nanoseconds). For a name read from its folder's listing
 * (`listed`), in a repository, the real path of the folder is resolved once, and a file that lstat shows is no
 * symbolic link lies, really, in that folder under that name: one system call per file instead of a realpath (a
 * readlink per part of the path) and a stat. A name the code expects (`_data/site.yaml`) still goes through
 * realpath, which gives the true case of the name on a disk that ignores case (macOS, Windows), so that
 * `_data/Site.yaml` is refused there as on Netlify's disk, which does not ignore it.
 */
async function realFile(where: string | Repository, file: string, listed: boolean): Promise<{ real: string; realRoot: string; stats: BigIntStats }> {
  if (listed && typeof where !== "string") {
    const folder = path.dirname(path.normalize(file));
    let realFolder = where.realFolders.get(folder);
    if (!realFolder) where.realFolders.set(folder, (realFolder = realpath(path.join(where.realRoot, folder))));
    const candidate = path.join(await realFolder, path.basename(file));
    // Synchronous on purpose: a load places every file of a folder at once (4,000 articles), and each lstat as a
    // promise is a trip through libuv's thread pool and a promise to settle; in a row they cost less in all
    // (`npm run check` at 4,000 articles, alternated: about 0.2 s of 2.5 and 7 % of its CPU).
    const stats = lstatSync(candidate, { bigint: true });
    if (!stats.isSymbolicLink()) return { real: candidate, realRoot: where.realRoot, stats };
  }
  const realRoot = typeof where === "string" ? await realpath(where) : where.realRoot;
  const real = await realpath(path.join(realRoot, file));
  return { real, realRoot, stats: await stat(real, { bigint: true }) };
}

/** containedPath with the disk's answer kept (to nanoseconds): one stat serves the check and the cache's look-up. */
async function locate(where: string | Repository, file: string, expected: Expected, listed = false): Promise<ContentPlace> {
  const problem = writtenProblem(file);
  if (problem) return { ok: false, missing: false, message: problem };
  try {
    const { real, realRoot, stats } = await realFile(where, file, listed);
    const verdict = judge(realRoot, file, real, stats, expected);
    return verdict.ok ? { ...verdict, stats } : verdict;
  } catch (error) {
    if (isMissing(error)) return MISSING;
    throw error;
  }
}

/** Checks that `file` (relative to the repository) is a real file or folder inside it, following no symbolic link. */
export async function containedPath(where: string | Repository, file: string, expected: Expected = "file"): Promise<ContainedPath> {
  return locate(where, file, expected);
}

/** containedPath for synchronous callers (the image resolver runs inside markdown-it's synchronous render). */
export function containedPathSync(root: string, file: string, expected: Expected = "file"): ContainedPath {
  const problem = writtenProblem(file);
  if (problem) return { ok: false, missing: false, message: problem };
  const realRoot = realpathSync.native(root);
  try {
    const real = realpathSync.native(path.join(realRoot, file));
    return judge(realRoot, file, real, statSync(real), expected);
  } catch (error) {
    if (isMissing(error)) return MISSING;
    throw error;
  }
}

/** The most a content file may hold, by kind: checked before it is read, so a huge file is refused by name instead of exhausting memory. */
export const SIZE_LIMITS = {
  /** An article or page copy: about 150,000 words, far beyond any article. */
  markdown: 1024 * 1024,
  /** A data file: the schedule of 10,000 classes fits several times over. */
  yaml: 4 * 1024 * 1024,
} as const;

/** The size limit of a file, by its extension. */
export function sizeLimitOf(file: string): { bytes: number; kind: string } {
  return file.endsWith(".md") ? { bytes: SIZE_LIMITS.markdown, kind: "Markdown" } : { bytes: SIZE_LIMITS.yaml, kind: "YAML" };
}

/** A content file's bytes, or why they were not read. */
export type ContentRead = { ok: true; bytes: Buffer } | { ok: false; missing: boolean; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A content file checked but not yet read: its absolute path and what the disk says of it (to nanoseconds). */
export type ContentPlace = { ok: true; absolute: string; stats: BigIntStats } | { ok: false; missing: boolean; message: string };

/**
 * Checks a content file's place and size without reading it, so that a cache can tell it unchanged from its size
 * and times. `listed` says the name was read from its folder's listing, so it is the name on the disk.
 */
export async function placeContentFile(where: string | Repository, file: string, options: { listed?: boolean } = {}): Promise<ContentPlace> {
  const place = await locate(where, file, "file", options.listed);
  if (!place.ok) return place;
  const limit = sizeLimitOf(file);
  const size = Number(place.stats.size);
  if (size > limit.bytes) {
    return { ok: false, missing: false, message: `is ${megabytes(size)}: a ${limit.kind} file may hold at most ${megabytes(limit.bytes)}, so split it into smaller files` };
  }
  return place;
}

/** Reads a content file (relative to `root`) after checking its place and its size. */
export async function readContentFile(root: string, file: string): Promise<ContentRead> {
  const place = await placeContentFile(root, file);
  if (!place.ok) return place;
  return { ok: true, bytes: await readFile(place.absolute) };
}
