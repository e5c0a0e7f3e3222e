import { DateTime } from "luxon";
import type { FileKind, LoadedFile } from "./load-file.ts";

/**
 * Whether two loaded values are the same data: plain objects and arrays entry by entry, luxon dates by instant,
 * zone and locale, anything else by identity. Only what a plain-data kind's schema gives can be met here.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (DateTime.isDateTime(a) || DateTime.isDateTime(b)) return DateTime.isDateTime(a) && DateTime.isDateTime(b) && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((entry, index) => sameData(entry, b[index]));
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, index) => key === otherKeys[index] && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Gives each entry of `next` that holds the same data as an entry of `previous` (the same file's last load) that
 * entry's object, in place. A save of one class in a schedule of hundreds then leaves the others the objects they
 * were, and the model's stages keep what they derived from them (src/collections/stage-memo.ts). Only for kinds of
 * plain data: a kind that renders (`finish`) or keeps long texts apart holds more than its fields say.
 */
export function keepEqualEntries<T>(kind: Pick<FileKind, "shape" | "longTexts"> & { finish?: unknown }, previous: LoadedFile<T> | undefined, next: LoadedFile<T>): void {
  if (!previous || kind.finish || kind.longTexts || (kind.shape !== "list" && kind.shape !== "map")) return;
  const byId = new Map(previous.entries.flatMap((entry) => (typeof idOf(entry.data) === "string" ? [[idOf(entry.data), entry.data] as const] : [])));
  next.entries.forEach((entry, index) => {
    const id = idOf(entry.data);
    const candidate = typeof id === "string" ? byId.get(id) : previous.entries[index]?.data;
    if (candidate !== undefined && sameData(candidate, entry.data)) entry.data = candidate;
  });
}

function idOf(data: unknown): unknown {
  return typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
}
