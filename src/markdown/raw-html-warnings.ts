import { createRequire } from "node:module";
import type MarkdownIt from "markdown-it";
import { HTML_TAG_RE } from "markdown-it/lib/common/html_re.mjs";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

const requirePackage = createRequire(import.meta.url);
let elementNames: ReadonlySet<string> | undefined;

/**
 * Whether HTML knows an element of that name, as the HTML parser parse5 lists them: `Vec<String>`, `Option<T>` or
 * "<your-name>" in prose are not HTML and read as the editor meant them. parse5 is loaded at the first text that
 * looks like a tag (about 30 ms), not by every check and build: most bodies have none.
 */
function isElementName(name: string): boolean {
  elementNames ??= new Set(Object.values((requirePackage("parse5") as typeof import("parse5")).html.TAG_NAMES));
  return elementNames.has(name);
}

/**
 * Warns at its line about HTML written in Markdown text (`<details>`, `<br>`, `<!-- a note -->`): the site renders
 * Markdown only (raw HTML is off, so nothing pasted can bring a script or a style into a page), and such HTML is
 * shown on the page as the characters typed. HTML in code (backticks, fences) is text by intent, and so is `\<`,
 * which markdown-it hands over as an escape before this rule runs. One warning per line.
 */
export function rawHtmlWarnings(markdown: MarkdownIt): void {
  // After the inline parse and before text_join, which would fold an escaped "\<" back into the text around it.
  markdown.core.ruler.after("inline", "raw_html_warnings", (core) => {
    const env = core.env as MarkdownState;
    // A table's cells have no lines of their own: each is on its row's.
    let blockLine = 0;
    for (const block of core.tokens) {
      if (block.map) blockLine = block.map[0];
      if (block.type !== "inline" || !block.children) continue;
      // Each tag is looked for in the block's own source from where the last was found, and the lines counted on from
      // there: a line break inside a code span or a link's address is no token of its own.
      let searchedTo = 0;
      let line = blockLine;
      const warned = new Set<number>();
      for (const token of block.children) {
        if (token.type !== "text") continue;
        for (const tag of htmlIn(token.content)) {
          const at = block.content.indexOf(tag, searchedTo);
          if (at !== -1) {
            line += newlinesBetween(block.content, searchedTo, at);
            searchedTo = at + tag.length;
          }
          if (warned.has(line)) continue;
          warned.add(line);
          env.problems.push({
            file: env.file,
            line: fileLine(env, line),
            field: env.field ?? "body",
            severity: "warning",
            message: `HTML "${tag.length > 40 ? `${tag.slice(0, 39)}…` : tag}" is shown on the page as typed, since the site takes Markdown only: write it in Markdown, or in backticks if the text is about HTML`,
          });
        }
      }
    }
  });
}

/** The HTML tags of known elements and the comments (or comment openings) in `text`, in order. */
function htmlIn(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
    const rest = text.slice(at);
    if (rest.startsWith("<!--")) {
      found.push(HTML_TAG_RE.exec(rest)?.[0] ?? "<!--");
      continue;
    }
    const tag = HTML_TAG_RE.exec(rest)?.[0];
    const name = tag && /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(tag)?.[1]?.toLowerCase();
    if (tag && name && isElementName(name)) found.push(tag);
  }
  return found;
}

function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
