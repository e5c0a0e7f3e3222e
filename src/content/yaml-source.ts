import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { ZodType, core, output } from "zod";
import { fieldName, type ContentProblem } from "./problems.ts";
import { didYouMean } from "./suggest.ts";

type ZodIssue = core.$ZodIssue;

type PathKey = string | number;

/** A parsed YAML text that can say on which line any field stands. */
export interface YamlSource {
  /** Path relative to the project root. */
  file: string;
  /** The plain JavaScript value. */
  value: unknown;
  /** The 1-based line of the field at `path`, or of its nearest parent that exists. */
  lineOf(path: readonly PathKey[]): number | undefined;
}

/** The line of every field of a YAML text, keyed by `lineKey(path)`: plain data, so it can be cached as JSON. */
export type LineTable = Record<string, number>;

/** The result of reading a YAML text: a source and its line table, or the syntax problems that stopped it. */
export type YamlParse = { ok: true; source: YamlSource; lines: LineTable } | { ok: false; problems: ContentProblem[] };

/** The key of a field path in a LineTable. */
export function lineKey(path: readonly PathKey[]): string {
  return path.map(String).join("\u0000");
}

/** A source that answers lineOf from a line table, as the cache hands it back; same answers as the parsed text gave. */
export function sourceFromLines(file: string, lines: LineTable): Pick<YamlSource, "file" | "lineOf"> {
  return {
    file,
    lineOf(path) {
      // The nearest parent that exists: every prefix of an existing path is in the table too.
      for (let length = path.length; length >= 0; length--) {
        const line = lines[lineKey(path.slice(0, length))];
        if (line !== undefined) return line;
      }
      return undefined;
    },
  };
}

/**
 * Parses YAML 1.2 (so `no` stays a string) with the timestamp tag on, so an unquoted date arrives as a Date and
 * the schema can refuse it. Lines are the text's own; front matter keeps the file's lines because the text
 * handed in starts right after the opening `---`, newline included.
 */
export function parseYaml(file: string, text: string): YamlParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, customTags: ["timestamp"], uniqueKeys: true, prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    // Only the first: after a syntax error the parser's later complaints are mostly echoes of it.
    const line = error.linePos ? error.linePos[0].line : undefined;
    const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, problems: [{ file, ...(line ? { line } : {}), field: "", message: `YAML syntax: ${message}` }] };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb ("billion laughs") stops at maxAliasCount; it and any other failure to build the value name the file.
    const excessive = error instanceof ReferenceError && /alias count/i.test(error.message);
    const message = excessive ? "uses aliases (*name) too many times: write the values out instead" : (error as Error).message.split("\n")[0];
    return { ok: false, problems: [{ file, field: "", message: `YAML: ${message}` }] };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  return {
    ok: true,
    source: {
      file,
      value,
      lineOf: (path) => lineOfPath(document, path, lineAt),
    },
    lines: lineTableOf(document, lineAt),
  };
}

/** Walks the document once and records the line of every map key and list item, as lineOfPath would find them. */
function lineTableOf(document: Document, lineAt: (offset: number) => number): LineTable {
  const lines: LineTable = {};
  const root = document.contents;
  const rootLine = root && typeof root === "object" && "range" in root ? rangeStart(root as Node, lineAt) : undefined;
  if (rootLine === undefined) return lines;
  const visit = (node: unknown, path: PathKey[], line: number) => {
    lines[lineKey(path)] = line;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!(pair.key && typeof pair.key === "object" && "value" in pair.key)) continue;
        const key = String(pair.key.value);
        // A repeated key is a syntax error (uniqueKeys), so the first pair is the one lineOfPath would find.
        if (lines[lineKey([...path, key])] !== undefined) continue;
        const keyLine = "range" in pair.key ? (rangeStart(pair.key as Node, lineAt) ?? line) : line;
        visit(pair.value, [...path, key], keyLine);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (!item) return;
        const itemLine = typeof item === "object" && "range" in item ? (rangeStart(item as Node, lineAt) ?? line) : line;
        visit(item, [...path, index], itemLine);
      });
    }
  };
  visit(root, [], rootLine);
  return lines;
}

function lineOfPath(document: Document, path: readonly PathKey[], lineAt: (offset: number) => number): number | undefined {
  // Walk down as far as the path exists; a missing field is reported at its parent's line.
  let node: unknown = document.contents;
  let line = node && typeof node === "object" && "range" in node ? rangeStart(node as Node, lineAt) : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => item.key && typeof item.key === "object" && "value" in item.key && String(item.key.value) === String(key));
      if (!pair) break;
      line = pair.key && typeof pair.key === "object" && "range" in pair.key ? rangeStart(pair.key as Node, lineAt) : line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key];
      if (!item) break;
      line = typeof item === "object" && item && "range" in item ? rangeStart(item as Node, lineAt) : line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function rangeStart(node: Node, lineAt: (offset: number) => number): number | undefined {
  return node.range ? lineAt(node.range[0]) : undefined;
}

/** The outcome of validating one value: the typed data, or every problem with its line. */
export type Validation<T> = { ok: true; data: T } | { ok: false; problems: ContentProblem[] };

/** Validates `value` (found at `basePath` inside `source`) and maps each schema issue to a file, line and field. */
export function validate<S extends ZodType>(schema: S, source: YamlSource, value: unknown, basePath: readonly PathKey[] = []): Validation<output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const path = [...basePath, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
      if (issue.code === "unrecognized_keys") {
        // One problem per unknown key, on the key's own line.
        return issue.keys.map((key) => ({
          file: source.file,
          line: source.lineOf([...path, key]),
          field: fieldName([...path, key]),
          message: "unknown field (check its spelling against the schema)",
        }));
      }
      return [{ file: source.file, line: source.lineOf(path), field: fieldName(path), message: describeIssue(issue, valueAt(value, issue.path)) }];
    }),
  };
}

/** An issue in an editor's words; a value outside a fixed list (any z.enum) names the nearest allowed value. */
function describeIssue(issue: ZodIssue, written: unknown): string {
  if (issue.message.endsWith("received undefined")) return "is required";
  if (issue.code === "invalid_value" && issue.values.length > 1 && issue.message.startsWith("Invalid option")) {
    // zod's own wording lists the values but not what was written, and cannot guess a misspelling.
    const allowed = issue.values.map((allowedValue) => JSON.stringify(allowedValue)).join(", ");
    const options = issue.values.filter((allowedValue): allowedValue is string => typeof allowedValue === "string");
    if (typeof written !== "string") return `must be one of ${allowed}`;
    return `"${written}" is not one of ${allowed}${didYouMean(written, options)}`;
  }
  return issue.message.replace(/^Invalid input: /, "");
}

/** The value at a schema issue's path inside the validated value, as the editor wrote it. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null || typeof key === "symbol") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
