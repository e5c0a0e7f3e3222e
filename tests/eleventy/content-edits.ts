import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parse, stringify } from "yaml";
import type { z } from "zod";
import { createBuildContext } from "../../src/collections/build-context.ts";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { ContentCache } from "../../src/content/content-cache.ts";
import { redirectProblems, redirectRules } from "../../src/netlify/redirect-rules.ts";

/**
 * Edits of every field of every kind of content, for the `npm start` stale-page test: the fields come from the
 * zod schemas (src/schemas/), and each edit is a changed value the real loader accepts, found by trying
 * candidates in a scratch copy of the project. Nothing here knows what the fixture's content says.
 */

/** How a kind's records sit in its files. */
type Layout = "front-matter" | "map" | "list" | "single";

/** One kind of content: its schema, where its files are and how its records sit in them. */
export interface ContentKind {
  name: string;
  schema: z.ZodType;
  /** Files relative to the project root; a folder means its files (and its folders' index.md). */
  where: string;
  layout: Layout;
}

/** One field changed: which kind, which field, in which file. */
export interface FieldEdit {
  kind: string;
  field: string;
  file: string;
}

/** A file's records as data, with the rest of the file (a Markdown body) kept. */
interface ParsedFile {
  file: string;
  data: unknown;
  body: string | undefined;
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg)$/;

/** Images a record may name: those beside its own file, then the shared ones (content/images/, as /images/<name>). */
function imagesFor(root: string, file: string): string[] {
  const beside = file.endsWith("index.md") ? readdirSync(path.join(root, path.dirname(file))).filter((name) => IMAGE.test(name)) : [];
  const shared = readdirSync(path.join(root, "content/images")).filter((name) => IMAGE.test(name)).map((name) => `/images/${name}`);
  return [...beside, ...shared.slice(0, 3)];
}

const FRONT_MATTER = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/;

function read(root: string, file: string): ParsedFile {
  const text = readFileSync(path.join(root, file), "utf8");
  const matched = FRONT_MATTER.exec(text);
  if (file.endsWith(".md")) {
    if (!matched) throw new Error(`${file}: no front matter`);
    return { file, data: parse(matched[1]!), body: matched[2]! };
  }
  return { file, data: parse(text), body: undefined };
}

function write(root: string, parsed: ParsedFile): void {
  // Every string quoted: an unquoted "2026-11-20" is a date to YAML 1.1 readers, which the loader refuses.
  const yaml = stringify(parsed.data, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
  writeFileSync(path.join(root, parsed.file), parsed.body === undefined ? yaml : `---\n${yaml}---\n${parsed.body}`);
}

/** The files of a kind, sorted. */
export function kindFiles(root: string, kind: ContentKind): string[] {
  const full = path.join(root, kind.where);
  if (!statSync(full).isDirectory()) return [kind.where];
  return readdirSync(full)
    .sort()
    .flatMap((name) => {
      const entry = path.join(kind.where, name);
      if (statSync(path.join(root, entry)).isDirectory()) return [path.join(entry, "index.md")];
      return /\.(md|ya?ml)$/.test(name) ? [entry] : [];
    });
}

/** A record of a parsed file, addressed so it can be changed in place. */
interface RecordRef {
  parsed: ParsedFile;
  get(): Record<string, unknown>;
}

function records(parsed: ParsedFile, layout: Layout): RecordRef[] {
  const data = parsed.data as Record<string, unknown> | unknown[];
  if (layout === "list") return (data as unknown[]).map((_, index) => ({ parsed, get: () => (parsed.data as Record<string, unknown>[])[index]! }));
  if (layout === "map") return Object.keys(data).map((key) => ({ parsed, get: () => (parsed.data as Record<string, Record<string, unknown>>)[key]! }));
  return [{ parsed, get: () => parsed.data as Record<string, unknown> }];
}

interface ZodDefinition {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}

const definition = (schema: z.ZodType): ZodDefinition => (schema as unknown as { def: ZodDefinition }).def;

/** The schema without its optional, default and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = definition(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** The fields of an object schema, by name. */
export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const shape = (unwrap(schema) as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) throw new Error(`not an object schema: ${definition(schema).type}`);
  return shape;
}

/** Whether a field has one valid value only (a literal), so no edit can change it. */
const isFixed = (schema: z.ZodType): boolean => {
  const def = definition(unwrap(schema));
  return def.type === "literal" && (def.values?.length ?? 0) === 1;
};

/** The same text with one letter changed (the last one that has a next letter), so lengths and patterns hold. */
function bump(text: string): string {
  for (let index = text.length - 1; index >= 0; index--) {
    const code = text.charCodeAt(index);
    if ((code >= 97 && code < 122) || (code >= 65 && code < 90)) return text.slice(0, index) + String.fromCharCode(code + 1) + text.slice(index + 1);
  }
  // No letter (a phone number): the last digit changed instead.
  for (let index = text.length - 1; index >= 0; index--) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code < 57) return text.slice(0, index) + String.fromCharCode(code + 1) + text.slice(index + 1);
  }
  return `${text}x`;
}

