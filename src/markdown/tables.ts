import type MarkdownIt from "markdown-it";

/**
 * Wraps each table in a box that scrolls sideways on its own, so a wide table never widens the page on a phone,
 * and turns markdown-it's `style="text-align:…"` on aligned columns into classes, which the CSP allows.
 */
export function tables(markdown: MarkdownIt): void {
  markdown.core.ruler.push("table_alignment_classes", (core) => {
    for (const token of core.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const style = token.attrGet("style");
      const alignment = style?.match(/text-align:(left|center|right)/)?.[1];
      if (style === null) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      if (alignment) token.attrJoin("class", `align-${alignment}`);
    }
  });
  markdown.renderer.rules.table_open = (tokens, index, options, _env, self) => `<div class="table-scroll" tabindex="0">\n${self.renderToken(tokens, index, options)}`;
  markdown.renderer.rules.table_close = (tokens, index, options, _env, self) => `${self.renderToken(tokens, index, options)}</div>\n`;
}
