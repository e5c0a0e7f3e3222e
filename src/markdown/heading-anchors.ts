import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { escapeHtml } from "../html/escape-html.ts";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/** Headings from this level down get a visible self-link; deeper ones only an id. */
const LINKED_LEVELS = new Set([2, 3, 4]);

/**
 * An id from a heading's text: lowercase words joined by hyphens, so it survives edits elsewhere in the body. Letters
 * of every script are kept ("установка", "日本語", "straße"); a Latin letter loses its accent ("cafe", as before), and
 * a mark that is no part of a letter (Devanagari's vowel signs) is left out, since an id of letters, digits and
 * hyphens that starts with a letter is one every tool reads (html-validate's valid-id).
 */
export function headingSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/(?<=[a-z])\p{M}+/giu, "")
    .normalize("NFC")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // An id must not look like markdown-it-footnote's (fn1, fnref1) nor start with a digit, which CSS selectors cannot name plainly.
  if (!slug) return "section";
  return /^(fn|fnref)\d/.test(slug) || /^\p{N}/u.test(slug) ? `section-${slug}` : slug;
}

/**
 * Gives every heading an id and ##–#### a self-link, records the headings for the table of contents and the
 * link check, and reports what would break the page's outline: a `#` heading (the page has the <h1>), a skipped
 * level, an empty heading.
 */
export function headingAnchors(markdown: MarkdownIt): void {
  markdown.core.ruler.push("heading_anchors", (core) => {
    const state = core.env as MarkdownState;
    const used = new Set(state.reservedIds ?? []);
    let previousLevel = 1;
    core.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const level = Number(token.tag.slice(1));
      const inline = core.tokens[index + 1];
      const text = inline ? plainText(inline) : "";
      const line = fileLine(state, token.map?.[0] ?? 0);
      const problem = (message: string) => state.problems.push({ file: state.file, line, field: state.field ?? "body", message });
      if (level === 1) problem(`"# ${text}" is a level-1 heading, but the page's title is its only <h1>: start at "## ${text}"`);
      else if (level > previousLevel + 1) problem(`heading "${text}" jumps from level ${previousLevel} to ${level}: use ${"#".repeat(previousLevel + 1)} here`);
      if (!text.trim()) problem("a heading has no text: write its text after the #s or remove the line");
      previousLevel = level;

      const base = headingSlug(text);
      let id = base;
      for (let counter = 2; used.has(id); counter++) id = `${base}-${counter}`;
      used.add(id);
      token.attrSet("id", id);
      token.meta = { ...token.meta, selfLink: LINKED_LEVELS.has(level) };
      state.headings.push({ level, id, text });
    });
  });

  markdown.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    const open = findOpen(tokens, index);
    const id = open?.attrGet("id");
    if (!open?.meta?.selfLink || !id) return self.renderToken(tokens, index, options);
    // The link text is a visible "#" for sighted readers and a phrase for screen readers; it sits last, so the heading still reads first.
    return ` <a class="heading-link" href="#${escapeHtml(id)}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to this section</span></a>${self.renderToken(tokens, index, options)}`;
  };
}

function findOpen(tokens: Token[], closeIndex: number): Token | undefined {
  for (let index = closeIndex - 1; index >= 0; index--) if (tokens[index]!.type === "heading_open") return tokens[index];
  return undefined;
}

/** The text of an inline token without markup. */
export function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "image")
    .map((child) => child.content)
    .join("")
    .trim();
}
