import { createHash, randomBytes } from "node:crypto";
import { readFileSync, type BigIntStats } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { DateTime } from "luxon";
import pMap from "p-map";
import type { ZodType } from "zod";
import { loadFile, type FileKind, type LoadedFile } from "./load-file.ts";
import { dependenciesUnchanged } from "./render-body.ts";
import { keepEqualEntries } from "./equal-entries.ts";
import { forgetListPieces } from "./list-pieces.ts";
import { readSealedFile, sealed, unsealed, writeWholeFile } from "../images/output-cache.ts";
import { SITE_TIME_ZONE, SITE_ZONE } from "../time/zone.ts";

/**
 * Keeps each content file's load result (src/content/load-file.ts) by a hash of everything it depends on:
 * the code that produces it, the file's kind, its path and its bytes. In memory, the few versions of each file used
 * last (so `npm start` re-renders only the files that changed), and on disk in `.cache/content/` (so a later build,
 * or a Netlify deploy that keeps `.cache/`, starts warm). A cache that misses is only slower.
 *
 * On disk the results are packed into a few shard files, read once when a process first needs one and written
 * once when the load is done (save()), only the shards that gained or lost a result: one file per content file
 * made a warm `npm run check` spend its time opening and parsing thousands of small files. The long texts of a
 * result (an article's Markdown and HTML: a kind's `longTexts`, nine tenths of the bytes) are kept apart, in a
 * file of their own per result (`texts/<key>.bin`, written by save(), a few at a time), so that one
 * article's can be read alone: a cache made with `texts: false` (`npm run check`, which draws no page) never reads
 * them, and the results it gives have those fields as getters that throw, so a check that came to need them fails
 * loudly; one made with `readTextsWhenUsed` (a production build) checks them when it hands a result out, but keeps
 * none in memory: each read of an article's HTML takes it from its file, so the model does not grow with the
 * articles' text (docs/PERFORMANCE.md, "Memory"). Every file is written aside and renamed, and sealed with the
 * SHA-256 of its bytes (src/images/output-cache.ts): a file cut short, edited or swapped for another is not read
 * at all, and its results are computed again.
 *
 * A file is read and hashed only when the cache cannot tell it unchanged from the disk's word (loadPlaced()):
 * each result found or computed from a file's bytes is noted under that file's identity (size, modification and
 * change times to the nanosecond, inode and device) in a sealed index beside the shards. When the file still has
 * exactly that identity, the result sealed for those bytes is used without reading them. Why that is safe: any
 * write to a file sets its change time to the clock's present, and no program can set it back (touch and git set
 * only the modification time), so a file whose identity matches has not been written since its bytes were hashed.
 * The one gap is a second write within the file system's clock tick (a few milliseconds) with the same size:
 * like git's "racily clean" entries, an identity is noted only once the file's times are SETTLED_MS in the
 * past, so a file written that recently is always hashed. A fresh checkout (CI, Netlify restoring `.cache/`)
 * has new inodes and change times, so every file there is hashed once: the index never vouches for a file it
 * did not see on this disk. What it costs: a result is trusted on the identity alone, so a disk or a tool that
 * rewrites file contents without moving the change time (none that edits files does) would serve stale results.
 */

/** Where the results are kept, relative to the project root. */
export const CONTENT_CACHE_FOLDER = ".cache/content";

// Results are spread over the shards by their key: an edit rewrites one shard, not all the results.
const SHARD_COUNT = 16;
// Raised when the shape of a shard changes, so an older shard is ignored rather than misread.
const PACK_FORMAT = 5;
// The results' long texts, a file per result, named by its key.
const TEXTS_FOLDER = "texts";
// Texts files written at once by save(): each holds its serialised bytes until written.
const TEXTS_WRITES_AT_ONCE = 8;
// The index of file identities, beside the shards.
const IDENTITIES_FILE = "identities.bin";
const IDENTITIES_FORMAT = 1;
/** How long ago a file must have been written before its identity vouches for its bytes (see above). */
export const SETTLED_MS = 2_000;

