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

/** A field's likeliest change on one record, which can be put in and taken out again. */
interface PlannedEdit {
  field: string;
  record: RecordRef;
  apply(): void;
  undo(): void;
}

/** A field of a kind, with its place in the schema's order (which spreads the edits over the records). */
interface KindField {
  index: number;
  field: string;
  /** None for a Markdown body, which no schema names. */
  schema: z.ZodType | undefined;
}

const BODY_EDIT = "\nA paragraph added while the site was being served.\n";

/** The records that take a field's change, in the order they are tried: rotated by the field's place. */
function holdersInTurn(all: RecordRef[], { index, field, schema }: KindField): RecordRef[] {
  const holders = all.filter((record) => !schema || record.get()[field] !== undefined);
  return holders.length > 0 ? [...holders.slice(index % holders.length), ...holders.slice(0, index % holders.length)] : all;
}

/** Images a record may name, for the candidates of its fields. */
const recordImages = (scratch: string, record: RecordRef) => imagesFor(scratch, record.parsed.file);

/** The field's first candidate on the first record in its turn, or nothing when it has no candidate. */
function plannedEdit(scratch: string, all: RecordRef[], kindField: KindField): PlannedEdit | undefined {
  const { field, schema } = kindField;
  const record = holdersInTurn(all, kindField)[0];
  if (!record) return undefined;
  if (!schema) {
    const before = record.parsed.body!;
    return { field, record, apply: () => (record.parsed.body = `${before}${BODY_EDIT}`), undo: () => (record.parsed.body = before) };
  }
  const target = record.get();
  const value = target[field];
  const others = all.map((other) => other.get()[field]).filter((other) => other !== undefined);
  const [candidate] = candidates(value, others, schema, recordImages(scratch, record));
  if (candidate === undefined) return undefined;
  return {
    field,
    record,
    apply: () => (target[field] = candidate),
    undo: () => {
      if (value === undefined) delete target[field];
      else target[field] = value;
    },
  };
}

/**
 * Changes every field of `kind` once, in `scratch` (a project copy the watcher does not see), and returns the
 * changed files' texts (`output` is a build of the site, to check redirects against). First every field takes its
 * likeliest change and the loader checks them together. When it refuses them, halves of the changes are checked
 * in turn (each half kept when the loader accepts it with what was kept before, split again when not), which
 * finds the refused changes in a few loads instead of one per field; only the fields whose likeliest change is
 * refused are then tried one by one, with other records and values, each change kept only when the loader still
 * accepts it. Whatever was kept was accepted by the loader together.
 */
