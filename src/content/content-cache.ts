import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import type { ZodType } from "zod";
import { loadFile, type FileKind, type LoadedFile } from "./load-file.ts";
import { dependenciesUnchanged } from "./render-body.ts";

/**
 * Keeps each content file's load result (src/content/load-file.ts) by a hash of everything it depends on:
 * the code that produces it, the file's kind, its path and its bytes. In memory for the life of the process
 * (so `npm start` re-renders only the files that changed), and on disk in `.cache/content/` as JSON (so a
 * later build, or a Netlify deploy that keeps `.cache/`, starts warm). A cache that misses is only slower.
 */

/** Where the results are kept, relative to the project root. */
export const CONTENT_CACHE_FOLDER = ".cache/content";

// Results by key, shared by every load in this process. Bounded by the content's size times its versions
// edited in one session, which is small; a full rebuild of an unchanged site adds nothing.
const memory = new Map<string, LoadedFile<unknown>>();

let codeVersion: Promise<string> | undefined;

/** Forgets the results kept in memory, so the next load reads the disk cache: for tests and the bench. */
export function forgetContentCacheMemory(): void {
  memory.clear();
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
    for (const name of names) hash.update(name).update("\0").update(await readFile(path.join(src, name))).update("\0");
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
  /** The keys this cache was asked for: what prune() keeps. */
  readonly #used = new Set<string>();

  constructor(
    private readonly root: string,
    options: { disk?: boolean } = {},
  ) {
    this.folder = path.join(root, CONTENT_CACHE_FOLDER);
    this.disk = options.disk ?? true;
  }

  private readonly disk: boolean;

  /** The load result of a file with this text, from memory, disk or computed (and then kept). */
  async load<S extends ZodType, T>(kind: FileKind<S, T>, file: string, text: Buffer | string): Promise<LoadedFile<T>> {
    const key = createHash("sha256").update(await contentCodeVersion()).update("\0").update(kind.name).update("\0").update(file).update("\0").update(text).digest("hex");
    this.#used.add(key);
    // A result is keyed by its own file's bytes; the images it names are checked here, since they change on their own.
    const inMemory = memory.get(key);
    if (inMemory && dependenciesUnchanged(this.root, inMemory.dependencies)) {
      this.stats.memory++;
      return inMemory as LoadedFile<T>;
    }
    const onDisk = this.disk ? await this.read<T>(key) : undefined;
    if (onDisk && dependenciesUnchanged(this.root, onDisk.dependencies)) {
      this.stats.disk++;
      memory.set(key, onDisk);
      return onDisk;
    }
    const result = await loadFile(kind, file, text, path.resolve(this.root));
    this.stats.computed++;
    memory.set(key, result);
    if (this.disk) await this.write(key, result);
    return result;
  }

  /**
   * Deletes the results on disk that this cache was not asked for: older versions of edited files and results
   * of older code. Called after a production build has loaded all content, it keeps `.cache/content/` as big
   * as the content, however many builds and edits came before. Returns how many files it removed.
   */
  async prune(): Promise<number> {
    if (!this.disk) return 0;
    let removed = 0;
    const folders = await readdir(this.folder).catch(() => [] as string[]);
    for (const prefix of folders) {
      const names = await readdir(path.join(this.folder, prefix)).catch(() => [] as string[]);
      for (const name of names) {
        if (name.endsWith(".json") && this.#used.has(`${prefix}${name.slice(0, -".json".length)}`)) continue;
        // A build running beside this one at worst computes a deleted result again.
        await rm(path.join(this.folder, prefix, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private async read<T>(key: string): Promise<LoadedFile<T> | undefined> {
    try {
      return JSON.parse(await readFile(this.pathOf(key), "utf8"), revive) as LoadedFile<T>;
    } catch {
      // Missing, half-written by a build that was killed, or unreadable: compute it again.
      return undefined;
    }
  }

  private async write(key: string, result: LoadedFile<unknown>): Promise<void> {
    const target = this.pathOf(key);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside and renamed, so a build running at the same time never reads half a file.
      const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temporary, JSON.stringify(result, replace));
      await rename(temporary, target);
    } catch {
      // A read-only or full disk makes the next build slower, not wrong.
    }
  }

  private pathOf(key: string): string {
    // Two-character subfolders keep any one folder small at 100,000 files.
    return path.join(this.folder, key.slice(0, 2), `${key.slice(2)}.json`);
  }
}

/** Luxon dates are written with their zone, so they come back as the same instant in the same zone. */
function replace(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return DateTime.isDateTime(original) ? { $dateTime: original.toISO(), zone: original.zoneName } : value;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && "$dateTime" in value && "zone" in value) {
    const { $dateTime, zone } = value as { $dateTime: string; zone: string };
    return DateTime.fromISO($dateTime, { zone });
  }
  return value;
}