/** What the disk says of a file, as noted with the key of its bytes: equal identities mean unwritten since. */
interface FileIdentity {
  kind: string;
  key: string;
  /** Size, modification and change times in nanoseconds, inode and device, joined: compared whole. */
  stamp: string;
}

/** The identities file's content. */
interface IdentitiesFile {
  format: number;
  code: string;
  identities: Map<string, FileIdentity>;
}

/** A result as it is stored: luxon dates replaced by their instant and zone, listed by where they go. */
interface StoredResult {
  result: LoadedFile<unknown>;
  dates: { at: (string | number)[]; millis: number; zone: string }[];
  /** The long texts taken out of each entry, by entry: the names only; the texts are in the result's texts file. */
  texts?: string[][];
  /**
   * Made anew each time a result is stored, and stored with its texts too: a result and texts stored apart can be
   * of two versions (the key names the file's bytes, not the images its HTML shows; the two files are renamed one
   * after the other), and texts of another version are a miss, never served.
   */
  textsId?: string;
}

/** A result's long texts as stored in its texts file: each entry's, by field name, with the id of the result they belong to. */
interface StoredTexts {
  format: number;
  code: string;
  // A texts file renamed to another key's name is not read as that key's.
  key: string;
  id: string;
  entries: Record<string, string>[];
}

/** What store() makes of a result: the bytes for its shard and, when it has long texts, the texts for their file. */
interface StoredBytes {
  result: Uint8Array;
  texts?: { id: string; entries: Record<string, string>[] };
}

/** One shard file's content: results of one code version, by key, each serialised on its own. */
interface ShardFile {
  format: number;
  code: string;
  part: "results";
  // Which shard this is: a shard file renamed over another (whose seal still holds) is not read as that one.
  index: number;
  // Each result stays bytes until it is asked for: a load deserialises only the results it uses, each into objects of its own.
  results: Map<string, Uint8Array>;
}

/** The results on disk of one project, as read by this process, and which shards differ from their files. */
interface Pack {
  shards: Map<string, Uint8Array>[];
  changed: Set<number>;
  /** The identity of each file by its path, and whether it changed since it was read. */
  identities: Map<string, FileIdentity>;
  identitiesChanged: boolean;
}

// Results by key, shared by every load in this process: the content's files, each in the VERSIONS_IN_MEMORY of its
// versions used last, so an `npm start` session of many saves does not keep a loaded result per save; a full rebuild
// of an unchanged site adds nothing. An older version an editor returns to is read from the disk cache, as in a new
// process. (The stored bytes of each version still join the packed shards, in memory and on disk, until a
// production build prunes them: that is what an undo reads back.)
const memory = new Map<string, LoadedFile<unknown>>();
// Each file's keys in memory, the latest used last. By path alone, as keys are (keyOf): project copies built in one
// process (the tests') share the slots of a path, which costs them only a load from disk.
const versionsInMemory = new Map<string, string[]>();
/** How many versions of one file memory keeps: the current one, and the few just before it that an undo may bring back. */
export const VERSIONS_IN_MEMORY = 4;
// Each file's last result by project root and path, whose unchanged entries a new result of the file takes over
// (src/content/equal-entries.ts). Bounded by the number of content files.
const latest = new Map<string, LoadedFile<unknown>>();
// The packed results by cache folder, read at most once per process: `npm start` rebuilds share them.
const packs = new Map<string, Promise<Pack>>();

let codeVersion: Promise<string> | undefined;

/** Keeps `result` in memory as the latest version of `file`, letting go of the file's oldest beyond VERSIONS_IN_MEMORY. */
function keepInMemory(file: string, key: string, result: LoadedFile<unknown>): void {
  memory.set(key, result);
  const keys = (versionsInMemory.get(file) ?? []).filter((kept) => kept !== key);
  keys.push(key);
  // A key names its file's path (keyOf), so no other file's list holds it.
  while (keys.length > VERSIONS_IN_MEMORY) memory.delete(keys.shift()!);
  versionsInMemory.set(file, keys);
}

