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
      const children = token.children ?? [];
      for (const [index, child] of children.entries()) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        const line = fileLine(state, blockLine + offset);
        if (child.type === "link_open") {
          const href = child.attrGet("href");
          const written = (child.meta as { writtenHref?: string } | null)?.writtenHref;
          if (href !== null) state.links.push({ href, line, ...(written ? { written } : {}) });
          // A link without text or image gives readers nothing to click and screen readers nothing to say.
          if (children[index + 1]?.type === "link_close") {
            const shown = written ?? href ?? "";
            state.problems.push({ file: state.file, line, field: state.field ?? "body", message: `link "${shown}" has no text: write what it leads to between the brackets, [like this](${shown})` });
          }
        } else if (child.type === "image") {
          const title = child.attrGet("title");
          state.images.push({ src: child.attrGet("src") ?? "", alt: child.content, line, ...(title ? { title } : {}) });
          child.meta = { ...child.meta, line };
        }
      }
    }
  });
}
