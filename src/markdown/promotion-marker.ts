import type MarkdownIt from "markdown-it";

/**
 * An editor's one-line marker placing a promotion inside an article, on a line of its own:
 * `[[promotion: empowered-tools]]` (a promotion of _data/promotions.yaml, by id) or
 * `[[courses: aws-fundamentals, office-365-essentials]]` (a set of courses, by id).
 *
 * Rendering Markdown must stay a function of one file's text, so that a rendered article can be cached by its
 * content hash: the marker is rendered as a placeholder comment carrying what it names, and the derive step,
 * which knows the promotions and the catalogue, replaces it with the aside (src/collections/promotion-asides.ts).
 * The same placeholders are read back at load time to check the references, so the check sees exactly what the
 * renderer saw (a marker inside a code block is text, not a marker).
 */

/** The kinds of marker editors can write. */
export const markerKinds = ["promotion", "courses"] as const;

/** One marker found in an article's rendered body. */
export interface PromotionMarker {
  /** The kind as written, lowercased: one of markerKinds, unless the editor misspelt it. */
  kind: string;
  /** The ids named after the colon, in order. */
  ids: string[];
  /** The 1-based line of the marker within the Markdown body (not the file). */
  line: number;
}

// A whole line `[[kind: id, id]]`; any word before the colon counts, so a misspelt kind is reported rather than shown as text.
const MARKER_LINE = /^\[\[\s*([A-Za-z][\w-]*)\s*:([^\]]*)\]\]\s*$/;
const TOKEN_TYPE = "promotion_marker";
// The payload is base64 (no "-" or ">"), so no id an editor writes can end the comment early or add markup.
const PLACEHOLDER = /<!--promotion-marker:([A-Za-z0-9+/=]*)-->\n?/g;

/** The markdown-it plugin: a block rule that turns a marker line into a placeholder for the derive step. */
export function promotionMarkerPlugin(markdown: MarkdownIt): void {
  markdown.block.ruler.before("paragraph", "promotion_marker", markerRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  markdown.renderer.rules[TOKEN_TYPE] = (tokens, index) => {
    const marker = tokens[index]!.meta as PromotionMarker;
    return `<!--promotion-marker:${Buffer.from(JSON.stringify(marker)).toString("base64")}-->\n`;
  };
}

type BlockRule = Parameters<MarkdownIt["block"]["ruler"]["before"]>[2];

const markerRule: BlockRule = (state, startLine, _endLine, silent) => {
  // Indented four or more spaces, the line is a code block, and code is shown as written.
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const text = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  const match = MARKER_LINE.exec(text);
  if (!match) return false;
  if (silent) return true;
  const ids = match[2]!
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const token = state.push(TOKEN_TYPE, "", 0);
  token.block = true;
  token.map = [startLine, startLine + 1];
  token.meta = { kind: match[1]!.toLowerCase(), ids, line: startLine + 1 } satisfies PromotionMarker;
  state.line = startLine + 1;
  return true;
};

/** Every marker placeholder in rendered HTML, in order. */
export function findPromotionMarkers(html: string): PromotionMarker[] {
  if (!html.includes("<!--promotion-marker:")) return [];
  return [...html.matchAll(PLACEHOLDER)].map((match) => decode(match[1]!));
}

/** Replaces each placeholder in rendered HTML with what `render` makes of its marker (which may be ""). */
export function replacePromotionMarkers(html: string, render: (marker: PromotionMarker) => string): string {
  if (!html.includes("<!--promotion-marker:")) return html;
  return html.replace(PLACEHOLDER, (_placeholder, payload: string) => render(decode(payload)));
}

function decode(payload: string): PromotionMarker {
  return JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as PromotionMarker;
}
