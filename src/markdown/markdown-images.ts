import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { fileLine, type MarkdownState } from "./markdown-state.ts";

/**
 * Alt text an editor writes for an image that carries no information (a divider, a texture): it is published
 * with an empty alt, so screen readers skip it. Any other empty alt text is an error.
 */
export const DECORATIVE_ALT = "decorative";

/** Whether alt text marks the image as decorative. */
export function isDecorative(alt: string): boolean {
  return alt.trim().toLowerCase() === DECORATIVE_ALT;
}

/**
 * Renders `![alt](src)` through the page's image renderer (responsive `<picture>` markup), after checking that the
 * alt text is there. A body rendered without a renderer may not hold images at all.
 */
export function markdownImages(markdown: MarkdownIt): void {
  markdown.renderer.rules.image = (tokens, index, _options, env: MarkdownState) => {
    const token = tokens[index]!;
    const alt = altText(token.children ?? []).trim();
    const src = token.attrGet("src") ?? "";
    const title = token.attrGet("title");
    const line = (token.meta as { line?: number } | null)?.line ?? fileLine(env, 0);
    const problem = (message: string) => env.problems.push({ file: env.file, line, field: env.field ?? "body", message });
    if (!alt) {
      problem(`image "${src}" has no alt text: describe what it shows between the brackets, ![like this](${src}), or write ![${DECORATIVE_ALT}](${src}) if it only decorates`);
      return "";
    }
    if (!env.renderImage) {
      problem(`image "${src}" cannot be shown here: images are allowed in articles, course descriptions and service bodies`);
      return "";
    }
    return env.renderImage({ src, alt, line, ...(title ? { title } : {}) }, isDecorative(alt)) ?? "";
  };
}

/**
 * The plain text of an image description, as CommonMark defines alt text: markdown-it's renderInlineAsText
 * drops escaped characters (`C:\\path` became "C:path") and inline code, so what the editor wrote was lost.
 */
export function altText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === "text" || token.type === "text_special" || token.type === "code_inline") return token.content;
      if (token.type === "image") return altText(token.children ?? []);
      if (token.type === "softbreak" || token.type === "hardbreak") return "\n";
      return "";
    })
    .join("");
}
