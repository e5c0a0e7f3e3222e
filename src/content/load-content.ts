import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { ZodType, output } from "zod";
import { articleSchema, type ArticleFrontMatter } from "../schemas/article.ts";
import { categorySchema, type Category } from "../schemas/category.ts";
import { courseSchema, type Course } from "../schemas/course.ts";
import { idField } from "../schemas/fields.ts";
import { locationSchema, type Location } from "../schemas/location.ts";
import { personSchema, type Person } from "../schemas/person.ts";
import { promotionSchema, type Promotion } from "../schemas/promotion.ts";
import { redirectSchema, type Redirect } from "../schemas/redirect.ts";
import { serviceSchema, type Service } from "../schemas/service.ts";
import { sessionSchema, type Session } from "../schemas/session.ts";
import { siteSchema, type Site } from "../schemas/site.ts";
import { crossCheck } from "./cross-check.ts";
import { ContentError, fieldName, type ContentProblem } from "./problems.ts";
import { parseYaml, validate, type YamlSource } from "./yaml-source.ts";

/** An article as written: front matter, Markdown body and where it came from. */
export type ArticleSource = ArticleFrontMatter & {
  /** The file name without `.md`: the article's URL slug. */
  slug: string;
  /** Path relative to the project root. */
  file: string;
  /** The Markdown below the front matter. */
  body: string;
};

/** Every piece of content, validated and cross-checked: what the rest of the build trusts. */
export interface Content {
  site: Site;
  authors: Record<string, Person>;
  instructors: Record<string, Person>;
  locations: Record<string, Location>;
  categories: Record<string, Category>;
  courses: Record<string, Course>;
  sessions: Session[];
  services: Service[];
  promotions: Promotion[];
  redirects: Redirect[];
  articles: ArticleSource[];
  /** The line of a field in a content file, for problems found after loading (such as a redirect to a page that was not built). */
  lineOf(file: string, path: readonly (string | number)[]): number | undefined;
}

/** A validated entity with the place it was read from, kept until the cross-checks have run. */
export interface Located<T> {
  data: T;
  source: YamlSource;
  path: (string | number)[];
}

/** Located entities, as the cross-checks see them. */
export interface LocatedContent {
  authors: Located<Person>[];
  instructors: Located<Person>[];
  locations: Located<Location>[];
  categories: Located<Category>[];
  courses: Located<Course>[];
  sessions: Located<Session>[];
  services: Located<Service>[];
  redirects: Located<Redirect>[];
  articles: Located<ArticleSource>[];
}

/** Where the content lives, relative to the project root. */
export const CONTENT_PATHS = {
  data: "_data",
  articles: "content/articles",
} as const;

/**
 * Reads, validates and cross-checks all content below `root`. Throws a ContentError listing every problem;
 * the build and `npm run check` both call this, so they agree on what is wrong.
 */
export async function loadContent(root: string): Promise<Content> {
  const problems: ContentProblem[] = [];
  const reader = new ContentReader(root, problems);
  const dataDir = CONTENT_PATHS.data;

  const [site, authors, instructors, locations, categories, courses, services, sessions, promotions, redirects, articles] = await Promise.all([
    reader.single(`${dataDir}/site.yaml`, siteSchema),
    reader.map(`${dataDir}/authors.yaml`, personSchema),
    reader.map(`${dataDir}/instructors.yaml`, personSchema),
    reader.map(`${dataDir}/locations.yaml`, locationSchema),
    reader.map(`${dataDir}/categories.yaml`, categorySchema),
    reader.folder(`${dataDir}/courses`, courseSchema),
    reader.folder(`${dataDir}/services`, serviceSchema),
    reader.list(`${dataDir}/schedule.yaml`, sessionSchema),
    reader.list(`${dataDir}/promotions.yaml`, promotionSchema),
    reader.list(`${dataDir}/redirects.yaml`, redirectSchema, { optional: true }),
    reader.articles(CONTENT_PATHS.articles),
  ]);

  problems.push(...crossCheck({ authors, instructors, locations, categories, courses, sessions, services, redirects, articles }, reader));
  if (problems.length > 0 || !site) throw new ContentError(problems);

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
    lineOf: (file, path) => reader.sources.get(file)?.lineOf(path),
  };
}

/** Reads files in the shapes content comes in, collecting problems instead of stopping at the first. */
class ContentReader {
  /** Every id a file declares, valid or not, so that a broken course is reported once, not again by everything naming it. */
  readonly declared = new Map<string, Set<string>>();
  /** Files that could not be read or parsed: references into them cannot be checked. */
  readonly unreadable = new Set<string>();
  /** Every parsed file, by path, so later stages can still name a line. */
  readonly sources = new Map<string, YamlSource>();

  constructor(
    private readonly root: string,
    private readonly problems: ContentProblem[],
  ) {}

  /** A file holding one object. */
  async single<S extends ZodType>(file: string, schema: S): Promise<output<S> | undefined> {
    const source = await this.parse(file);
    if (!source) return undefined;
    return this.check(schema, source, source.value, []);
  }

