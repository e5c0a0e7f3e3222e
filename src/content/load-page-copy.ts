import { readdir } from "node:fs/promises";
import { PAGE_COPY_FOLDER, PAGE_COPY_PAGES, pageCopySchema, type PageCopyFrontMatter, type PageCopyId } from "../schemas/page-copy.ts";
import { containedPath, readContentFile } from "./contained-file.ts";
import { decodeText } from "./decode-text.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { renderMarkdownDocument } from "../markdown/render-markdown.ts";
import type { LinkReference } from "../markdown/markdown-state.ts";
import { isError, type ContentProblem } from "./problems.ts";
import { parseYaml, TEXT_START, validate, type LineTable } from "./yaml-source.ts";

/** One page's copy as written: front matter and the Markdown main text. */
export type PageCopySource = PageCopyFrontMatter & {
  /** Path relative to the project root. */
  file: string;
  /** The Markdown below the front matter (may be empty). */
  body: string;
  /** The links of the body and of each block, by field, for the site's link check. */
  links: { field: string; links: LinkReference[] }[];
  /** The body and the blocks as HTML, rendered once, where they were checked. */
  html: { body: string; blocks: Record<string, string> };
};

/** The result of reading one copy file: its copy, or every problem in it. */
export type PageCopyParse = { ok: true; copy: PageCopySource; lines: LineTable; warnings: ContentProblem[] } | { ok: false; problems: ContentProblem[] };

/** Reads one copy file's text for page `id`: a pure function of the bytes, so it can be cached by content. */
export function parsePageCopy(file: string, id: PageCopyId, text: string): PageCopyParse {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, problems: [{ file, line: split.line, field: split.field, message: split.message }] };
  const parsed = parseYaml(file, split.matter);
  if (!parsed.ok) return parsed;
  const result = validate(pageCopySchema, parsed.source, parsed.source.value ?? {});
  if (!result.ok) return result;
  const needs = PAGE_COPY_PAGES[id];
  const problems: ContentProblem[] = [];
  const line = (key: string[]) => parsed.source.lineOf(key);
  for (const name of needs.blocks) {
    if (!(name in result.data.blocks)) problems.push({ file, line: line(["blocks"]), field: `blocks.${name}`, message: `is required: the ${id} page places this text` });
  }
  for (const name of Object.keys(result.data.blocks)) {
    if (!(needs.blocks as readonly string[]).includes(name)) {
      const known = needs.blocks.length ? `this page places ${needs.blocks.join(", ")}` : "this page places no blocks";
      problems.push({ file, line: line(["blocks", name]), field: `blocks.${name}`, message: `is not used (${known})` });
    }
  }
  if (needs.description && !result.data.description) problems.push({ file, line: 1, field: "description", message: "is required" });
  if (!needs.description && result.data.description) problems.push({ file, line: line(["description"]), field: "description", message: "is not used: the home page's description is site.yaml's" });
  if (problems.length) return { ok: false, problems };
  // The body and blocks are Markdown as an article's body is: their headings, HTML and pictures are checked the same
  // way, at their lines, and their links are kept for the site's link check.
  const body = split.body.trim();
  const rendered = [
    { field: "body", source: split.body, firstLine: split.bodyLine },
    ...Object.entries(result.data.blocks).map(([name, source]) => ({ field: `blocks.${name}`, source, firstLine: line(["blocks", name, TEXT_START]) ?? 1 })),
  ].map(({ field, source, firstLine }) => ({ field, ...renderMarkdownDocument(source, { file, firstLine, field }) }));
  const markdownProblems = rendered.flatMap((markdown) => markdown.problems);
  if (markdownProblems.some(isError)) return { ok: false, problems: markdownProblems };
  const links = rendered.map(({ field, links }) => ({ field, links }));
  const html = { body: body ? rendered[0]!.html : "", blocks: Object.fromEntries(Object.keys(result.data.blocks).map((name, index) => [name, rendered[index + 1]!.html])) };
  return { ok: true, copy: { ...result.data, file, body, links, html }, lines: parsed.lines, warnings: markdownProblems };
}

/** Reads every page's copy from `content/copy/`; a missing page or an unknown file is a problem. */
export async function loadPageCopy(root: string): Promise<{ copy: Partial<Record<PageCopyId, PageCopySource>>; problems: ContentProblem[]; lines: Map<string, LineTable> }> {
  const problems: ContentProblem[] = [];
  const lines = new Map<string, LineTable>();
  const copy: Partial<Record<PageCopyId, PageCopySource>> = {};
  const ids = Object.keys(PAGE_COPY_PAGES) as PageCopyId[];
  let names: string[] = [];
  const folder = await containedPath(root, PAGE_COPY_FOLDER, "folder");
  if (folder.ok) names = (await readdir(folder.absolute)).filter((name) => name.endsWith(".md"));
  else problems.push({ file: PAGE_COPY_FOLDER, field: "", message: folder.missing ? "folder is missing" : folder.message });
  for (const name of names) {
    const id = name.replace(/\.md$/, "");
    if (!(ids as string[]).includes(id)) problems.push({ file: `${PAGE_COPY_FOLDER}/${name}`, field: "", message: `no page uses this file (the pages with copy are ${ids.join(", ")})` });
  }
  await Promise.all(
    ids.map(async (id) => {
      const file = `${PAGE_COPY_FOLDER}/${id}.md`;
      if (!names.includes(`${id}.md`)) {
        if (names.length) problems.push({ file, field: "", message: `cannot be read: the file is missing (it holds the words of the ${id} page)` });
        return;
      }
      const read = await readContentFile(root, file);
      if (!read.ok) {
        problems.push({ file, field: "", message: read.message });
        return;
      }
      const decoded = decodeText(read.bytes);
      if (!decoded.ok) {
        problems.push({ file, line: decoded.line, field: "", message: decoded.message });
        return;
      }
      const parsed = parsePageCopy(file, id, decoded.text);
      if (!parsed.ok) problems.push(...parsed.problems);
      else {
        problems.push(...parsed.warnings);
        copy[id] = parsed.copy;
        lines.set(file, parsed.lines);
      }
    }),
  );
  return { copy, problems, lines };
}
