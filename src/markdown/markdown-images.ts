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
  markdown.renderer.rules.image = (tokens, index, options, env: MarkdownState, self) => {
    const token = tokens[index]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
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

/** The image tokens of a parsed body, for callers that need them before rendering. */
export function imageTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => (token.children ?? []).filter((child) => child.type === "image"));
}
