import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Category } from "../schemas/category.ts";
import type { Location } from "../schemas/location.ts";
import type { PolicyClause } from "../schemas/policy.ts";
import type { LearningPath } from "../schemas/learning-path.ts";
import type { Promotion } from "../schemas/promotion.ts";
import type { Redirect } from "../schemas/redirect.ts";
import type { Session } from "../schemas/session.ts";
import type { Site } from "../schemas/site.ts";
import { containedPath, hasControlCharacter, inRepository, placeContentFile, type ContentPlace, type Repository } from "./contained-file.ts";
import { ContentCache } from "./content-cache.ts";
import { CONTENT_PATHS } from "./content-paths.ts";
import { crossCheck } from "./cross-check.ts";
import { foreignFiles } from "./foreign-files.ts";
import { FILE_KINDS, idFromFileName, loadFile, type FileKind, type LoadedFile } from "./load-file.ts";
import { listPiecesHeld } from "./list-pieces.ts";
import type { ArticleSource, CourseSource, Located, PersonSource, ServiceSource } from "./located.ts";
import { loadPageCopy, type PageCopySource } from "./load-page-copy.ts";
import type { PageCopyId } from "../schemas/page-copy.ts";
import { checkPolicyTexts, type TextLinks } from "./policy-texts.ts";
import { ContentError, isError, type ContentProblem } from "./problems.ts";
import { dependenciesUnchanged } from "./render-body.ts";
import { sourceFromLines, type LineTable } from "./yaml-source.ts";

export type { ArticleSource, CourseSource, Located, LocatedContent, PersonSource, ServiceSource } from "./located.ts";

/** Every piece of content, validated and cross-checked: what the rest of the build trusts. */
export interface Content {
  site: Site;
  authors: Record<string, PersonSource>;
  instructors: Record<string, PersonSource>;
  locations: Record<string, Location>;
  categories: Record<string, Category>;
  courses: Record<string, CourseSource>;
  sessions: Session[];
  services: ServiceSource[];
  promotions: Promotion[];
  redirects: Redirect[];
  articles: ArticleSource[];
  /** Problems that do not stop the build, for the build and `npm run check` to print. */
  warnings?: ContentProblem[];
  /** The words of the fixed pages (home, About, ...), from content/copy/. */
  pageCopy: Record<PageCopyId, PageCopySource>;
  /** The links of the policies' texts (the clauses, and a course's or class's own wording), for the link check. */
  policyLinks: TextLinks[];
  /** The clauses of the policies page, in file order. */
  policies: PolicyClause[];
  /** Learning paths, in file order; the file is optional. */
  learningPaths: LearningPath[];
  /** The line of a field in a content file, for problems found after loading (such as a redirect to a page that was not built). */
  lineOf(file: string, path: readonly (string | number)[]): number | undefined;
}

/** A load's results by file (repository-relative path), with the kind each was loaded as. */
export type KeptLoads = Map<string, { kind: string; loaded: LoadedFile<unknown> }>;

/**
 * What a load may take from the one before it in the same process (`npm start`): that load's results, and the
 * files reported changed since it read them. A file not reported, whose images still have the bytes they had, is
 * taken as it was, without reading it (nor placing it, for a folder's file: the folder is listed again); every
 * other file is read as usual. `changed` undefined takes nothing (the first builds, or a change that was not
 * content). Either way, this load's results go into `into`, for the next one.
 */
export interface LoadReuse {
  previous: KeptLoads;
  changed: ReadonlySet<string> | undefined;
  into: KeptLoads;
}

/**
 * Reads, validates and cross-checks all content below `root`. Throws a ContentError listing every problem;
 * the build and `npm run check` both call this, so they agree on what is wrong. `texts: false` (with no `cache`
 * given) leaves out the articles' Markdown and HTML where the cache has the rest: for a command that draws no page.
 */
