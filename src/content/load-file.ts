import type { ZodType, output } from "zod";
import { readingMinutes } from "../markdown/render-markdown.ts";
import { titleTooLong } from "../schemas/article.ts";
import { articleSchema } from "../schemas/article.ts";
import { categorySchema } from "../schemas/category.ts";
import { courseSchema } from "../schemas/course.ts";
import { idField } from "../schemas/fields.ts";
import { locationSchema } from "../schemas/location.ts";
import { personSchema, type Person } from "../schemas/person.ts";
import { isDecorative } from "../markdown/markdown-images.ts";
import { promotionSchema } from "../schemas/promotion.ts";
import { policyClauseSchema } from "../schemas/policy.ts";
import { learningPathSchema } from "../schemas/learning-path.ts";
import { redirectSchema } from "../schemas/redirect.ts";
import { serviceSchema } from "../schemas/service.ts";
import { sessionSchema } from "../schemas/session.ts";
import { siteSchema } from "../schemas/site.ts";
import { findPromotionMarkers } from "../markdown/promotion-marker.ts";
import { decodeText } from "./decode-text.ts";
import { placeholderLines } from "./placeholder-mark.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { ArticleSource, CourseSource, PersonSource, ServiceSource } from "./located.ts";
import { fieldName, type ContentProblem } from "./problems.ts";
import { detachedContext, fingerprintDependencies, imageFolderOf, loadImagePipeline, renderBody, renderLeadImage, yamlBodyLine, type FinishContext } from "./render-body.ts";
import { parseListInPieces } from "./list-pieces.ts";
import { parseYaml, validate, type LineTable, type YamlSource } from "./yaml-source.ts";

/**
 * Loading one content file, as a pure function of its kind, path and text: parsed, validated, its problems,
 * and its Markdown rendered. Being pure is what lets src/content/content-cache.ts keep the result by a hash of
 * its inputs. Everything that reads other files (references, unique ids, tag pages) is done afterwards by the
 * cross-checks and the collections, from these results.
 */

/** How a file holds its entities. */
export type FileShape =
  /** One object (site.yaml). */
  | "single"
  /** A map of id -> entity (authors.yaml). */
  | "map"
  /** A list of entities (schedule.yaml). */
  | "list"
  /** One entity whose id is the file name (courses/java.yaml). */
  | "entity"
  /** Markdown with YAML front matter; the file name is the slug. */
  | "article";

/** What the loader knows about one kind of content file. */
export interface FileKind<S extends ZodType = ZodType, T = output<S>> {
  /** A stable name, part of the cache key. */
  name: string;
  shape: FileShape;
  schema: S;
  /** For lists: an empty file is an empty list rather than a mistake (redirects.yaml). */
  allowEmpty?: boolean;
  /**
   * Fields of each entity too long to read when nothing is drawn (an article's Markdown and HTML): the cache keeps
   * them apart, and `npm run check` loads the rest without them (src/content/content-cache.ts).
   */
  longTexts?: readonly string[];
  /** Adds what is derived from the one file alone (rendered Markdown, reading time): cached with it. */
  // Method syntax on purpose: it lets a kind with a specific schema stand where any kind is accepted.
  finish?(data: output<S>, file: string, context?: FinishContext): T | Promise<T>;
}

/** One validated entity of a file and its field path inside the file. */
export interface LoadedEntry<T> {
  data: T;
  path: (string | number)[];
}

/** Everything the loader learnt from one file: plain data (plus luxon dates), so it can be cached. */
export interface LoadedFile<T> {
  file: string;
  /** The valid entities. */
  entries: LoadedEntry<T>[];
  /** Everything wrong with the file on its own. */
  problems: ContentProblem[];
  /** Ids the file declares, valid or not, so a reference to a broken entry is not reported again. */
  declared: string[];
  /** Whether the YAML (or front matter) could be parsed at all. */
  parsed: boolean;
  /** The line of each field, for problems found later. */
  lines: LineTable;
  /** Other files the result depends on (images), with a hash of their bytes: the cache recomputes when one changes. */
  dependencies?: { file: string; hash: string }[];
}

/** A file that could not be parsed: its problems only. */
function unparsed<T>(file: string, problems: ContentProblem[], declared: string[] = []): LoadedFile<T> {
  return { file, entries: [], problems, declared, parsed: false, lines: {} };
}

const ID_MESSAGE = "must be lowercase letters, digits and single hyphens";

/** The id (or slug) check, with the problem placed on the id's line. */
function checkId(id: string, source: YamlSource, pathToId: (string | number)[], what: string, problems: ContentProblem[]): boolean {
  if (idField.safeParse(id).success) return true;
  problems.push({ file: source.file, line: source.lineOf(pathToId), field: fieldName(pathToId), message: `${what} "${id}" ${ID_MESSAGE}` });
  return false;
}

