import path from "node:path";
import type MarkdownIt from "markdown-it";
import { CONTENT_PATHS } from "../content/content-paths.ts";
import { articleUrl } from "../urls/site-urls.ts";
import type { MarkdownState } from "./markdown-state.ts";

/** A link to a Markdown file: no scheme, a path ending in `.md`, then perhaps a #section. */
const MARKDOWN_FILE_LINK = /^(?![a-z][a-z0-9+.-]*:|\/\/)([^?#]+\.md)(#.*)?$/i;

/** An article's file below the articles folder, `<slug>.md` or `<slug>/index.md`, named as the loader lets one be named. */
const ARTICLE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.md|\/index\.md)$/;

/**
 * The page a link to an article's file leads to: `[see](other-article.md)`, `../other/index.md#setup` or
 * `/content/articles/other.md`, as GitHub's preview, VS Code and most editors link Markdown files, become
 * `/articles/other/` (with the #section), so the link works on the site as it does where it was written. A path is
 * only read, never opened: one that leaves the articles folder, or names any other file, is returned as undefined
 * and checked as written.
 */
export function articleFileLinkUrl(href: string, fromFile: string): string | undefined {
  const link = MARKDOWN_FILE_LINK.exec(href);
  // A Windows path (`..\other.md`) is left as written: a browser reads its backslashes as slashes, the file system here does not.
  if (!link || link[1]!.includes("\\")) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(link[1]!);
  } catch {
    return undefined;
  }
  const resolved = path.posix.normalize(target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(fromFile), target));
  const folder = `${CONTENT_PATHS.articles}/`;
  if (!resolved.startsWith(folder)) return undefined;
  const slug = ARTICLE_FILE.exec(resolved.slice(folder.length))?.[1];
  return slug ? `${articleUrl(slug)}${link[2] ?? ""}` : undefined;
}

/** Points each link to an article's Markdown file at the article's page (articleFileLinkUrl), before links are recorded. */
export function fileLinks(markdown: MarkdownIt): void {
  markdown.core.ruler.push("file_links", (core) => {
    const state = core.env as MarkdownState;
    for (const block of core.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === "link_open" ? token.attrGet("href") : null;
        // Only in Markdown files (articles, page copy), where GitHub's preview and editors link files this way: a text
        // inside YAML is rendered apart from its file, and its links read the same wherever it is rendered.
        const url = href && state.file?.endsWith(".md") ? articleFileLinkUrl(href, state.file) : undefined;
        if (!url) continue;
        token.attrSet("href", url);
        token.meta = { ...token.meta, writtenHref: href };
      }
    }
  });
}
