import { fixHeadingLevels } from "./heading-fixes.ts";
import type { Repair } from "./repair.ts";
import { fixYaml } from "./yaml-fixes.ts";

/** What `npm run fix` does to one file: its new text, what it repaired, and the lines it saw but left to a person. */
export interface FixedFile {
  text: string;
  repairs: Repair[];
  /** Lines with a mistake of a kind it repairs that had no one right answer here (the check reports them). */
  unfixed: number[];
}

/** The kinds of file `npm run fix` reads: YAML data, or Markdown with front matter. */
export type FixableKind = "yaml" | "markdown";

/** The kind of a content file by its path, or undefined for a file `npm run fix` leaves alone. */
export function fixableKind(file: string): FixableKind | undefined {
  if (/^_data\/.*\.ya?ml$/.test(file)) return "yaml";
  if (/^content\/(articles|copy)\/.*\.md$/.test(file)) return "markdown";
  return undefined;
}

/**
 * Repairs one file's text: a byte-order mark and Windows line ends first (every later step reads lines), then
 * the YAML (the whole data file, or the front matter), then a Markdown body's heading levels.
 */
export function fixFile(kind: FixableKind, original: string): FixedFile {
  const repairs: Repair[] = [];
  let text = original;
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    repairs.push({ line: 1, kind: "bom", detail: "the byte-order mark at the start was removed" });
  }
  if (/\r\n?/.test(text)) {
    const first = text.slice(0, text.search(/\r/)).split("\n").length;
    text = text.replace(/\r\n?/g, "\n");
    repairs.push({ line: first, kind: "lineEnds", detail: "Windows line ends became Unix line ends" });
  }
  if (kind === "yaml") {
    const yaml = fixYaml(text);
    return { text: yaml.text, repairs: [...repairs, ...yaml.repairs], unfixed: [] };
  }
  // Front matter: from the line after the opening --- to the closing --- line (gray-matter's reading).
  const open = /^---[ \t]*\n/.exec(text);
  const close = open ? /\n---[ \t]*(?:\n|$)/.exec(text.slice(open[0].length - 1)) : null;
  if (!open || !close) return { text, repairs, unfixed: [] };
  const matterEnd = open[0].length - 1 + close.index;
  const matter = fixYaml(text.slice(open[0].length, matterEnd + 1), 2);
  const fences = [open[0], close[0]].map((fence) => fence.replace(/^(\n?---)[ \t]+/, "$1"));
  if (fences[0] !== open[0]) repairs.push({ line: 1, kind: "trailingSpace", detail: "spaces at the end of the line were removed" });
  const bodyStart = matterEnd + close[0].length;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  if (fences[1] !== close[0]) repairs.push({ line: bodyLine - 1, kind: "trailingSpace", detail: "spaces at the end of the line were removed" });
  const headings = fixHeadingLevels(text.slice(bodyStart), bodyLine);
  return {
    text: `${fences[0]}${matter.text.slice(0, -1)}${fences[1]}${headings.text}`,
    repairs: [...repairs, ...matter.repairs, ...headings.repairs].sort((a, b) => a.line - b.line),
    unfixed: headings.unfixed,
  };
}
