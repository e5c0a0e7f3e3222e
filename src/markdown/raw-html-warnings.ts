import htmlTags from "html-tags";
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { HTML_TAG_RE } from "markdown-it/lib/common/html_re.mjs";
import { fileLine, sourceLines, type MarkdownState } from "./markdown-state.ts";

/**
 * The names of HTML's elements (html-tags' list of the standard ones, `<kbd>`, `<video>` and `<picture>` among them):
 * `Vec<String>`, `Option<T>` or "<your-name>" in prose are not HTML and read as the editor meant them.
 */
const ELEMENT_NAMES: ReadonlySet<string> = new Set(htmlTags);

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
      const source = sourceLines(block.content, blockLine);
      const warned = new Set<number>();
      for (const run of textRuns(block.children, env)) {
        for (const tag of htmlIn(run)) {
          // A tag may span lines (`<iframe width="560"` then `src="...">`): it is found by its first line, where it is
          // reported, and its last, where what follows it is looked for (the lines between lost their indentation).
          const lines = tag.split("\n");
          const first = source.find(lines[0]!) ?? source.line;
          const last = lines.length > 1 ? (source.find(lines.at(-1)!) ?? source.line) : first;
          if (warned.has(first)) continue;
          for (let covered = first; covered <= last; covered++) warned.add(covered);
          const shown = tag.replace(/\s+/g, " ");
          env.problems.push({
            file: env.file,
            line: fileLine(env, first),
            field: env.field ?? "body",
            severity: "warning",
            message: `HTML "${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}" is shown on the page as typed, since the site takes Markdown only: write it in Markdown, or in backticks if the text is about HTML`,
          });
        }
      }
    }
    for (const block of core.tokens) if (block.type === "inline" && block.children) block.children = keepTagsAsTyped(block.children, core.Token);
    for (const note of inlineFootnotes(env)) if (note.tokens) note.tokens = keepTagsAsTyped(note.tokens, core.Token);
  });
}

/**
 * Hands each tag in a run of text to the rules after this one as `text_special`, which the typographer's quotes and
 * dashes pass over, so `<div class="tip">` is shown with the straight quotes typed, not `class=“tip”`; text_join then
 * makes it plain text again. A tag written over several lines is kept whole, a piece per line.
 */
function keepTagsAsTyped(children: Token[], TokenType: typeof Token): Token[] {
  const kept: Token[] = [];
  const piece = (like: Token, type: "text" | "text_special", content: string) => {
    const token = new TokenType(type, "", 0);
    token.content = content;
    token.markup = type === "text_special" ? content : "";
    token.level = like.level;
    kept.push(token);
  };
  for (let index = 0; index < children.length; ) {
    if (children[index]!.type !== "text") {
      kept.push(children[index++]!);
      continue;
    }
    const start = index;
    while (index < children.length && runText(children[index]!) !== undefined) index++;
    const run = children.slice(start, index);
    const joined = run.map((token) => runText(token)!).join("");
    const spans = tagSpans(joined);
    if (spans.length === 0) {
      kept.push(...run);
      continue;
    }
    let offset = 0;
    for (const token of run) {
      if (token.type !== "text") {
        kept.push(token);
        offset += runText(token)!.length;
        continue;
      }
      const from = offset;
      const to = (offset += token.content.length);
      let cut = from;
      for (const [spanStart, spanEnd] of spans) {
        if (spanEnd <= from || spanStart >= to) continue;
        const pieceStart = Math.max(spanStart, from);
        const pieceEnd = Math.min(spanEnd, to);
        if (pieceStart > cut) piece(token, "text", joined.slice(cut, pieceStart));
        piece(token, "text_special", joined.slice(pieceStart, pieceEnd));
        cut = pieceEnd;
      }
      if (cut < to) piece(token, "text", joined.slice(cut, to));
    }
  }
  return kept;
}

/**
 * What a token adds to a run of text, or undefined where it ends one (code, a link, an escape): a line break is a
 * "\n", so a tag written over two lines is whole, and an entity is as written (`&amp;`, which markdown-it hands over
 * apart from the text around it), so it does not cut a tag in two.
 */
function runText(token: Token): string | undefined {
  if (token.type === "text") return token.content;
  if (token.type === "softbreak") return "\n";
  return token.type === "text_special" && token.info === "entity" ? token.markup : undefined;
}

/** Where the tags of any name (`<div class="x">`, `<VueSchoolLink href="…"/>`) and the comments are in `text`. */
function tagSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at)) {
    const tag = HTML_TAG_RE.exec(text.slice(at))?.[0];
    if (tag) spans.push([at, at + tag.length]);
    at += tag ? tag.length : 1;
  }
  return spans;
}

/**
 * The text of an inline block as runs that code, links and escapes cut apart (runText): an escape ends a run, so
 * that `\<div>` is never a tag. An inline footnote (`^[a note]`) is text of the same line,
 * which markdown-it-footnote parses apart: its runs come where it stands.
 */
function textRuns(children: readonly Token[], env: MarkdownState): string[] {
  const runs: string[] = [];
  let run = "";
  for (const token of children) {
    const text = runText(token);
    if (text !== undefined) run += text;
    else {
      if (run) runs.push(run);
      run = "";
      const note = token.type === "footnote_ref" ? inlineFootnotes(env)[(token.meta as { id: number }).id] : undefined;
      if (note?.tokens) runs.push(...textRuns(note.tokens, env));
    }
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * Whether a tag of no HTML element is a component of MDX or Vue (`<Tabs groupId="os">`, `<VueSchoolLink href="…"/>`):
 * it has an attribute with a value or closes itself, which `Option<T>` and "<your-name>" in prose never do.
 */
function isComponent(tag: string): boolean {
  return /^<[A-Za-z][\w.:-]*\s[^>]*=/.test(tag) || /^<[A-Za-z][\w.:-]*(?:\s[^>]*)?\/>$/.test(tag);
}

/** The HTML tags of known elements and of components, and the comments (or comment openings) in `text`, in order. */
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
    if (tag && name && (ELEMENT_NAMES.has(name) || isComponent(tag))) found.push(tag);
  }
  return found;
}

/** The footnotes markdown-it-footnote has parsed so far, where an inline one keeps its own tokens. */
function inlineFootnotes(env: MarkdownState): readonly { tokens?: Token[] }[] {
  return (env as { footnotes?: { list?: { tokens?: Token[] }[] } }).footnotes?.list ?? [];
}
