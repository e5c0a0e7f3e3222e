import { isScalar, LineCounter, Scalar, visit } from "yaml";
import { firstTabIndentedLine, readYamlDocument } from "../content/yaml-source.ts";
import type { Repair, Repaired } from "./repair.ts";

/** Tab widths tried for a tab in the indentation, the common ones first. */
const TAB_WIDTHS = [2, 4, 8];

/** The value a YAML text stands for, comparable between two texts; undefined when it does not parse. */
function meaning(text: string): string | undefined {
  const document = readYamlDocument(text);
  if (document.errors.length > 0) return undefined;
  return JSON.stringify(document.toJS(), (_key, value: unknown) => (value instanceof Date ? `date:${value.getTime()}` : value));
}

/**
 * Tabs in the indentation become spaces when exactly one reading of them makes sense: every tab width that
 * makes the text parse must give the same value (a tab that could mean two different nestings is left to a person).
 */
export function fixTabs(text: string, firstLine = 1): Repaired {
  if (firstTabIndentedLine(text) === undefined) return { text, repairs: [] };
  const lines = text.split("\n");
  const tabbed = lines.flatMap((line, index) => (/^[ \t]*\t/.test(line) ? [index] : []));
  const readings = TAB_WIDTHS.map((width) => {
    const candidate = lines.map((line) => line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, " ".repeat(width)))).join("\n");
    return { candidate, value: meaning(candidate) };
  }).filter((reading) => reading.value !== undefined);
  if (readings.length === 0 || new Set(readings.map((reading) => reading.value)).size > 1) return { text, repairs: [] };
  return {
    text: readings[0]!.candidate,
    repairs: tabbed.map((index) => ({ line: firstLine + index, kind: "tab", detail: "a tab in the indentation became spaces" })),
  };
}

/**
 * Unquoted dates and date-times get double quotes: the loader refuses them unquoted (YAML would read them as
 * instants, and may roll an impossible date over), and quoted they are exactly the text the editor typed.
 */
export function quoteDates(text: string, firstLine = 1): Repaired {
  const lineCounter = new LineCounter();
  const document = readYamlDocument(text, lineCounter);
  if (document.errors.length > 0) return { text, repairs: [] };
  const spans: [number, number][] = [];
  visit(document, {
    Scalar(key, node) {
      // A key that looks like a date is a name, not a value the schema reads as a date.
      if (key === "key" || !(node.value instanceof Date) || node.type !== Scalar.PLAIN || !node.range) return;
      spans.push([node.range[0], node.range[1]]);
    },
  });
  let fixed = text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) fixed = `${fixed.slice(0, start)}"${fixed.slice(start, end)}"${fixed.slice(end)}`;
  return {
    text: fixed,
    repairs: spans
      .sort((a, b) => a[0] - b[0])
      .map(([start, end]) => ({ line: firstLine + lineCounter.linePos(start).line - 1, kind: "date", detail: `${text.slice(start, end)} was put in quotes` })),
  };
}

/**
 * Spaces and tabs at the ends of lines are removed, except inside a block of text (`|` or `>`), where two
 * trailing spaces can be a Markdown line break: there they are part of what the editor wrote.
 */
export function trimTrailingSpaces(text: string, firstLine = 1): Repaired {
  const lineCounter = new LineCounter();
  const document = readYamlDocument(text, lineCounter);
  if (document.errors.length > 0) return { text, repairs: [] };
  const kept = new Set<number>();
  visit(document, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range || (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED)) return;
      const [from, to] = [lineCounter.linePos(node.range[0]).line, lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1)).line];
      for (let line = from; line <= to; line++) kept.add(line);
    },
  });
  const repairs: Repair[] = [];
  const lines = text.split("\n").map((line, index) => {
    if (kept.has(index + 1) || !/[ \t]+$/.test(line)) return line;
    repairs.push({ line: firstLine + index, kind: "trailingSpace", detail: "spaces at the end of the line were removed" });
    return line.replace(/[ \t]+$/, "");
  });
  return { text: lines.join("\n"), repairs };
}

/** Every YAML repair, in the order that lets each see the text the previous one made parseable. */
export function fixYaml(text: string, firstLine = 1): Repaired {
  const steps = [fixTabs, quoteDates, trimTrailingSpaces];
  return steps.reduce<Repaired>(
    (done, step) => {
      const next = step(done.text, firstLine);
      return { text: next.text, repairs: [...done.repairs, ...next.repairs] };
    },
    { text, repairs: [] },
  );
}