/** The id a folder entity or an article takes from its file name; an article folder's `index.md` takes the folder's name. */
export function idFromFileName(file: string): string {
  const named = file.endsWith("/index.md") ? file.slice(0, -"/index.md".length) : file;
  return named.slice(named.lastIndexOf("/") + 1).replace(/\.(ya?ml|md)$/, "");
}

/**
 * Loads one file of the given kind from its bytes or text. Pure but for the images its Markdown names, which are
 * read below `root` and listed in the result's dependencies: the same kind, path, bytes and images give the same result.
 */
export async function loadFile<S extends ZodType, T>(kind: FileKind<S, T>, file: string, bytes: Uint8Array | string, root = process.cwd()): Promise<LoadedFile<T>> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return unparsed(file, [{ file, line: decoded.line, field: "", message: decoded.message }], kind.shape === "entity" ? [idFromFileName(file)] : []);
  const { text } = decoded;
  // Rendering may meet pictures; the image code is loaded by the first file that is loaded rather than cached.
  if (kind.finish) await loadImagePipeline();
  const problems: ContentProblem[] = [];
  const dependencies = new Set<string>();
  let lineOf: FinishContext["lineOf"] = () => undefined;
  let bodyLine = 1;
  const finish = async (data: output<S>): Promise<T> =>
    kind.finish ? kind.finish(data, file, { root, problems, dependencies, lineOf, bodyLine }) : (data as unknown as T);
  const check = (source: YamlSource, value: unknown, basePath: (string | number)[]): output<S> | undefined => {
    const result = validate(kind.schema, source, value, basePath);
    if (result.ok) return result.data;
    problems.push(...result.problems);
    return undefined;
  };

  if (kind.shape === "article") {
    const split = splitFrontMatter(text);
    if (!split.ok) return unparsed(file, [{ file, line: split.line, field: split.field, message: split.message }]);
    const parsed = parseYaml(file, split.matter);
    if (!parsed.ok) return unparsed(file, parsed.problems);
    lineOf = (path) => parsed.source.lineOf(path);
    bodyLine = split.bodyLine;
    const slug = idFromFileName(file);
    const entries: LoadedEntry<T>[] = [];
    if (checkId(slug, parsed.source, [], "file name", problems)) {
      const data = check(parsed.source, parsed.source.value ?? {}, []);
      if (data) entries.push({ data: await finish({ ...data, slug, file, body: split.body, bodyLine }), path: [] });
    }
    return { file, entries, problems, declared: [slug], parsed: true, lines: parsed.lines, dependencies: fingerprintDependencies(root, dependencies) };
  }

  const entityId = kind.shape === "entity" ? idFromFileName(file) : undefined;
  const parsed = (kind.shape === "list" && parseListInPieces(file, text)) || parseYaml(file, text);
  // A folder entity is declared even when it cannot be parsed: it exists, and references to it are not the error.
  if (!parsed.ok) return unparsed(file, parsed.problems, entityId ? [entityId] : []);
  const { source, lines } = parsed;
  lineOf = (path) => source.lineOf(path);
  const entries: LoadedEntry<T>[] = [];
  const declared: string[] = [];
  const result = (): LoadedFile<T> => ({ file, entries, problems, declared, parsed: true, lines, dependencies: fingerprintDependencies(root, dependencies) });

  switch (kind.shape) {
    case "single": {
      const data = check(source, source.value, []);
      if (data) entries.push({ data: await finish(data), path: [] });
      return result();
    }
    case "entity": {
      declared.push(entityId!);
      if (!checkId(entityId!, source, [], "file name", problems)) return result();
      const data = check(source, source.value, []);
      if (data) entries.push({ data: await finish({ ...data, id: entityId }), path: [] });
      return result();
    }
    case "map": {
      // A file of the wrong shape declares nothing it could be trusted for: references into it are not checked (not reported again).
      if (!isPlainObject(source.value)) return unparsed(file, [{ file, line: 1, field: "", message: "must hold entries by id: each starts at the beginning of a line with its id and a colon, with its fields indented below" }]);
      for (const [id, value] of Object.entries(source.value)) {
        declared.push(id);
        if (!checkId(id, source, [id], "id", problems)) continue;
        const data = check(source, value, [id]);
        if (data) entries.push({ data: await finish({ ...data, id }), path: [id] });
      }
      return result();
    }
    case "list": {
      if (source.value === null && kind.allowEmpty) return result();
      if (!Array.isArray(source.value)) return unparsed(file, [{ file, line: 1, field: "", message: "must be a list (each entry starting with \"- \")" }]);
      for (const [index, value] of source.value.entries()) {
        const data = validatedEntry(kind.schema, value, () => check(source, value, [index]));
        if (data) entries.push({ data: await finish(data), path: [index] });
      }
      return result();
    }
  }
}