export async function loadContent(root: string, options: { cache?: ContentCache; texts?: boolean; reuse?: LoadReuse } = {}): Promise<Content> {
  const problems: ContentProblem[] = [];
  const cache = options.cache ?? new ContentCache(root, { texts: options.texts ?? true });
  const reader = new ContentReader(await inRepository(root), problems, cache, options.reuse);
  const dataDir = CONTENT_PATHS.data;

  const [site, authors, instructors, locations, categories, courses, services, sessions, promotions, redirects, articles, policies, learningPaths] = await Promise.all([
    reader.file<Site>(`${dataDir}/site.yaml`, FILE_KINDS.site).then((items) => items[0]?.data),
    reader.file<PersonSource>(`${dataDir}/authors.yaml`, FILE_KINDS.person),
    reader.file<PersonSource>(`${dataDir}/instructors.yaml`, FILE_KINDS.person),
    reader.file<Location & { id: string }>(`${dataDir}/locations.yaml`, FILE_KINDS.location),
    reader.file<Category & { id: string }>(`${dataDir}/categories.yaml`, FILE_KINDS.category),
    reader.folder<CourseSource>(`${dataDir}/courses`, FILE_KINDS.course, [".yaml", ".yml"]),
    reader.folder<ServiceSource>(`${dataDir}/services`, FILE_KINDS.service, [".yaml", ".yml"]),
    reader.file<Session>(`${dataDir}/schedule.yaml`, FILE_KINDS.session),
    reader.file<Promotion>(`${dataDir}/promotions.yaml`, FILE_KINDS.promotion),
    reader.file<Redirect>(`${dataDir}/redirects.yaml`, FILE_KINDS.redirect, { optional: true }),
    reader.folder<ArticleSource>(CONTENT_PATHS.articles, FILE_KINDS.article, [".md", "/index.md"]),
    reader.file<PolicyClause>(`${dataDir}/policies.yaml`, FILE_KINDS.policy),
    reader.file<LearningPath>(`${dataDir}/learning-paths.yaml`, FILE_KINDS.learningPath, { optional: true }),
  ]);
  // Files Eleventy would run (a .js data file, a template among the articles): the build refuses them before
  // reading anything (src/plugins/content-folders-plugin.ts); listed here too, so `npm run check` agrees.
  problems.push(...(await foreignFiles(root)));
  // Every file has been loaded: the results computed on the way are written once, in a few packed files, and each
  // article's texts in a file of their own.
  await cache.save();
  const pageCopy = await loadPageCopy(root);
  problems.push(...pageCopy.problems);
  for (const [file, lines] of pageCopy.lines) reader.lines.set(file, lines);

  const located = { authors, instructors, locations, categories, courses, sessions, services, promotions, redirects, articles, policies, learningPaths };
  problems.push(...crossCheck(located, reader));
  const policyTexts = checkPolicyTexts(located);
  problems.push(...policyTexts.problems);
  // Warnings (an unknown code language, a link through a redirect) are reported but do not stop the build.
  const errors = problems.filter(isError);
  if (errors.length > 0 || !site) {
    const warnings = problems.filter((problem) => !isError(problem));
    const failed = new Set(errors.map((error) => error.file));
    // Articles, courses, services, classes, paths and promotions fail alone: the rest derives without them, and links are checked.
    if (site && [...failed].every((file) => failingAloneKind(file) !== undefined)) throw new FailedFilesError(errors, warnings, assemble(site), failed);
    throw new ContentError(errors, warnings);
  }
  return assemble(site);

  function assemble(site: Site): Content {
    const byId = <T extends { id: string }>(items: Located<T>[]) => Object.fromEntries(items.map((item) => [item.data.id, item.data]));
    const plain = <T>(items: Located<T>[]) => items.map((item) => item.data);
    return {
      site,
      authors: byId(authors),
      instructors: byId(instructors),
      locations: byId(locations),
      categories: byId(categories),
      courses: byId(courses),
      sessions: plain(sessions),
      services: plain(services).sort((a, b) => a.order - b.order),
      promotions: plain(promotions),
      redirects: plain(redirects),
      articles: plain(articles),
      warnings: problems,
      pageCopy: pageCopy.copy as Record<PageCopyId, PageCopySource>,
      policyLinks: policyTexts.links,
      policies: plain(policies),
      learningPaths: plain(learningPaths),
      lineOf: (file, path) => {
        const lines = reader.lines.get(file);
        return lines ? sourceFromLines(file, lines).lineOf(path) : undefined;
      },
    };
  }
}

/** The folders (ending in "/") and files the rest of the site derives without, by the kind of content each holds. */
const FAILING_ALONE = {
  article: `${CONTENT_PATHS.articles}/`,
  course: `${CONTENT_PATHS.data}/courses/`,
  service: `${CONTENT_PATHS.data}/services/`,
  schedule: `${CONTENT_PATHS.data}/schedule.yaml`,
  learningPaths: `${CONTENT_PATHS.data}/learning-paths.yaml`,
  promotions: `${CONTENT_PATHS.data}/promotions.yaml`,
} as const;

/** A kind of content whose files in error the rest of the site derives without (failingAloneKind). */
export type FailingKind = keyof typeof FAILING_ALONE;

