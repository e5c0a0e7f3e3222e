/**
 * What every placeholder `npm run new` writes starts with. A line of a text field or of an article's body that
 * starts with it is still to be written: a second wall behind `draft: true`, so that a placeholder can never be
 * published even when the draft line is removed too early (src/collections/placeholders.ts reports them).
 */
export const PLACEHOLDER_MARK = "TODO:";

/** A placeholder as the scaffolder writes it: the mark, then what to write there. */
export function placeholder(instruction: string): string {
  return `${PLACEHOLDER_MARK} ${instruction}`;
}

/** A line that starts with the mark, or a YAML list item that does. */
export const MARKED_LINE = new RegExp(`^\\s*(?:-\\s+)?${PLACEHOLDER_MARK}`, "m");

/**
 * The lines of a Markdown body, counted in the file from `firstLine`, that start with the mark outside a fenced
 * code block. Found when the file is loaded and cached with it, so the check needs no article's text.
 */
export function placeholderLines(body: string, firstLine: number): number[] {
  if (!MARKED_LINE.test(body)) return [];
  const lines: number[] = [];
  let fenced = false;
  body.split("\n").forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced && text.trimStart().startsWith(PLACEHOLDER_MARK)) lines.push(firstLine + index);
  });
  return lines;
}
