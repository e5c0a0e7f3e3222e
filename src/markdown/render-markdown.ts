import MarkdownIt from "markdown-it";
import { promotionMarkerPlugin } from "./promotion-marker.ts";

// Raw HTML is off: editors write Markdown, and nothing they paste can bring a script or an inline style into a page.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });
markdown.use(promotionMarkerPlugin);

/** Renders an editor's Markdown to HTML; the one place Markdown becomes markup. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Reading time in whole minutes at 220 words a minute, never less than one. */
export function readingMinutes(source: string): number {
  const words = source.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.ceil(words / 220));
}
