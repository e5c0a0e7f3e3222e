import type MarkdownIt from "markdown-it";
import { HTML_TAG_RE } from "markdown-it/lib/common/html_re.mjs";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

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
    for (const block of core.tokens) {
      if (block.type !== "inline" || !block.map || !block.children) continue;
      let line = block.map[0];
      let warnedLine = -1;
      for (const token of block.children) {
        if (token.type === "softbreak" || token.type === "hardbreak") line++;
        if (token.type !== "text" || line === warnedLine) continue;
        const tag = htmlIn(token.content);
        if (tag === undefined) continue;
        warnedLine = line;
        env.problems.push({
          file: env.file,
          line: fileLine(env, line),
          field: env.field ?? "body",
          severity: "warning",
          message: `HTML "${tag}" is shown on the page as typed, since the site takes Markdown only: write it in Markdown, or in backticks if the text is about HTML`,
        });
      }
    }
  });
}

/** The first HTML tag or comment in `text`, cut to 40 characters, or undefined. */
function htmlIn(text: string): string | undefined {
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
    const rest = text.slice(at);
    const tag = HTML_TAG_RE.exec(rest)?.[0] ?? (rest.startsWith("<!--") ? "<!--" : undefined);
    if (tag !== undefined) return tag.length > 40 ? `${tag.slice(0, 39)}…` : tag;
  }
  return undefined;
}
