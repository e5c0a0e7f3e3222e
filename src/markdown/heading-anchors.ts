import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { escapeHtml } from "../html/escape-html.ts";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/** Headings from this level down get a visible self-link; deeper ones only an id. */
const LINKED_LEVELS = new Set([2, 3, 4]);

/** The ids markdown-it-footnote gives its notes and their back-references (fn1, fnref1), which no heading may take. */
const FOOTNOTE_ID = /^(fn|fnref)\d/;

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
  return FOOTNOTE_ID.test(slug) || /^\p{N}/u.test(slug) ? `section-${slug}` : slug;
}

/**
 * A heading's own id, written after its text as `{#id}`: the way Pandoc, kramdown, Hugo, VitePress and PHP Markdown
 * Extra name a heading, so text brought from those sites keeps its anchors instead of showing the braces.
 */
const EXPLICIT_ID = /\s*\{#([^\s{}]*)\}$/;

/** What an explicit id may hold: the same letters, digits and hyphens the ids made from text hold. */
const VALID_ID = /^\p{L}[\p{L}\p{N}_-]*$/u;

/**
 * Gives every heading an id and ##–#### a self-link, records the headings for the table of contents and the
 * link check, and reports what would break the page's outline: a `#` heading (the page has the <h1>), a skipped
 * level, an empty heading. A heading's own `{#id}` is taken before any id is made from text, so a later heading's
 * made id steps around it.
 */
export function headingAnchors(markdown: MarkdownIt): void {
  markdown.core.ruler.push("heading_anchors", (core) => {
    const state = core.env as MarkdownState;
    const reserved = new Set(state.reservedIds ?? []);
    const used = new Set(reserved);
    const headings = core.tokens.flatMap((token, index) => (token.type === "heading_open" ? [{ token, inline: core.tokens[index + 1] }] : []));
    const problemAt = (token: Token) => (message: string) =>
      state.problems.push({ file: state.file, line: fileLine(state, token.map?.[0] ?? 0), field: state.field ?? "body", message });

    const explicitIds = headings.map(({ token, inline }) => {
      const id = inline && takeExplicitId(inline);
      if (id === undefined) return undefined;
      const problem = problemAt(token);
      const slug = headingSlug(id);
      const suggestion = used.has(slug) ? `${slug}-section` : slug;
      if (FOOTNOTE_ID.test(id)) {
        problem(`heading id "{#${id}}" looks like the id of a footnote (fn1, fnref1), which the page gives its footnotes: choose another, such as "{#${suggestion}}"`);
        return undefined;
      }
      if (!VALID_ID.test(id)) {
        problem(`heading id "{#${id}}" is not one this site can use: an id is letters, digits, hyphens and underscores, starting with a letter; write "{#${suggestion}}"`);
        return undefined;
      }
      if (reserved.has(id)) {
        problem(`heading id "{#${id}}" is taken by the page around the article: choose another, such as "{#${id}-section}"`);
        return undefined;
      }
      if (used.has(id)) {
        problem(`heading id "{#${id}}" is given to an earlier heading too: an id names one place on the page, so choose another`);
        return undefined;
      }
      used.add(id);
      return id;
    });

    const first = state.firstHeadingLevel ?? 2;
    let previousLevel = first - 1;
    headings.forEach(({ token, inline }, index) => {
      const level = Number(token.tag.slice(1));
      const text = inline ? plainText(inline) : "";
      const problem = problemAt(token);
      const typed = explicitIds[index] === undefined ? text : `${text} {#${explicitIds[index]}}`;
      if (level === 1) problem(`"# ${typed}" is a level-1 heading, but the page's title is its only <h1>: start at "${"#".repeat(first)} ${typed}"`);
      else if (level < first) problem(`"${"#".repeat(level)} ${typed}" would stand beside the page's own headings, which this text sits under: start at "${"#".repeat(first)} ${typed}"`);
      else if (level > previousLevel + 1) problem(`heading "${text}" jumps from level ${previousLevel} to ${level}: use ${"#".repeat(previousLevel + 1)} here`);
      if (!text.trim()) problem("a heading has no text: write its text after the #s or remove the line");
      previousLevel = level;

      let id = explicitIds[index];
      if (id === undefined) {
        const base = headingSlug(text);
        id = base;
        for (let counter = 2; used.has(id); counter++) id = `${base}-${counter}`;
        used.add(id);
      }
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

/**
 * Removes a trailing `{#id}` from a heading's inline token and returns the id; undefined when the heading has none.
 * Only plain text at the end counts: braces inside code (`` `{#x}` ``) stay as written.
 */
function takeExplicitId(inline: Token): string | undefined {
  // The source decides, since the typographer has already made `--` a dash in the text: an odd number of
  // backslashes before the brace (`\{#x}`) asks for the braces as text.
  const typed = /(\\*)\{#([^\s{}]*)\}$/.exec(inline.content.trimEnd());
  if (!typed || typed[1]!.length % 2 === 1) return undefined;
  const last = inline.children?.at(-1);
  if (last?.type !== "text") return undefined;
  const shown = EXPLICIT_ID.exec(last.content);
  if (!shown) return undefined;
  last.content = last.content.slice(0, shown.index);
  inline.content = inline.content.trimEnd().slice(0, typed.index + typed[1]!.length).trimEnd();
  if (!last.content) inline.children!.pop();
  return typed[2]!;
}

/** The text of an inline token without markup. */
export function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "image")
    .map((child) => child.content)
    .join("")
    .trim();
}
