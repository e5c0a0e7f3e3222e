import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One site path spelled outside the URL module: where, and what. */
export interface LiteralPath {
  /** `file:line`, from the project root. */
  where: string;
  path: string;
}

/** The one module allowed to spell site paths. */
export const URL_MODULE = "src/urls/site-urls.ts";

/** A string that starts a site path: "/" and a path segment ("/courses/", "/feed.xml"). */
const STARTS_SITE_PATH = /^\/[A-Za-z0-9_.~-]/;

/**
 * Strings in code that begin like a site path but are not one, each with its reason. Regular expressions and
 * comments are not strings to the parser, so they need no rule.
 */
const NOT_SITE_PATHS: readonly { test: (text: string, file: string) => boolean; why: string }[] = [
  // "/index.md" is an article folder's source file; the site publishes no Markdown file.
  { test: (text) => text.endsWith(".md"), why: "a Markdown source file name" },
  // `![Alt](/images/x.jpg)` is what editors write; the build replaces it with the published picture's URL.
  { test: (text, file) => file === "src/images/image-options.ts" && text === "/images/", why: "how Markdown names a shared image" },
];

/** Whether a node is the value of a page template's `permalink` (those belong to the page table, like front-matter permalinks). */
function isPermalink(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isPropertyAssignment(parent) && parent.initializer === node && parent.name.getText() === "permalink";
}

/** Site paths in the string literals and template-literal starts of a TypeScript module's source. */
export function modulePaths(file: string, text: string): LiteralPath[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LiteralPath[] = [];
  const visit = (node: ts.Node): void => {
    const isString = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
    // A template's head is its start: `/${folder}/` spells a path as surely as "/admin/" does.
    const isHead = ts.isTemplateHead(node);
    if ((isString || isHead) && (STARTS_SITE_PATH.test(node.text) || (isHead && node.text === "/"))) {
      const allowed = isPermalink(isHead ? node.parent : node) || NOT_SITE_PATHS.some((rule) => rule.test(node.text, file));
      if (!allowed) found.push({ where: `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, path: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An HTML attribute that takes a URL, written with a literal site path: `href="/courses/"`. */
const PATH_ATTRIBUTE = /\b(?:href|action|src)="(\/[^"]*)"/g;

/** A Nunjucks tag (`{{ ... }}` or `{% ... %}`); comments `{# #}` are not code. */
const NUNJUCKS_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** A quoted string in Nunjucks code that is a site path: "/courses/", or "/" (the home page). */
const QUOTED_PATH = /(["'])(\/(?:[A-Za-z0-9_.~-][^"']*)?)\1/g;

/** Line number of an offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** A YAML value in front matter that is a site path: `url: /courses/`, `url: "/courses/"`. */
const YAML_PATH = /:[ \t]*(["']?)(\/[A-Za-z0-9_.~\/#-]*)\1(?=[\s,}\]]|$)/g;

/**
 * Site paths in a Nunjucks template: URL attributes and quoted paths in its tags (a trail's
 * `url: "/courses/"`, `set formAction = "/thanks/..."`, `page.url == "/"`) in the body, and path values in
 * the front matter (a trail written there), but for `permalink:` lines, which belong to the page table.
 */
export function templatePaths(file: string, text: string): LiteralPath[] {
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? "";
  // Blanked rather than cut, so line numbers stay those of the file.
  const body = frontMatter.replace(/[^\n]/g, " ") + text.slice(frontMatter.length);
  const found: LiteralPath[] = [];
  frontMatter.split("\n").forEach((line, index) => {
    if (/^permalink:/.test(line)) return;
    for (const match of line.matchAll(YAML_PATH)) found.push({ where: `${file}:${index + 1}`, path: match[2]! });
  });
  for (const match of body.matchAll(PATH_ATTRIBUTE)) found.push({ where: `${file}:${lineAt(body, match.index)}`, path: match[1]! });
  for (const tag of body.matchAll(NUNJUCKS_TAG)) {
    for (const match of tag[0].matchAll(QUOTED_PATH)) found.push({ where: `${file}:${lineAt(body, tag.index + match.index)}`, path: match[2]! });
  }
  return found;
}

/** Files below `folder` (from `root`) whose names end in `ending`, as root-relative paths with "/". */
function filesUnder(root: string, folder: string, ending: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true })
    .map((name) => `${folder}/${String(name).split(path.sep).join("/")}`)
    .filter((file) => file.endsWith(ending))
    .sort();
}

/**
 * Every site path spelled outside the URL module in the project at `root`: in the modules of `src/`, the
 * TypeScript page templates and `.eleventy.ts` (code), and in the Nunjucks templates and layouts.
 */
export function literalSitePaths(root: string): LiteralPath[] {
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  const modules = [...filesUnder(root, "src", ".ts"), ...filesUnder(root, "content/pages", ".ts"), ".eleventy.ts"].filter((file) => file !== URL_MODULE);
  // TypeScript templates write HTML in template strings, so their URL attributes are checked as a template's are.
  const typescriptTemplates = filesUnder(root, "content/pages", ".11ty.ts");
  const templates = [...filesUnder(root, "_includes", ".njk"), ...filesUnder(root, "content/pages", ".njk")];
  return [
    ...modules.flatMap((file) => modulePaths(file, read(file))),
    ...typescriptTemplates.flatMap((file) => templatePaths(file, read(file))),
    ...templates.flatMap((file) => templatePaths(file, read(file))),
  ];
}
