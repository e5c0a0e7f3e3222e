import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, linkSync, readFileSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// Every cache under .cache/ follows the same two rules, so that a build killed half-way (or a file edited or swapped
// by hand) can only cost time, never publish a wrong or empty file: an entry is written under a temporary name in
// its own folder and renamed into place, and it carries (or is named by) the SHA-256 of its bytes, checked when it
// is read; an entry that fails the check is a miss and is made again.
//
// Entries are read, checked and linked with the synchronous calls: a build reads thousands of small ones in a row (a
// manifest and a picture for each social image, a texts file for each article), and a promise read costs four trips
// through libuv's thread pool (open, stat, read, close). At 4,000 articles the social images' check and links took
// 1.4 to 1.8 s that way and 0.5 to 0.6 s synchronously (docs/PERFORMANCE.md), with nothing else to run meanwhile.

/**
 * The version of an installed package, read from its package.json without loading the package: a cache key
 * names the encoder that made a file, so an upgrade that changes its bytes cannot serve the old ones.
 */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve(`${name}/package.json`);
  } catch {
    // Its exports hide package.json: it sits in the folder of the resolved entry point, or above it.
    let folder = path.dirname(require.resolve(name));
    while (!existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
    file = path.join(folder, "package.json");
  }
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

const codeVersions = new Map<string, string>();

/**
 * What a cached verdict was computed by: the source of the module that computes it and the versions of the
 * packages it uses, read once per process (a process runs the code it loaded), to put in the entry's key.
 */
export function codeVersion(module: string, packages: readonly string[]): string {
  const id = [module, ...packages].join("\0");
  let version = codeVersions.get(id);
  if (version === undefined) codeVersions.set(id, (version = [readFileSync(module, "utf8"), ...packages.map((name) => `${name}@${packageVersion(name)}`)].join("\0")));
  return version;
}

/**
 * Writes a file under a temporary name beside it, then renames it: a reader (a build running beside this one, the
 * dev server during a rebuild) never sees half a file, and a process killed while writing leaves none.
 */
export async function writeWholeFile(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(partial, content);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/** The SHA-256 of some bytes, in hex. */
export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const DIGEST_BYTES = 32;

/** Bytes preceded by their own SHA-256, so that a cache file cut short or changed since is noticed when read (unsealed). */
export function sealed(payload: string | Uint8Array): Buffer {
  const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
  return Buffer.concat([createHash("sha256").update(bytes).digest(), bytes]);
}

/** The payload of sealed bytes, or undefined when they are not exactly what was sealed. */
export function unsealed(bytes: Uint8Array): Buffer | undefined {
  if (bytes.length < DIGEST_BYTES) return undefined;
  const payload = Buffer.from(bytes.buffer, bytes.byteOffset + DIGEST_BYTES, bytes.length - DIGEST_BYTES);
  const digest = createHash("sha256").update(payload).digest();
  return digest.equals(Buffer.from(bytes.buffer, bytes.byteOffset, DIGEST_BYTES)) ? payload : undefined;
}

/** Reads a sealed cache file: its payload, or undefined when it is missing, cut short or changed. */
export async function readSealedFile(file: string): Promise<Buffer | undefined> {
  try {
    return unsealed(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** A made file kept in a cache folder, as a manifest records it: its name there (the hash of its bytes), length and hash. */
export interface StoredFile {
  file: string;
  bytes: number;
  sha256: string;
}

const STORED_NAME = /^([0-9a-f]{64})\.[a-z0-9]{1,8}$/;

/** Copies a freshly made file into `cacheFolder` under the hash of its bytes (written aside and renamed). */
export async function storeFile(cacheFolder: string, made: string): Promise<StoredFile> {
  return storeBytes(cacheFolder, await readFile(made), path.extname(made));
}

/** Keeps bytes made in memory in the cache folder under their hash and `extension` (".png"), as storeFile does a file. */
export async function storeBytes(cacheFolder: string, bytes: Uint8Array, extension: string): Promise<StoredFile> {
  const hash = sha256(bytes);
  const file = `${hash}${extension.toLowerCase()}`;
  await writeWholeFile(path.join(cacheFolder, file), bytes);
  return { file, bytes: bytes.length, sha256: hash };
}

/**
 * Whether a record names a file directly in `cacheFolder` (a plain name carrying its hash, so a manifest cannot
 * point anywhere else) that is there with exactly the recorded length and hash.
 */
export async function isStoredFileIntact(cacheFolder: string, stored: StoredFile): Promise<boolean> {
  const name = STORED_NAME.exec(String(stored.file));
  if (!name || name[1] !== stored.sha256 || !Number.isInteger(stored.bytes)) return false;
  try {
    const bytes = readFileSync(path.join(cacheFolder, stored.file));
    return bytes.length === stored.bytes && sha256(bytes) === stored.sha256;
  } catch {
    return false;
  }
}

/** Writes a manifest (what a cache key produced), sealed and tagged with its key, so it cannot be read for another key. */
export async function writeManifest(file: string, key: string, entries: unknown): Promise<void> {
  await writeWholeFile(file, sealed(JSON.stringify({ key, entries })));
}

/** The entries of a manifest written by writeManifest for `key`, or undefined when it is missing, damaged, or another key's. */
export async function readManifest(file: string, key: string): Promise<unknown> {
  const payload = await readSealedFile(file);
  if (!payload) return undefined;
  try {
    const manifest = JSON.parse(payload.toString("utf8")) as { key?: unknown; entries?: unknown };
    return manifest.key === key ? manifest.entries : undefined;
  } catch {
    return undefined;
  }
}

const SCRATCH_PREFIX = ".scratch-";

/**
 * Runs `work` with an empty scratch folder inside `cacheFolder` (the same file system, so its files can be
 * moved into the cache), deleted afterwards. Scratch folders left by killed processes are deleted first.
 */
export async function withScratchFolder<T>(cacheFolder: string, work: (folder: string) => Promise<T>): Promise<T> {
  await mkdir(cacheFolder, { recursive: true });
  for (const name of await readdir(cacheFolder)) {
    const owner = Number(name.slice(SCRATCH_PREFIX.length).split("-")[0]);
    if (name.startsWith(SCRATCH_PREFIX) && !isRunning(owner)) await rm(path.join(cacheFolder, name), { recursive: true, force: true });
  }
  const folder = path.join(cacheFolder, `${SCRATCH_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}`);
  await mkdir(folder, { recursive: true });
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Whether a process id belongs to a running process (the owner of a scratch folder). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Puts a cached file at its published path as a hard link: no bytes are copied, and cached files are never
 * rewritten in place (each is named by its inputs), so the link cannot change under the site. Across file
 * systems, where a link is impossible, it is copied.
 */
export async function publishCachedFile(cached: string, target: string): Promise<void> {
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch {
    copyFileSync(cached, target);
  }
}