  /** A file holding a map of id -> entity. */
  async map<S extends ZodType>(file: string, schema: S): Promise<Located<output<S> & { id: string }>[]> {
    const source = await this.parse(file);
    if (!source) return [];
    if (!isPlainObject(source.value)) {
      this.problems.push({ file, line: 1, field: "", message: "must be a map of id: entry" });
      return [];
    }
    const found: Located<output<S> & { id: string }>[] = [];
    for (const [id, value] of Object.entries(source.value)) {
      this.declare(file, id);
      if (!this.checkId(id, source, [id])) continue;
      const data = this.check(schema, source, value, [id]);
      if (data) found.push({ data: { ...data, id }, source, path: [id] });
    }
    return found;
  }

  /** A file holding a list of entities. */
  async list<S extends ZodType>(file: string, schema: S, options: { optional?: boolean } = {}): Promise<Located<output<S>>[]> {
    const source = await this.parse(file, options);
    if (!source) return [];
    if (source.value === null && options.optional) return [];
    if (!Array.isArray(source.value)) {
      this.problems.push({ file, line: 1, field: "", message: "must be a list (each entry starting with \"- \")" });
      return [];
    }
    const found: Located<output<S>>[] = [];
    source.value.forEach((value, index) => {
      const data = this.check(schema, source, value, [index]);
      if (data) found.push({ data, source, path: [index] });
    });
    return found;
  }

  /** A folder of YAML files, one entity each; the file name is the id. */
  async folder<S extends ZodType>(folder: string, schema: S): Promise<Located<output<S> & { id: string }>[]> {
    const files = await this.listFiles(folder, [".yaml", ".yml"]);
    const found = await Promise.all(
      files.map(async (name) => {
        const file = `${folder}/${name}`;
        const id = name.replace(/\.ya?ml$/, "");
        // Declared before parsing: a file that fails to parse still exists, and references to it are not the error.
        this.declare(folder, id);
        const source = await this.parse(file);
        if (!source) return undefined;
        if (!this.checkId(id, source, [], "file name")) return undefined;
        const data = this.check(schema, source, source.value, []);
        return data ? { data: { ...data, id }, source, path: [] } : undefined;
      }),
    );
    return found.filter((item) => item !== undefined);
  }

  /** The Markdown articles: front matter validated, body kept as Markdown. */
  async articles(folder: string): Promise<Located<ArticleSource>[]> {
    const files = await this.listFiles(folder, [".md"]);
    const found = await Promise.all(
      files.map(async (name) => {
        const file = `${folder}/${name}`;
        const text = await readFile(path.join(this.root, file), "utf8");
        const split = matter(text, { engines: { yaml: () => ({}) } });
        if (!text.startsWith("---")) {
          this.problems.push({ file, line: 1, field: "", message: "must start with front matter between --- lines" });
          return undefined;
        }
        // gray-matter keeps the newline after the opening ---, so the front matter's lines are the file's lines.
        const parsed = parseYaml(file, split.matter);
        if (!parsed.ok) {
          this.problems.push(...parsed.problems);
          return undefined;
        }
        this.sources.set(file, parsed.source);
        const slug = name.replace(/\.md$/, "");
        if (!this.checkId(slug, parsed.source, [], "file name")) return undefined;
        const data = this.check(articleSchema, parsed.source, parsed.source.value ?? {}, []);
        if (!data) return undefined;
        return { data: { ...data, slug, file, body: split.content }, source: parsed.source, path: [] };
      }),
    );
    return found.filter((item) => item !== undefined);
  }

  private declare(file: string, id: string): void {
    this.declared.set(file, (this.declared.get(file) ?? new Set()).add(id));
  }

  private async parse(file: string, options: { optional?: boolean } = {}): Promise<YamlSource | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(this.root, file), "utf8");
    } catch (error) {
      if (options.optional && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      this.unreadable.add(file);
      this.problems.push({ file, field: "", message: "cannot be read: the file is missing" });
      return undefined;
    }
    const parsed = parseYaml(file, text);
    if (!parsed.ok) {
      this.unreadable.add(file);
      this.problems.push(...parsed.problems);
      return undefined;
    }
    this.sources.set(file, parsed.source);
    return parsed.source;
  }

  private check<S extends ZodType>(schema: S, source: YamlSource, value: unknown, basePath: (string | number)[]): output<S> | undefined {
    const result = validate(schema, source, value, basePath);
    if (result.ok) return result.data;
    this.problems.push(...result.problems);
    return undefined;
  }

  private checkId(id: string, source: YamlSource, pathToId: (string | number)[], what = "id"): boolean {
    if (idField.safeParse(id).success) return true;
    this.problems.push({ file: source.file, line: source.lineOf(pathToId), field: fieldName(pathToId), message: `${what} "${id}" must be lowercase letters, digits and single hyphens` });
    return false;
  }

  private async listFiles(folder: string, extensions: string[]): Promise<string[]> {
    try {
      const names = await readdir(path.join(this.root, folder));
      return names.filter((name) => extensions.some((extension) => name.endsWith(extension))).sort();
    } catch {
      this.problems.push({ file: folder, field: "", message: "folder is missing" });
      return [];
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