/**
 * Which kind of content a problem's file holds, if the rest can do without it: nothing else needs an article, a
 * service, a class, a learning path or a promotion to load (an article's marker naming a promotion is checked
 * against the promotions' file only while it can be read), and what names a course (a class, a path, a related course) is
 * checked against the course files' names, which a file in error still declares; a class of a course left out goes
 * with it, as a draft course's does (src/collections/drafts.ts). Anything else in those folders counts as their kind.
 */
export function failingAloneKind(file: string): FailingKind | undefined {
  return (Object.keys(FAILING_ALONE) as FailingKind[]).find((kind) => {
    const place = FAILING_ALONE[kind];
    return place.endsWith("/") ? file.startsWith(place) : file === place;
  });
}

/**
 * A ContentError whose errors are all in files the rest of the site derives without (failingAloneKind), with the
 * content that did load (every other file, and the files that failed only in their text or a cross-check): the check
 * of links between pages then reports the other files' links in the same round (src/checks/links-beside-errors.ts),
 * where it used to wait until these errors were mended.
 */
export class FailedFilesError extends ContentError {
  constructor(
    problems: readonly ContentProblem[],
    warnings: readonly ContentProblem[],
    /** What loaded; not valid as a whole, so never built into a site. */
    readonly loaded: Content,
    /** The files with errors. */
    readonly failed: ReadonlySet<string>,
  ) {
    super(problems, warnings);
  }
}

/**
 * In `npm start`, parses and validates a list file entry by entry once, when the cache handed over its result
 * unparsed: the first save of `_data/schedule.yaml` then parses and validates the class it changed, not all of them
 * (at 800 classes, 0.21 s of a first class save's 1.07 s went to parsing the other 799, and about 0.07 s to
 * validating them). Skipped when this process has parsed the file already: each parse keeps its pieces, so a file
 * that is always parsed whole (an anchor in it) is read again at each load that is not the last one's. An
 * optimisation only: a failure here leaves the next save to do the work, as it would have.
 */
async function primeListFile(kind: FileKind, file: string, absolute: string, root: string): Promise<void> {
  if (listPiecesHeld(file)) return;
  try {
    // The loader's own parse and validation, whose result is not needed: what it keeps on the way is.
    await loadFile(kind, file, await readFile(absolute), root);
  } catch {
    // The loaded result stands; the next load of the file does the work instead.
  }
}

/**
 * Reads the content files and hands each to the cache (which loads it with src/content/load-file.ts when it has
 * not seen these bytes), collecting what the cross-checks need: ids declared, files unreadable, line tables.
 */
class ContentReader {
  /** Every id a file declares, valid or not, so that a broken course is reported once, not again by everything naming it. */
  readonly declared = new Map<string, Set<string>>();
  /** Files that could not be read or parsed: references into them cannot be checked. */
  readonly unreadable = new Set<string>();
  /** Every parsed file's line table, by path, so later stages can still name a line. */
  readonly lines = new Map<string, LineTable>();

  constructor(
    private readonly repository: Repository,
    private readonly problems: ContentProblem[],
    private readonly cache: ContentCache,
    private readonly reuse?: LoadReuse,
  ) {}

  /** A data file holding one entity, a map of them or a list of them. */
  async file<T>(file: string, kind: FileKind, options: { optional?: boolean } = {}): Promise<Located<T>[]> {
    // Placed even when the last load's result is kept: Eleventy's watcher reports no deletion, and these are few.
    const place = await placeContentFile(this.repository, file);
    if (!place.ok) {
      if (options.optional && place.missing) return [];
      this.unreadable.add(file);
      this.problems.push({ file, field: "", message: place.message });
      return [];
    }
    const loaded = this.kept<T>(kind, file) ?? (await this.load<T>(kind, file, place));
    if (!loaded.parsed) this.unreadable.add(file);
    for (const id of loaded.declared) this.declare(file, id);
    return this.accept(loaded);
  }

  /**
   * One file through the cache. A failure no check foresaw (a parser giving up on hostile input) is reported
   * against the file in one line, so the editor learns which file to look at instead of reading a stack trace.
   */
  private async load<T>(kind: FileKind, file: string, place: ContentPlace & { ok: true }): Promise<LoadedFile<T>> {
    try {
      // Read only when the cache cannot tell the file unchanged from its size and times.
      const loaded = (await this.cache.loadPlaced(kind, file, place.absolute, place.stats)) as LoadedFile<T>;
      this.reuse?.into.set(file, { kind: kind.name, loaded });
      if (this.reuse && kind.shape === "list" && loaded.parsed) await primeListFile(kind, file, place.absolute, this.repository.realRoot);
      return loaded;
    } catch (error) {
      // Not kept for the next load: the cause may pass (a file read half-way), and the next load tries again.
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { file, entries: [], problems: [{ file, field: "", message: `cannot be loaded: ${message}` }], declared: [], parsed: false, lines: {} };
    }
  }