export async function editEveryField(scratch: string, kind: ContentKind, now: string, output: string): Promise<EditBatch> {
  const files = kindFiles(scratch, kind).map((file) => read(scratch, file));
  const all = files.flatMap((parsed) => records(parsed, kind.layout));
  const fields: KindField[] = Object.entries(fieldsOf(kind.schema)).map(([field, schema], index) => ({ index, field, schema }));
  // A Markdown file's text below the front matter is a field too, though no schema names it.
  if (kind.layout === "front-matter") fields.push({ index: fields.length, field: "body", schema: undefined });
  const check = () => accepted(scratch, now, output);
  const changeable = fields.filter(({ schema }) => !schema || !isFixed(schema));
  const planned = changeable.flatMap((kindField) => plannedEdit(scratch, all, kindField) ?? []);
  const kept = new Set<PlannedEdit>();
  const writeEdits = (group: readonly PlannedEdit[], step: "apply" | "undo") => {
    for (const edit of group) edit[step]();
    for (const parsed of new Set(group.map((edit) => edit.record.parsed))) write(scratch, parsed);
  };
  /** Keeps the changes of `group` the loader accepts on top of those kept; `refused`: known refused together. */
  const keepAccepted = async (group: readonly PlannedEdit[], refused: boolean): Promise<void> => {
    if (group.length === 0) return;
    if (!refused) {
      writeEdits(group, "apply");
      if (await check()) {
        for (const edit of group) kept.add(edit);
        return;
      }
      writeEdits(group, "undo");
    }
    if (group.length === 1) {
      if (process.env.STALE_DEBUG) console.log(`refused: ${kind.name}.${group[0]!.field} (likeliest change)`);
      return;
    }
    const half = Math.ceil(group.length / 2);
    const before = kept.size;
    await keepAccepted(group.slice(0, half), false);
    // The first half all kept: the second on top of it is the refused group again, known without a load.
    await keepAccepted(group.slice(half), kept.size - before === half);
  };
  await keepAccepted(planned, false);
  const edits: FieldEdit[] = [...kept].map((edit) => ({ kind: kind.name, field: edit.field, file: edit.record.parsed.file }));
  const touched = new Set([...kept].map((edit) => edit.record.parsed));
  const keptFields = new Set([...kept].map((edit) => edit.field));
  const rest = changeable.filter(({ field }) => !keptFields.has(field));
  if (process.env.STALE_DEBUG && rest.length > 0) console.log(`one by one: ${kind.name}: ${rest.map(({ field }) => field).join(", ")}`);
  // Files of other kinds an edit had to change too (a renamed id's references).
  const elsewhere = new Map<string, string>();
  const unchanged: string[] = [];
  for (const kindField of rest) {
    const tried = planned.some((edit) => edit.field === kindField.field);
    const found = await searchField(scratch, all, kindField, check, elsewhere, tried);
    if (found) {
      touched.add(found.parsed);
      edits.push({ kind: kind.name, field: kindField.field, file: found.parsed.file });
    } else unchanged.push(kindField.field);
  }
  // In the schema's order, as the edits were listed before the search was split in two.
  const order = new Map(fields.map(({ field }, index) => [field, index]));
  edits.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  const texts = new Map([...elsewhere, ...[...touched].map((parsed) => [parsed.file, readFileSync(path.join(scratch, parsed.file), "utf8")] as const)]);
  return { kind: kind.name, files: texts, edits, unchanged };
}

/**
 * A change of one field that the loader accepts with everything changed so far, tried on up to 8 records in the
 * field's turn (6 values on the first, 2 on each other) and, for an id other content refers to, by renaming it
 * everywhere; the record changed, or nothing (and `scratch` as it was) when no change was accepted. With
 * `likeliestRefused`, the likeliest change (plannedEdit's) was refused already and is not tried again.
 */
async function searchField(
  scratch: string,
  all: RecordRef[],
  kindField: KindField,
  check: () => Promise<boolean>,
  elsewhere: Map<string, string>,
  likeliestRefused: boolean,
): Promise<RecordRef | undefined> {
  const { field, schema } = kindField;
  for (const [attempt, record] of holdersInTurn(all, kindField).slice(0, 8).entries()) {
    const skip = likeliestRefused && attempt === 0 ? 1 : 0;
    if (!schema) {
      if (skip) continue;
      const before = record.parsed.body!;
      record.parsed.body = `${before}${BODY_EDIT}`;
      write(scratch, record.parsed);
      if (await check()) return record;
      record.parsed.body = before;
      write(scratch, record.parsed);
      continue;
    }
    const target = record.get();
    const value = target[field];
    const others = all.map((other) => other.get()[field]).filter((other) => other !== undefined);
    for (const candidate of candidates(value, others, schema, recordImages(scratch, record)).slice(skip, attempt === 0 ? 6 : 2)) {
      target[field] = candidate;
      write(scratch, record.parsed);
      if (await check()) return record;
      if (process.env.STALE_DEBUG) console.log(`refused: ${field} = ${JSON.stringify(candidate).slice(0, 80)}`);
    }
    // An id other content refers to: renamed everywhere, as an editor renaming it would.
    if (typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(value)) {
      target[field] = bump(value);
      write(scratch, record.parsed);
      const renamed = renameEverywhere(scratch, value, target[field] as string, record.parsed.file);
      if (await check()) {
        for (const [file, text] of renamed) elsewhere.set(file, text.after);
        return record;
      }
      for (const [file, text] of renamed) writeFileSync(path.join(scratch, file), text.before);
    }
    if (value === undefined) delete target[field];
    else target[field] = value;
    write(scratch, record.parsed);
  }
  return undefined;
}
