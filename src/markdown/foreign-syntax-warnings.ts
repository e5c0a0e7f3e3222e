import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { fileLine, sourceLines, type MarkdownState } from "./markdown-state.ts";

/** A container's fence: `::: tip`, `:::warning Title`, `::: {.note}` or the bare `:::` that closes one. */
const CONTAINER_FENCE = /^:{3,}(.*)$/;

/** Containers that hold a note, which a quotation with its label says as well; others (`code-group`) hold something else. */
const NOTE_KINDS = new Set(["note", "tip", "info", "warning", "danger", "caution", "important", "details", "success"]);

/** A GitHub alert's marker, the first line of a quotation. */
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i;

/** A kramdown attribute list on a line of its own (`{: .note .info}`, `{: #id}`), as Jekyll sites write them. */
const ATTRIBUTE_LIST = /^\{:.*\}\s*$/;

/** A line of MDX's JavaScript: `import Tabs from '@theme/Tabs';`, `export const meta = {…}`. */
const MDX_STATEMENT = /^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?["'][^"']+["']|export\s+(?:const|let|default|function)\b.*?);?\s*$/;

/**
 * A template tag (`{% include note.html %}`, `{% raw %}`) or expression (`{{ site.url }}`) of Liquid or Nunjucks; not
 * `${{ secrets.TOKEN }}`, a GitHub Actions expression that articles quote.
 */
const TEMPLATE_SYNTAX = /\{%-?\s*[A-Za-z][^%]*%\}|(?<!\$)\{\{[^{}\n]*\}\}/;

/**
 * Warns at its line about what other Markdown sites read and this one does not, so text brought from them shows its
 * markers as typed: a container (`::: tip` … `:::`, as VitePress, Docusaurus and Pandoc write it), a GitHub alert
 * (`> [!NOTE]`), a kramdown attribute list (`{: .note}`), a Liquid or Nunjucks tag in the text (`{% include x %}`,
 * `{{ site.url }}`: the site never runs a template in content) and a line of MDX's JavaScript (`import X from "y"`).
 * Code is text by intent and is left alone. Each warning says what to write instead.
 */
export function foreignSyntaxWarnings(markdown: MarkdownIt): void {
  markdown.core.ruler.after("inline", "foreign_syntax_warnings", (core) => {
    const env = core.env as MarkdownState;
    const warn = (line: number, message: string) =>
      env.problems.push({ file: env.file, line: fileLine(env, line), field: env.field ?? "body", severity: "warning", message });
    // A table's cells have no lines of their own: each is on its row's.
    let blockLine = 0;
    core.tokens.forEach((block, index) => {
      if (block.map) blockLine = block.map[0];
      if (block.type !== "inline") return;
      templateSyntax(block, blockLine, (line, tag) => warn(line, `"${shortened(tag)}" is template code (Liquid, Nunjucks), which the site never runs in content: it is shown as typed; write what it stood for, or put it in backticks if the text is about templates`));
      const inParagraph = core.tokens[index - 1]?.type === "paragraph_open";
      const opensQuote = inParagraph && core.tokens[index - 2]?.type === "blockquote_open";
      block.content.split("\n").forEach((text, offset) => {
        const said = lineWarning(text.trim(), inParagraph, opensQuote && offset === 0);
        if (said) warn(blockLine + offset, said);
      });
    });
  });
}

/**
 * What is said of one line of a block's text, or undefined: a kramdown attribute list anywhere (`{: .table}` under a
 * table is read as one more row); in a paragraph, a line of JavaScript, a container's fence, and a GitHub alert's
 * marker on the first line of a quotation.
 */
function lineWarning(text: string, inParagraph: boolean, firstOfQuote: boolean): string | undefined {
  if (ATTRIBUTE_LIST.test(text)) return `"${text}" is a kramdown attribute list (Jekyll), which this site's Markdown does not have: it is shown as typed; remove the line (a heading's id is written "## Title {#id}")`;
  if (!inParagraph) return undefined;
  if (MDX_STATEMENT.test(text)) return `"${shortened(text)}" is JavaScript (MDX, VitePress), which the site never runs in content: it is shown as typed; remove the line`;
  const fence = CONTAINER_FENCE.exec(text);
  if (fence) {
    const name = fence[1]!.trim();
    const kind = /[A-Za-z]+/.exec(name)?.[0]?.toLowerCase();
    const advice = !name ? "remove the line" : kind && NOTE_KINDS.has(kind) ? `write the note as a quotation ("> **${capitalised(kind)}:** …") instead` : "remove its fences and write what it holds as plain Markdown";
    return `"${text}" ${name ? "opens" : "closes"} a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; ${advice}`;
  }
  const alert = firstOfQuote ? ALERT_MARKER.exec(text) : null;
  return alert ? `"${text}" marks a GitHub alert, which this site's Markdown does not have: it is shown as typed; write "**${capitalised(alert[1]!)}:**" at the start of the quotation instead` : undefined;
}

/** Text quoted in a message, cut at 40 characters. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "Warning" of "warning" or "WARNING". */
function capitalised(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`;
}

/**
 * Calls `found` with the source line (0-based, as `map`) and text of the first template tag on each line of an inline
 * block's text, code spans left out. Text tokens in a row are read as one (an underscore in `{% include_relative %}`
 * is a token of its own), found in the block's source after the run before (sourceLines), as the HTML
 * warning does.
 */
function templateSyntax(block: Token, firstLine: number, found: (line: number, tag: string) => void): void {
  const source = sourceLines(block.content, firstLine);
  const warned = new Set<number>();
  const read = (run: string, text = true) => {
    const line = source.find(run);
    if (line === undefined) return;
    const tag = text ? TEMPLATE_SYNTAX.exec(run)?.[0] : undefined;
    if (tag && !warned.has(line)) {
      warned.add(line);
      found(line, tag);
    }
  };
  let run = "";
  for (const token of block.children ?? []) {
    if (token.type === "text") {
      run += token.content;
      continue;
    }
    read(run);
    run = "";
    // Passed over, so that text after it that it also holds (`{{ x }}` in backticks, then in prose) is found after it.
    if (token.type === "code_inline") read(token.content, false);
  }
  read(run);
}
