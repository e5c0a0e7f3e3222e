import type MarkdownIt from "markdown-it";

/**
 * A footnote's link back to the text says so in words, "Back to text", where markdown-it-footnote writes "↩︎": no
 * font the site ships has that arrow (the reader's machine drew it in one of its own), a screen reader names it
 * "leftwards arrow with hook", and its link is underlined like every link in text. Registered after the footnote
 * plugin, whose anchor names it reuses.
 */
export function footnoteBackrefs(markdown: MarkdownIt): void {
  const anchorName = markdown.renderer.rules.footnote_anchor_name;
  if (!anchorName) throw new Error("footnoteBackrefs: register markdown-it-footnote first, whose anchor names it reuses");
  markdown.renderer.rules.footnote_anchor = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const name = anchorName(tokens, index, options, env, self);
    const subId = (token.meta as { subId: number }).subId;
    const id = subId > 0 ? `${name}:${subId}` : name;
    // Left out of the search index, whose excerpts would quote it.
    return ` <a href="#fnref${id}" class="footnote-backref" data-pagefind-ignore>Back to text${subId > 0 ? ` (${subId + 1})` : ""}</a>`;
  };
}
