import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/** A container's fence: `::: tip`, `:::warning Title`, `::: {.note}` or the bare `:::` that closes one. */
const CONTAINER_FENCE = /^:{3,}(.*)$/;

/** A GitHub alert's marker, the first line of a quotation. */
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i;

/**
 * Warns at its line about two ways of writing a note that other Markdown sites read and this one does not, so the
 * text brought from them is shown with its markers as typed: a container (`::: tip` … `:::`, as VitePress,
 * Docusaurus and Pandoc write it) and a GitHub alert (`> [!NOTE]`). Each warning says what to write instead.
 */
export function foreignSyntaxWarnings(markdown: MarkdownIt): void {
  markdown.core.ruler.after("inline", "foreign_syntax_warnings", (core) => {
    const env = core.env as MarkdownState;
    const warn = (line: number, message: string) =>
      env.problems.push({ file: env.file, line: fileLine(env, line), field: env.field ?? "body", severity: "warning", message });
    core.tokens.forEach((block, index) => {
      if (block.type !== "inline" || !block.map || core.tokens[index - 1]?.type !== "paragraph_open") return;
      const lines = block.content.split("\n");
      lines.forEach((text, offset) => {
        const fence = CONTAINER_FENCE.exec(text);
        if (!fence) return;
        const name = fence[1]!.trim();
        warn(
          block.map![0] + offset,
          name
            ? `"${text.trim()}" opens a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; write the note as a quotation ("> **${noteLabel(name)}:** …") instead`
            : `"${text.trim()}" closes a container (VitePress, Docusaurus), which this site's Markdown does not have: it is shown as typed; remove the line`,
        );
      });
      const alert = isInQuote(core.tokens, index) ? ALERT_MARKER.exec(lines[0]!) : null;
      if (alert) {
        warn(block.map[0], `"${lines[0]!.trim()}" marks a GitHub alert, which this site's Markdown does not have: it is shown as typed; write "**${noteLabel(alert[1]!)}:**" at the start of the quotation instead`);
      }
    });
  });
}

/** The label a note of this kind reads with: "Tip", "Warning"; a Pandoc class (`{.note}`) loses its braces. */
function noteLabel(name: string): string {
  const word = /[A-Za-z]+/.exec(name)?.[0] ?? "Note";
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Whether the paragraph whose inline token is at `index` is the first block of a quotation. */
function isInQuote(tokens: readonly Token[], index: number): boolean {
  return tokens[index - 2]?.type === "blockquote_open";
}