  /**
   * The last load's result for `file`, kept for this one, when the file was not reported changed since (LoadReuse)
   * and each image it shows still has the bytes it had: the watcher reports no deletion, and the cache checked the
   * images of every result it handed out the same way before.
   */
  private kept<T>(kind: FileKind, file: string): LoadedFile<T> | undefined {
    const changed = this.reuse?.changed;
    const kept = changed && !changed.has(file) ? this.reuse!.previous.get(file) : undefined;
    if (!kept || kept.kind !== kind.name) return undefined;
    if (!dependenciesUnchanged(this.repository.realRoot, kept.loaded.dependencies)) return undefined;
    this.reuse!.into.set(file, kept);
    return kept.loaded as LoadedFile<T>;
  }

  /** A folder of files, one entity each; the file name is the id (or an article's slug). */
  async folder<T>(folder: string, kind: FileKind, extensions: string[]): Promise<Located<T>[]> {
    const names = await this.listFiles(folder, extensions);
    const found = await Promise.all(
      names.map(async (name) => {
        const file = `${folder}/${name}`;
        // Declared before reading: a file that fails to parse still exists, and references to it are not the error.
        this.declare(folder, idFromFileName(file));
        const kept = this.kept<T>(kind, file);
        if (kept) return this.accept(kept);
        const place = await placeContentFile(this.repository, file, { listed: true });
        if (!place.ok) {
          this.problems.push({ file, field: "", message: place.message });
          return [];
        }
        return this.accept(await this.load<T>(kind, file, place));
      }),
    );
    return found.flat();
  }

  private accept<T>(loaded: LoadedFile<T>): Located<T>[] {
    this.problems.push(...loaded.problems);
    if (!loaded.parsed) return [];
    this.lines.set(loaded.file, loaded.lines);
    const source = sourceFromLines(loaded.file, loaded.lines);
    return loaded.entries.map((entry) => ({ data: entry.data, source, path: entry.path }));
  }

  private declare(file: string, id: string): void {
    this.declared.set(file, (this.declared.get(file) ?? new Set()).add(id));
  }

  /** Files with one of `extensions`; an extension starting with "/" names a file inside each subfolder (an article folder's `/index.md`). */
  private async listFiles(folder: string, extensions: string[]): Promise<string[]> {
    const place = await containedPath(this.repository, folder, "folder");
    if (!place.ok) {
      this.problems.push({ file: folder, field: "", message: place.missing ? "folder is missing" : place.message });
      return [];
    }
    try {
      const all = await readdir(place.absolute, { withFileTypes: true });
      // A symbolic link or a name with control characters is reported, never skipped in silence: it may be an article.
      const entries = all.filter((entry) => {
        const problem = hasControlCharacter(entry.name) ? "has a control character in its name: rename it" : entry.isSymbolicLink() ? "is a symbolic link: save the file or folder itself here, a link is not followed" : undefined;
        if (problem) this.problems.push({ file: `${folder}/${JSON.stringify(entry.name).slice(1, -1)}`, field: "", message: problem });
        return !problem;
      });
      const inFolders = extensions.filter((extension) => extension.startsWith("/"));
      const files = entries.filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension))).map((entry) => entry.name);
      const nested: string[] = [];
      for (const entry of entries.filter((candidate) => candidate.isDirectory() && inFolders.length > 0)) {
        const inside = new Set(await readdir(path.join(place.absolute, entry.name)));
        const found = inFolders.find((extension) => inside.has(extension.slice(1)));
        const twin = files.find((name) => idFromFileName(name) === entry.name);
        // Both would be the article at one address; which one wins should not depend on the order files are read.
        if (found && twin) this.problems.push({ file: `${folder}/${entry.name}${found}`, line: 1, field: "", message: `has the same address as ${folder}/${twin}: keep one of the two files` });
        else if (found) nested.push(`${entry.name}${found}`);
        else this.problems.push({ file: `${folder}/${entry.name}`, field: "", message: `folder has no ${inFolders.map((name) => name.slice(1)).join(" or ")}: an article folder holds its text in index.md, beside its images` });
      }
      return [...files, ...nested].sort();
    } catch {
      this.problems.push({ file: folder, field: "", message: "folder is missing" });
      return [];
    }
  }
}