/**
 * Each list entry's valid data, by the parsed value it was validated from. A list file parsed entry by entry
 * (src/content/list-pieces.ts) gives an unchanged entry the very value it gave before, so in `npm start` a save of
 * one class of `_data/schedule.yaml` validates that class alone (800 classes: about 0.02 s of a save, 0.07 s of the
 * first). This holds because the schemas are pure functions of the value (no clock, no state outside it) and loaded
 * data is never written to (tests/collections/model-one-way.test.ts), so the same value and schema give the same
 * data, and two loads may share it; an entry with problems is validated again, for its lines.
 */
const validEntries = new WeakMap<object, { schema: ZodType; data: unknown }>();

function validatedEntry<S extends ZodType>(schema: S, value: unknown, validate: () => output<S> | undefined): output<S> | undefined {
  if (typeof value !== "object" || value === null) return validate();
  const kept = validEntries.get(value);
  if (kept?.schema === schema) return kept.data as output<S>;
  const data = validate();
  if (data !== undefined) validEntries.set(value, { schema, data });
  return data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every kind of content file the site reads. New derived per-file work (images, highlighting) goes in a kind's `finish`. */
export const FILE_KINDS = {
  site: { name: "site", shape: "single", schema: siteSchema },
  person: {
    name: "person",
    shape: "map",
    schema: personSchema,
    finish: (person, file, context = detachedContext()): PersonSource => {
      const source = person as Person;
      if (!source.photo || !source.photoAlt) return { ...source, imageJobs: [] };
      // The photo is a field of one entry of a map file: its problems name the entry, as `elena-marsh.photo`.
      const place = { file, firstLine: 1, imageFolder: imageFolderOf(file), field: fieldName([source.id, "photo"]) };
      const portrait = renderLeadImage(source.photo, place, context.lineOf([source.id, "photo"]), context);
      if (!portrait) return { ...source, imageJobs: [] };
      return { ...source, portrait: { image: portrait.image, alt: isDecorative(source.photoAlt) ? "" : source.photoAlt }, imageJobs: portrait.jobs };
    },
  } satisfies FileKind<typeof personSchema, PersonSource>,
  location: { name: "location", shape: "map", schema: locationSchema },
  category: { name: "category", shape: "map", schema: categorySchema },
  course: {
    name: "course",
    shape: "entity",
    schema: courseSchema,
    finish: (course, file, context = detachedContext()): CourseSource => {
      const body = renderBody(course.description, { file, firstLine: yamlBodyLine(context, "description"), imageFolder: imageFolderOf(file), field: "description" }, context);
      return { ...(course as CourseSource), file, descriptionHtml: body.html, links: body.links, imageJobs: body.imageJobs };
    },
  } satisfies FileKind<typeof courseSchema, CourseSource>,
  service: {
    name: "service",
    shape: "entity",
    schema: serviceSchema,
    finish: (service, file, context = detachedContext()): ServiceSource => {
      const body = renderBody(service.body, { file, firstLine: yamlBodyLine(context, "body"), imageFolder: imageFolderOf(file) }, context);
      return { ...(service as ServiceSource), file, bodyHtml: body.html, links: body.links, imageJobs: body.imageJobs };
    },
  } satisfies FileKind<typeof serviceSchema, ServiceSource>,
  session: { name: "session", shape: "list", schema: sessionSchema },
  promotion: { name: "promotion", shape: "list", schema: promotionSchema },
  redirect: { name: "redirect", shape: "list", schema: redirectSchema, allowEmpty: true },
  policy: { name: "policy", shape: "list", schema: policyClauseSchema },
  learningPath: { name: "learning-path", shape: "list", schema: learningPathSchema, allowEmpty: true },
  article: {
    name: "article",
    shape: "article",
    schema: articleSchema,
    longTexts: ["html", "body"],
    finish: (article, file = (article as ArticleSource).file, context = detachedContext()): ArticleSource => {
      const source = article as ArticleSource;
      const place = { file, firstLine: context.bodyLine, imageFolder: imageFolderOf(file), tableOfContents: source.toc !== false };
      const body = renderBody(source.body, place, context);
      const lead = source.image ? renderLeadImage(source.image, place, context.lineOf(["image"]), context) : undefined;
      const titleProblem = titleTooLong(source);
      if (titleProblem) context.problems.push({ file, line: context.lineOf(["title"]) ?? 1, field: "title", severity: "warning", message: titleProblem });
      return {
        ...source,
        html: body.html,
        readingMinutes: readingMinutes(source.body),
        headings: body.headings,
        links: body.links,
        ids: idsIn(body.html),
        promotionMarkers: findPromotionMarkers(body.html),
        placeholderLines: placeholderLines(source.body, context.bodyLine),
        imageJobs: [...(lead?.jobs ?? []), ...body.imageJobs],
        ...(lead ? { leadImage: lead.image } : {}),
      };
    },
  } satisfies FileKind<typeof articleSchema, ArticleSource>,
} as const satisfies Record<string, FileKind<ZodType, unknown>>;

/** The ids of the elements in rendered HTML, in order. */
function idsIn(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
}
