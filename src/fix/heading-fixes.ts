import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import type { Repair, Repaired } from "./repair.ts";

// The block structure the site's renderer sees (src/markdown/render-markdown.ts): what is a heading and what is code.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true }).use(footnote);

/** A heading line's prefix (blockquote or list markers) and its #s. */
const ATX_HEADING = /^((?:[ ]{0,3}>[ ]?|[ ]*(?:[-*+]|\d{1,9}[.)])[ ]+)*[ ]{0,3})(#{1,6})(?=[ \t]|$)/;

/**
 * Heading levels as the page needs them: the article's title is its only level 1, so the body starts at
 * level 2 and never skips one. Each heading keeps its place in the outline: it goes one level below the
 * nearest heading before it that was written at a higher level (a `#` becomes `##`, a `###` right under the
 * title becomes `##`, and the `####` under it `###`). Headings inside code blocks are not headings, and
 * are never touched. `firstLine` is the file line of the body's first line, for the summary.
 */
export function fixHeadingLevels(body: string, firstLine = 1): Repaired & { unfixed: number[] } {
  const tokens = markdown.parse(body, {});
  const lines = body.split("\n");
  const repairs: Repair[] = [];
  const unfixed: number[] = [];
  const outline: { written: number; level: number }[] = [];
  for (const token of tokens) {
    if (token.type !== "heading_open" || !token.map) continue;
    const written = Number(token.tag.slice(1));
    while (outline.length > 0 && outline.at(-1)!.written >= written) outline.pop();
    const level = (outline.at(-1)?.level ?? 1) + 1;
    const index = token.map[0];
    // A heading left at its written level is where the headings under it are placed from: placed from the level it
    // could not be given, they skipped one below it ("Text\n---" stays level 2, and the "###" after it must too).
    const leftAsWritten = () => {
      outline.push({ written, level: written });
      unfixed.push(firstLine + index);
    };
    if (level === written) {
      outline.push({ written, level });
      continue;
    }
    if (token.markup === "=" || token.markup === "-") {
      // An underlined heading: === is level 1 and --- level 2, the only two it can be.
      const underline = token.map[1] - 1;
      if (level === 2 && token.markup === "=") {
        lines[underline] = lines[underline]!.replace(/=+/, (run) => "-".repeat(run.length));
        outline.push({ written, level });
        repairs.push({ line: firstLine + index, kind: "heading", detail: "a level-1 heading (underlined with ===) became level 2 (underlined with ---)" });
      } else leftAsWritten();
      continue;
    }
    const match = ATX_HEADING.exec(lines[index]!);
    if (!match || level > 6) {
      leftAsWritten();
      continue;
    }
    outline.push({ written, level });
    lines[index] = `${match[1]}${"#".repeat(level)}${lines[index]!.slice(match[0].length)}`;
    repairs.push({ line: firstLine + index, kind: "heading", detail: `"${match[2]}" heading became "${"#".repeat(level)}"` });
  }
  return { text: lines.join("\n"), repairs, unfixed };
}