/** Forgets the results kept in memory, so the next load reads the disk cache: for tests and the bench. */
export function forgetContentCacheMemory(): void {
  memory.clear();
  versionsInMemory.clear();
  latest.clear();
  packs.clear();
  forgetListPieces();
}

/**
 * A hash of the source of everything under src/ and of the locked dependency versions, computed once per
 * process: any change to the loader, the schemas or the Markdown renderer (or a plugin of theirs) gives new keys,
 * so a code change can never serve stale HTML. Hashing all of src/ rather than a chosen few folders is the
 * safe side: it costs a cold load after an unrelated code change, never a wrong page.
 */
export function contentCodeVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const hash = createHash("sha256");
    const names = (await readdir(src, { recursive: true, encoding: "utf8" })).filter((name) => /\.(ts|js|mjs|json)$/.test(name)).sort();
    const texts = await Promise.all(names.map((name) => readFile(path.join(src, name))));
    names.forEach((name, index) => hash.update(name).update("\0").update(texts[index]!).update("\0"));
    hash.update(await readFile(path.join(src, "..", "package-lock.json")).catch(() => Buffer.from("no lock file")));
    return hash.digest("hex").slice(0, 16);
  })();
  return codeVersion;
}

/** The cache of one project root. */
export class ContentCache {
  readonly folder: string;
  /** How many results this cache computed, read from disk, or found in memory: for the bench and the tests. */
  readonly stats = { computed: 0, disk: 0, memory: 0 };
  /** How many files loadPlaced() did not read, their identity unchanged: for the bench and the tests. */
  unread = 0;
  /** The keys this cache was asked for: what prune() keeps. */
  readonly #used = new Set<string>();
  /** Results computed since the last save() whose long texts are still to be written, by key. */
  readonly #unwritten = new Map<string, { result: LoadedFile<unknown>; bytes: StoredBytes }>();
  private readonly disk: boolean;
  private readonly settledMs: number;
  private readonly texts: boolean;
  private readonly readTextsWhenUsed: boolean;

  /**
   * `texts: false` loads results without their long texts, for a command that draws no page; `readTextsWhenUsed`
   * gives them as getters that read them from their file at each use, for a build that draws each page once (see above).
   */
  constructor(
    private readonly root: string,
    options: { disk?: boolean; settledMs?: number; texts?: boolean; readTextsWhenUsed?: boolean } = {},
  ) {
    this.folder = path.join(root, CONTENT_CACHE_FOLDER);
    this.disk = options.disk ?? true;
    this.settledMs = options.settledMs ?? SETTLED_MS;
    this.texts = options.texts ?? true;
    this.readTextsWhenUsed = this.disk && (options.readTextsWhenUsed ?? false);
  }

