import type MarkdownIt from "markdown-it";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/**
 * Records every link and image of a body with its file line, for the content check. markdown-it knows lines only
 * for blocks, so a line inside a paragraph is its block's first line plus the line breaks before it.
 */
export function bodyReferences(markdown: MarkdownIt): void {
  markdown.core.ruler.push("body_references", (core) => {
    const state = core.env as MarkdownState;
    let blockLine = 0;
    for (const token of core.tokens) {
      if (token.map) blockLine = token.map[0];
      if (token.type !== "inline") continue;
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        const line = fileLine(state, blockLine + offset);
        if (child.type === "link_open") {
          const href = child.attrGet("href");
          if (href !== null) state.links.push({ href, line });
        } else if (child.type === "image") {
          const title = child.attrGet("title");
          state.images.push({ src: child.attrGet("src") ?? "", alt: child.content, line, ...(title ? { title } : {}) });
          child.meta = { ...child.meta, line };
        }
      }
    }
  });
}