/** A date-time half an hour earlier and later on the same day, so that a class keeps its number of days. */
function sameDayTimes(text: string): string[] {
  const matched = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!matched) return [];
  const minutes = Number(matched[2]) * 60 + Number(matched[3]);
  const at = (total: number) => `${matched[1]}T${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  return [minutes - 30, minutes + 30].filter((total) => total >= 0 && total < 24 * 60).map(at);
}

/** The date at the start of a text moved by a day, the rest kept. */
function nextDay(text: string): string | undefined {
  const matched = /^(\d{4}-\d{2}-\d{2})(.*)$/s.exec(text);
  if (!matched) return undefined;
  return DateTime.fromISO(matched[1]!, { zone: "utc" }).plus({ days: 1 }).toISODate() + matched[2]!;
}

/** Changed values to try for a field, most likely valid first; `others` are the field's values in other records. */
function candidates(value: unknown, others: unknown[], schema: z.ZodType, images: readonly string[], depth = 0): unknown[] {
  const list: unknown[] = [];
  const inner = unwrap(schema);
  const def = definition(inner);
  if (def.type === "enum" && def.entries) list.push(...Object.values(def.entries));
  if (def.type === "literal" && def.values) list.push(...def.values);
  const looksLikeImage = (text: unknown) => typeof text === "string" && IMAGE.test(text);
  if (looksLikeImage(value) || others.some(looksLikeImage)) list.push(...images);
  // An id (a reference to another record) is more likely valid as another record's id than with a letter changed.
  if (typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(value)) list.push(...others.slice(0, 2), bump(value));
  if (typeof value === "string") {
    list.push(...sameDayTimes(value));
    const moved = nextDay(value);
    if (moved) list.push(moved);
    list.push(bump(value));
  } else if (typeof value === "number") list.push(value + 1, value - 1);
  else if (typeof value === "boolean") list.push(!value);
  else if (Array.isArray(value)) {
    if (value.length > 1) list.push([...value].reverse(), value.slice(0, -1));
    const element = def.type === "array" ? ((inner as unknown as { element: z.ZodType }).element ?? inner) : inner;
    if (value.length > 0 && depth < 3) for (const changed of candidates(value[0], [], element, images, depth + 1).slice(0, 3)) list.push([changed, ...value.slice(1)]);
    for (const other of others) if (Array.isArray(other)) for (const item of other) if (!value.some((mine) => JSON.stringify(mine) === JSON.stringify(item))) list.push([...value, item]);
  } else if (value && typeof value === "object" && depth < 3) {
    const shape = def.type === "object" ? fieldsOf(inner) : undefined;
    for (const [key, item] of Object.entries(value)) {
      const itemSchema = shape?.[key] ?? inner;
      for (const changed of candidates(item, [], itemSchema, images, depth + 1).slice(0, 3)) list.push({ ...value, [key]: changed });
    }
  } else if (value === undefined) {
    if (def.type === "boolean") list.push(true, false);
    if (def.type === "string") list.push("Written by the stale-page test.");
    if (def.type === "number") list.push(1, 2);
  }
  list.push(...others);
  const same = JSON.stringify(value);
  const seen = new Set<string>();
  return list.filter((candidate) => {
    const text = JSON.stringify(candidate);
    if (text === same || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

// One cache per scratch copy: files a check did not change are not parsed again.
const caches = new Map<string, ContentCache>();

/** Replaces `from` by `to` as a whole word in every content file but `except`; returns each changed file's texts. */
function renameEverywhere(root: string, from: string, to: string, except: string): Map<string, { before: string; after: string }> {
  const changed = new Map<string, { before: string; after: string }>();
  const pattern = new RegExp(`(?<![\\w-])${from.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}(?![\\w-])`, "g");
  for (const folder of ["content/articles", "content/copy", "_data"]) {
    for (const file of readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })) {
      const relative = path.join(folder, file);
      if (relative === except || !/\.(md|ya?ml)$/.test(file)) continue;
      const before = readFileSync(path.join(root, relative), "utf8");
      const after = before.replace(pattern, to);
      if (after === before) continue;
      writeFileSync(path.join(root, relative), after);
      changed.set(relative, { before, after });
    }
  }
  return changed;
}

/** Whether the real loader accepts the content of `root` (as `npm start` would: drafts and all). */
async function accepted(root: string, now: string, output: string): Promise<boolean> {
  try {
    const clock = DateTime.fromISO(now, { setZone: true }) as DateTime<true>;
    if (!caches.has(root)) caches.set(root, new ContentCache(root, { disk: false }));
    const { model } = await loadCheckedModel(root, createBuildContext(clock, { ELEVENTY_RUN_MODE: "watch" }), undefined, { pictures: false, cache: caches.get(root)! });
    // Redirects are checked against the written pages, after the build: here against the output of an earlier one.
    const exists = (url: string) => existsSync(path.join(output, url)) || existsSync(path.join(output, url, "index.html"));
    return redirectProblems(redirectRules(model), exists, undefined, { anythingUnder: (prefix) => existsSync(path.join(output, prefix)) }).length === 0;
  } catch (error) {
    if (process.env.STALE_DEBUG) console.log(String(error).slice(0, 500));
    return false;
  }
}

/** One batch: the files to write into the watched project, and what each edit changed. */
export interface EditBatch {
  kind: string;
  files: Map<string, string>;
  edits: FieldEdit[];
  /** Fields for which no changed value was accepted. */
  unchanged: string[];
}

/**
 * Changes every field of `kind` once, in `scratch` (a project copy the watcher does not see), and returns the
 * changed files' texts (`output` is a build of the site, to check redirects against). First every field takes its likeliest change and the loader checks them together; when it
 * refuses them, the fields are changed again one by one, each change kept only when the loader still accepts it.
 */
export async function editEveryField(scratch: string, kind: ContentKind, now: string, output: string): Promise<EditBatch> {
  const originals = new Map(kindFiles(scratch, kind).map((file) => [file, readFileSync(path.join(scratch, file), "utf8")]));
  const quick = await changeFields(scratch, kind, now, output, false);
  if (quick.unchanged.length === 0 && (await accepted(scratch, now, output))) return quick;
  if (process.env.STALE_DEBUG) console.log(`one by one: ${kind.name}`);
  for (const [file, text] of originals) writeFileSync(path.join(scratch, file), text);
  return changeFields(scratch, kind, now, output, true);
}

async function changeFields(scratch: string, kind: ContentKind, now: string, output: string, checkEach: boolean): Promise<EditBatch> {
  const files = kindFiles(scratch, kind).map((file) => read(scratch, file));
  const all = files.flatMap((parsed) => records(parsed, kind.layout));
  const fields: [string, z.ZodType | undefined][] = Object.entries(fieldsOf(kind.schema));
  // A Markdown file's text below the front matter is a field too, though no schema names it.
  if (kind.layout === "front-matter") fields.push(["body", undefined]);
  const edits: FieldEdit[] = [];
  const unchanged: string[] = [];
  const touched = new Set<ParsedFile>();
  const ok = async () => !checkEach || (await accepted(scratch, now, output));
  // Files of other kinds an edit had to change too (a renamed id's references).
  const elsewhere = new Map<string, string>();
  for (const [index, [field, schema]] of fields.entries()) {
    // Spread the edits over the records that have the field, so one page does not take every change.
    const holders = all.filter((record) => !schema || record.get()[field] !== undefined);
    const order = holders.length > 0 ? [...holders.slice(index % holders.length), ...holders.slice(0, index % holders.length)] : all;
    let done = false;
    if (schema && isFixed(schema)) continue;
    for (const [attempt, record] of order.slice(0, checkEach ? 8 : 1).entries()) {
      if (!schema) {
        const before = record.parsed.body!;
        record.parsed.body = `${before}\nA paragraph added while the site was being served.\n`;
        write(scratch, record.parsed);
        if (await ok()) done = true;
        else {
          record.parsed.body = before;
          write(scratch, record.parsed);
        }
      } else {
        const target = record.get();
        const value = target[field];
        const others = all.map((other) => other.get()[field]).filter((other) => other !== undefined);
        for (const candidate of candidates(value, others, schema, imagesFor(scratch, record.parsed.file)).slice(0, checkEach ? (attempt === 0 ? 6 : 2) : 1)) {
          target[field] = candidate;
          write(scratch, record.parsed);
          if (await ok()) {
            done = true;
            break;
          }
          if (process.env.STALE_DEBUG) console.log(`refused: ${kind.name}.${field} = ${JSON.stringify(candidate).slice(0, 80)}`);
        }
        // An id other content refers to: renamed everywhere, as an editor renaming it would.
        if (!done && checkEach && typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(value)) {
          target[field] = bump(value);
          write(scratch, record.parsed);
          const renamed = renameEverywhere(scratch, value, target[field] as string, record.parsed.file);
          if (await ok()) {
            done = true;
            for (const [file, text] of renamed) elsewhere.set(file, text.after);
          } else for (const [file, text] of renamed) writeFileSync(path.join(scratch, file), text.before);
        }
        if (!done) {
          if (value === undefined) delete target[field];
          else target[field] = value;
          write(scratch, record.parsed);
        }
      }
      if (done) {
        touched.add(record.parsed);
        edits.push({ kind: kind.name, field, file: record.parsed.file });
        break;
      }
    }
    if (!done) unchanged.push(field);
  }
  const texts = new Map([...elsewhere, ...[...touched].map((parsed) => [parsed.file, readFileSync(path.join(scratch, parsed.file), "utf8")] as const)]);
  return { kind: kind.name, files: texts, edits, unchanged };
}