  /**
   * The load result of the file at `absolute` (checked by the caller, src/content/contained-file.ts), whose
   * `stats` were just taken: when the file has the identity noted with a result's key, that result, without
   * reading the file; otherwise the file is read and loaded by its bytes (load()), and its identity noted.
   */
  async loadPlaced<S extends ZodType, T>(kind: FileKind<S, T>, file: string, absolute: string, stats: BigIntStats): Promise<LoadedFile<T>> {
    const pack = this.disk ? await this.pack() : undefined;
    const stamp = identityStamp(stats);
    const known = pack?.identities.get(file);
    if (known && known.kind === kind.name && known.stamp === stamp) {
      const result = await this.byKey<T>(file, known.key);
      if (result) {
        this.unread++;
        latest.set(this.#latestKey(file), result);
        return result;
      }
    }
    const text = await readFile(absolute);
    const result = await this.load(kind, file, text);
    // Noted only when settled: a write in the same clock tick as the stat could leave the identity as it was.
    const written = Number((stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs) / 1_000_000n);
    if (pack && Date.now() - written >= this.settledMs) {
      const key = keyOf(kind.name, file, text);
      if (known?.key !== key || known.stamp !== stamp) {
        pack.identities.set(file, { kind: kind.name, key, stamp });
        pack.identitiesChanged = true;
      }
    }
    return result;
  }

  /** The load result of a file with this text, from memory, disk or computed (and then kept until save()). */
  async load<S extends ZodType, T>(kind: FileKind<S, T>, file: string, text: Buffer | string): Promise<LoadedFile<T>> {
    // The code version is not part of the key: shards written by other code are not read at all, and memory lives in one process.
    const key = keyOf(kind.name, file, text);
    const found = await this.byKey<T>(file, key);
    if (found) {
      // A text this cache has seen before (an editor's undo, a branch switched back): its entries are the objects of
      // that load, so those equal to the last load's become the last load's objects, as for a computed result, and
      // the model keeps what it derived from them instead of deriving every class again.
      const previous = latest.get(this.#latestKey(file)) as LoadedFile<T> | undefined;
      if (previous !== found) keepEqualEntries(kind, previous, found);
      latest.set(this.#latestKey(file), found);
      return found;
    }
    const pack = this.disk ? await this.pack() : undefined;
    const computed = await loadFile(kind, file, text, path.resolve(this.root));
    this.stats.computed++;
    const bytes = pack ? store(computed, kind.longTexts ?? []) : undefined;
    // What is kept is the stored copy, as a later build reads it: the loader's strings are often slices of the
    // file's text, which V8 keeps whole for them, so the computed result held every article's Markdown.
    const stored = bytes && revive<T>(bytes.result);
    const result = stored ? stored.result : computed;
    if (stored?.texts && bytes?.texts) withTexts(result, stored.texts, bytes.texts.entries);
    keepEqualEntries(kind, latest.get(this.#latestKey(file)) as LoadedFile<T> | undefined, result);
    latest.set(this.#latestKey(file), result);
    keepInMemory(file, key, result);
    if (!pack || !bytes) return result;
    // A result with long texts joins its shard once they are written (save()), a few at a time.
    if (bytes.texts) this.#unwritten.set(key, { result, bytes });
    else addToShard(pack, key, bytes.result);
    return result;
  }

  #latestKey(file: string): string {
    return `${this.root}\0${file}`;
  }

  /** The result kept under `key`, from memory or disk, if the images it names are unchanged. */
  private async byKey<T>(file: string, key: string): Promise<LoadedFile<T> | undefined> {
    this.#used.add(key);
    // A result is keyed by its own file's bytes; the images it names are checked here, since they change on their own.
    const inMemory = memory.get(key);
    // Texts read when used are getters, not fields: a copy of the result made with `{ ...source }` (a derivation's
    // edit, a test's) would lose them, so such a result goes only to a cache that reads texts so, and another one
    // (npm start's, a test's in the same process as a production build) reads or computes its own. Those texts are
    // read from a file that a production build beside this process may have pruned since.
    const fits = inMemory && (this.readTextsWhenUsed || !textsOnDisk.has(inMemory));
    if (fits && dependenciesUnchanged(this.root, inMemory.dependencies) && (await textsStillOnDisk(inMemory))) {
      this.stats.memory++;
      keepInMemory(file, key, inMemory);
      return inMemory as LoadedFile<T>;
    }
    // The disk is read only when memory misses: `npm start` keeps serving saves from memory.
    if (!this.disk) return undefined;
    const pack = await this.pack();
    const stored = pack.shards[shardOf(key)]!.get(key);
    const onDisk = stored ? revive<T>(stored) : undefined;
    if (!onDisk || !dependenciesUnchanged(this.root, onDisk.result.dependencies)) return undefined;
    if (!this.texts) {
      // Kept out of memory: a build later in this process must find the result whole.
      withoutTexts(onDisk.result, onDisk.texts);
    } else if (onDisk.texts) {
      // Texts lost, damaged, of other code or of another version of the result: computed again, texts and all.
      const texts = onDisk.textsId === undefined ? undefined : await readTexts(this.folder, key, onDisk.textsId);
      if (!texts || !fitsResult(texts, onDisk.result, onDisk.texts)) return undefined;
      if (this.readTextsWhenUsed) readWhenUsed(onDisk.result, this.folder, key, texts.id, onDisk.texts, texts.code);
      else withTexts(onDisk.result, onDisk.texts, texts.entries);
      keepInMemory(file, key, onDisk.result);
    } else {
      keepInMemory(file, key, onDisk.result);
    }
    this.stats.disk++;
    return onDisk.result;
  }

  /**
   * Writes the shards that gained results since they were read. Called once the content is loaded; results
   * computed by a load that is not saved are only lost, never wrong.
   */
  async save(): Promise<void> {
    if (!this.disk || !packs.has(this.folder)) return;
    const pack = await this.pack();
    await this.writeTexts(pack);
    await this.write(pack);
  }

  /**
   * Writes the long texts of the results computed since the last save, each into its file, and adds each result to
   * its shard. In a cache that reads texts when used, the result then lets go of them. Written here, not as each
   * result is computed: the loads read their files through the same thread pool, and writes queued behind them
   * held every article's serialised texts at once.
   */
  private async writeTexts(pack: Pack): Promise<void> {
    const unwritten = [...this.#unwritten];
    this.#unwritten.clear();
    const code = await contentCodeVersion();
    await pMap(
      unwritten,
      async ([key, { result, bytes }]) => {
        // A result whose texts could not be written stays in memory only (a full or read-only disk is only slower).
        if (!bytes.texts || !(await writeTexts(this.folder, key, bytes.texts))) return;
        addToShard(pack, key, bytes.result);
        if (this.readTextsWhenUsed) readWhenUsed(result, this.folder, key, bytes.texts.id, bytes.texts.entries.map((fields) => Object.keys(fields)), code);
      },
      { concurrency: TEXTS_WRITES_AT_ONCE },
    );
  }

  /**
   * Deletes the results on disk that this cache was not asked for: older versions of edited files and results
   * of older code. Called after a production build has loaded all content, it keeps `.cache/content/` as big
   * as the content, however many builds and edits came before. Returns how many results it removed.
   */
  async prune(): Promise<number> {
    if (!this.disk) return 0;
    const pack = await this.pack();
    await this.writeTexts(pack);
    let removed = 0;
    pack.shards.forEach((shard, index) => {
      for (const key of shard.keys()) {
        if (this.#used.has(key)) continue;
        shard.delete(key);
        pack.changed.add(index);
        removed++;
      }
    });
    // Identities of files this build did not load (deleted, renamed) or whose result was pruned go too.
    for (const [file, identity] of pack.identities) {
      if (this.#used.has(identity.key)) continue;
      pack.identities.delete(file);
      pack.identitiesChanged = true;
    }
    await this.write(pack);
    // A production build loads its content once: the packed bytes are not kept through rendering (a later load re-reads them).
    packs.delete(this.folder);
    // Files of other code versions or formats (per-file results and the text shards of older code included) are not read again.
    const expected = new Set([...Array.from({ length: SHARD_COUNT }, (_, index) => shardName(index)), IDENTITIES_FILE, TEXTS_FOLDER]);
    for (const name of await readdir(this.folder).catch(() => [] as string[])) {
      // A build running beside this one at worst computes a deleted result again.
      if (!expected.has(name)) await rm(path.join(this.folder, name), { recursive: true, force: true });
    }
    // Texts whose result is gone go with it, as do texts written for a result that was never saved (a build cut short).
    const kept = (key: string) => this.#used.has(key) && pack.shards[shardOf(key)]!.has(key);
    for (const name of await readdir(path.join(this.folder, TEXTS_FOLDER)).catch(() => [] as string[])) {
      if (!kept(name.replace(/\.bin$/, ""))) await rm(path.join(this.folder, TEXTS_FOLDER, name), { force: true });
    }
    return removed;
  }

  /** The results on disk, read on first use by any cache of this folder in this process. */
  private pack(): Promise<Pack> {
    let pack = packs.get(this.folder);
    if (!pack) {
      pack = readPack(this.folder);
      packs.set(this.folder, pack);
    }
    return pack;
  }

  private async write(pack: Pack): Promise<void> {
    if (pack.changed.size === 0 && !pack.identitiesChanged) return;
    const code = await contentCodeVersion();
    const changed = [...pack.changed];
    pack.changed.clear();
    const files: [string, unknown][] = changed.map((index): [string, unknown] => [shardName(index), { format: PACK_FORMAT, code, part: "results", index, results: pack.shards[index]! } satisfies ShardFile]);
    if (pack.identitiesChanged) files.push([IDENTITIES_FILE, { format: IDENTITIES_FORMAT, code, identities: pack.identities } satisfies IdentitiesFile]);
    pack.identitiesChanged = false;
    await Promise.all(files.map(([name, content]) => writeSealed(path.join(this.folder, name), serialize(content))));
  }
}

/**
 * Writes a sealed file beside its place and renames it there (writeWholeFile), so a build running at the same time
 * never reads half a file. False when the disk refused: a read-only or full disk makes the next build slower, not wrong.
 */
async function writeSealed(target: string, payload: Uint8Array): Promise<boolean> {
  return writeWholeFile(target, sealed(payload)).then(
    () => true,
    () => false,
  );
}

/** The file of a result's long texts. */
function textsFile(folder: string, key: string): string {
  return path.join(folder, TEXTS_FOLDER, `${key}.bin`);
}

/** Writes a result's long texts into their file; false when the disk refused. */
async function writeTexts(folder: string, key: string, texts: { id: string; entries: Record<string, string>[] }): Promise<boolean> {
  const content: StoredTexts = { format: PACK_FORMAT, code: await contentCodeVersion(), key, ...texts };
  return writeSealed(textsFile(folder, key), serialize(content));
}

/** The long texts of the result stored under `key` with `id`, or undefined when the file is missing, damaged, of other code or of another version. */
async function readTexts(folder: string, key: string, id: string): Promise<StoredTexts | undefined> {
  return textsOf(await readSealedFile(textsFile(folder, key)), key, id, await contentCodeVersion());
}

/** The texts in a texts file's unsealed payload, if they are the ones stored for `key` with `id` by this code. */
function textsOf(payload: Uint8Array | undefined, key: string, id: string, code: string): StoredTexts | undefined {
  if (!payload) return undefined;
  try {
    const stored = deserialize(payload) as StoredTexts;
    const fits = stored.format === PACK_FORMAT && stored.code === code && stored.key === key && stored.id === id && Array.isArray(stored.entries);
    return fits ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Adds a stored result to its shard, which save() then writes. */
function addToShard(pack: Pack, key: string, bytes: Uint8Array): void {
  const shard = shardOf(key);
  pack.shards[shard]!.set(key, bytes);
  pack.changed.add(shard);
}

async function readPack(folder: string): Promise<Pack> {
  const code = await contentCodeVersion();
  const shards = await Promise.all(Array.from({ length: SHARD_COUNT }, (_, index) => readShard(folder, index, code)));
  return { shards, changed: new Set(), identities: await readIdentities(folder, code), identitiesChanged: false };
}

/** One shard's entries by key, or none when the file is missing, damaged, of other code or not this shard. */
async function readShard(folder: string, index: number, code: string): Promise<Map<string, Uint8Array>> {
  try {
    const bytes = unsealed(await readFile(path.join(folder, shardName(index))));
    const shard = bytes ? (deserialize(bytes) as ShardFile) : undefined;
    if (shard?.format === PACK_FORMAT && shard.code === code && shard.part === "results" && shard.index === index && shard.results instanceof Map) return shard.results;
  } catch {
    // Missing, or unreadable: its results are computed again.
  }
  return new Map<string, Uint8Array>();
}

/** The identities noted by earlier runs of this code, or none when the file is missing, damaged or of other code. */
async function readIdentities(folder: string, code: string): Promise<Map<string, FileIdentity>> {
  try {
    const bytes = unsealed(await readFile(path.join(folder, IDENTITIES_FILE)));
    const content = bytes ? (deserialize(bytes) as IdentitiesFile) : undefined;
    if (content?.format === IDENTITIES_FORMAT && content.code === code && content.identities instanceof Map) return content.identities;
  } catch {
    // Missing or unreadable: every file is read and hashed, and noted again.
  }
  return new Map();
}

/** The key of a load result: the file's kind, path and bytes (the code version is checked per shard). */
function keyOf(kind: string, file: string, text: Buffer | string): string {
  return createHash("sha256").update(kind).update("\0").update(file).update("\0").update(text).digest("hex");
}

/** Everything the disk says that a write would change, to the nanosecond. */
function identityStamp(stats: BigIntStats): string {
  return [stats.size, stats.mtimeNs, stats.ctimeNs, stats.ino, stats.dev].join(":");
}

function shardOf(key: string): number {
  return Number.parseInt(key.slice(0, 2), 16) % SHARD_COUNT;
}

function shardName(index: number): string {
  return `results-${index.toString(16).padStart(2, "0")}.bin`;
}

/**
 * A result as bytes that v8.deserialize gives back whole: each luxon date becomes its instant and zone, listed by
 * where it was; the fields named in `longTexts` are taken out of each entry and stored apart.
 */
function store(result: LoadedFile<unknown>, longTexts: readonly string[]): StoredBytes | undefined {
  const dates: StoredResult["dates"] = [];
  // One path, extended and shortened while walking: copied only where a date is found.
  const at: (string | number)[] = [];
  const copy = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (DateTime.isDateTime(value)) {
      dates.push({ at: [...at], millis: value.toMillis(), zone: value.zoneName ?? "UTC" });
      return null;
    }
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        at.push(index);
        const copied = copy(item);
        at.pop();
        return copied;
      });
    }
    const copied: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      at.push(name);
      copied[name] = copy((value as Record<string, unknown>)[name]);
      at.pop();
    }
    return copied;
  };
  try {
    const light = copy(result) as LoadedFile<unknown>;
    const taken: StoredTexts["entries"] = light.entries.map((entry) => {
      const data = entry.data as Record<string, unknown>;
      const fields: Record<string, string> = {};
      for (const field of longTexts) {
        if (typeof data[field] !== "string") continue;
        fields[field] = data[field];
        delete data[field];
      }
      return fields;
    });
    const names = taken.map((fields) => Object.keys(fields));
    if (!names.some((fields) => fields.length > 0)) return { result: serialize({ result: light, dates } satisfies StoredResult) };
    const id = randomBytes(12).toString("hex");
    return { result: serialize({ result: light, dates, texts: names, textsId: id } satisfies StoredResult), texts: { id, entries: taken } };
  } catch {
    // A value v8 cannot serialise (none is expected in plain content data) leaves the result in memory only.
    return undefined;
  }
}

/**
 * The result a stored one was made from, its dates luxon dates again (the same instant in the same zone), and the
 * names of the long texts it still lacks (withTexts() or withoutTexts() finishes it).
 */
function revive<T>(bytes: Uint8Array): { result: LoadedFile<T>; texts?: string[][]; textsId?: string } | undefined {
  let stored: StoredResult;
  try {
    stored = deserialize(bytes) as StoredResult;
  } catch {
    return undefined;
  }
  const { result, dates } = stored;
  for (const date of dates) {
    let parent = result as unknown as Record<string | number, unknown>;
    for (const step of date.at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    // Dates of the site's zone come back in its cached zone, as the loader made them.
    parent[date.at.at(-1)!] = DateTime.fromMillis(date.millis, { zone: date.zone === SITE_ZONE ? SITE_TIME_ZONE : date.zone });
  }
  return { result: result as LoadedFile<T>, ...(stored.texts ? { texts: stored.texts, textsId: stored.textsId } : {}) };
}

/** Whether stored texts have every long text a revived result lacks, entry by entry. */
function fitsResult(stored: StoredTexts, result: LoadedFile<unknown>, names: string[][]): boolean {
  if (stored.entries.length !== result.entries.length) return false;
  return names.every((fields, index) => fields.every((field) => typeof stored.entries[index]?.[field] === "string"));
}

/** Puts `property(index, field)` in place of each long text that `names` lists, entry by entry. */
function defineTexts(result: LoadedFile<unknown>, names: string[][] | undefined, property: (index: number, field: string) => PropertyDescriptor): void {
  result.entries.forEach((entry, index) => {
    for (const field of names?.[index] ?? []) Object.defineProperty(entry.data, field, property(index, field));
  });
}

/** Puts a revived result's long texts back, from its stored texts (checked by fitsResult()): plain fields, as loaded. */
function withTexts(result: LoadedFile<unknown>, names: string[][], texts: StoredTexts["entries"]): void {
  defineTexts(result, names, (index, field) => ({ value: texts[index]![field], enumerable: true, writable: true, configurable: true }));
}

/** Where a result's long texts are read from when used (readWhenUsed()), by result. */
const textsOnDisk = new WeakMap<LoadedFile<unknown>, { folder: string; key: string; id: string }>();

/**
 * Gives a result, in place of its long texts, getters that read them from their file at each use and keep nothing:
 * the HTML of an article is in memory while its page renders, not for the whole build. The file was checked when
 * the result was handed out; one changed since (a production build beside this one pruned it) stops the build
 * with the file's name rather than draw a page without its text. Not enumerable, as withoutTexts()'s getters.
 */
function readWhenUsed(result: LoadedFile<unknown>, folder: string, key: string, id: string, names: string[][], code: string): void {
  textsOnDisk.set(result, { folder, key, id });
  const file = textsFile(folder, key);
  const read = (): StoredTexts | undefined => {
    try {
      return textsOf(unsealed(readFileSync(file)), key, id, code);
    } catch {
      return undefined;
    }
  };
  defineTexts(result, names, (index, field) => ({
    enumerable: false,
    configurable: true,
    get(): string {
      const text = read()?.entries[index]?.[field];
      if (typeof text !== "string") throw new Error(`${result.file}: its "${field}" is no longer in the content cache (${path.relative(process.cwd(), file)}), which another build changed during this one: build again`);
      return text;
    },
  }));
}

/** Whether a result kept in memory whose texts are read when used still finds them on disk, as they were stored. */
async function textsStillOnDisk(result: LoadedFile<unknown>): Promise<boolean> {
  const where = textsOnDisk.get(result);
  return !where || (await readTexts(where.folder, where.key, where.id)) !== undefined;
}

/**
 * Gives a revived result, in place of its long texts, getters that throw: a command that loads without texts
 * draws no page, and one that came to read them must fail naming the field rather than show an empty article.
 * Not enumerable, so that the derive step's copies (`{ ...article }`) do not call them; such a copy has no text
 * field at all, which a check never reads either.
 */
function withoutTexts(result: LoadedFile<unknown>, names: string[][] | undefined): void {
  defineTexts(result, names, (_index, field) => ({
    enumerable: false,
    get() {
      throw new Error(`${result.file}: "${field}" was loaded without the long texts (ContentCache with texts: false), for a command that draws no page`);
    },
  }));
}
