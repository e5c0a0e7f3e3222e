import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node, type ScalarTag, type YAMLError } from "yaml";
import type { ZodType, core, output } from "zod";
import { fieldName, type ContentProblem } from "./problems.ts";
import { describeIssue, intendedField, unknownFieldMessage } from "./issue-messages.ts";

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

/**
 * The last key of a path that asks for the line a text value's first line of text is on, rather than its key's: the
 * line below a block scalar's `|` or `>` (and below any blank lines it opens with), or where a plain or quoted value
 * starts. `lineOf([...path, TEXT_START])` answers it; a path that holds no text answers its own line.
 */
export const TEXT_START = "\u0000text";

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
 * An unquoted date-time without seconds ("2027-02-08T09:00"), which YAML's own timestamp leaves as text: it is
 * read as a Date too, so the schema refuses it like an unquoted date instead of accepting what the docs forbid.
 */
const unquotedDateTime: ScalarTag = {
  tag: "tag:yaml.org,2002:timestamp",
  default: true,
  test: /^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d(?:[ \t]*(?:Z|[-+]\d\d?(?::?\d\d)?))?$/,
  resolve: (text) => new Date(text.trim().replace(/[ \t]+/, "T")),
};

/**
 * Parses YAML 1.2 (so `no` stays a string) with the timestamp tag on, so an unquoted date or date-time arrives
 * as a Date and the schema can refuse it. Lines are the text's own; front matter keeps the file's lines because
 * the text handed in starts right after the opening `---`, newline included.
 */
export function parseYaml(file: string, text: string): YamlParse {
  const lineCounter = new LineCounter();
  const document = readYamlDocument(text, lineCounter);
  const [error] = document.errors;
  // Only the first: after a syntax error the parser's later complaints are mostly echoes of it.
  if (error) return { ok: false, problems: [syntaxProblem(file, text, error)] };
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
  const lines = lineTableOf(document, lineAt);
  const texts = sourceFromLines(file, lines);
  return {
    ok: true,
    source: {
      file,
      value,
      lineOf: (path) => (path.at(-1) === TEXT_START ? texts.lineOf(path) : lineOfPath(document, path, lineAt)),
    },
    lines,
  };
}

/** The YAML document of a text as the loader reads it (YAML 1.2, unquoted dates as dates), for tools that edit the text. */
export function readYamlDocument(text: string, lineCounter?: LineCounter): Document {
  return parseDocument(text, { ...(lineCounter ? { lineCounter } : {}), customTags: ["timestamp", unquotedDateTime], uniqueKeys: true, prettyErrors: true });
}

/** The first line whose indentation holds a tab, 1-based, or undefined. */
export function firstTabIndentedLine(text: string): number | undefined {
  const index = text.split("\n").findIndex((line) => /^[ ]*\t/.test(line));
  return index === -1 ? undefined : index + 1;
}

/** A YAML syntax error as the fix an editor makes, at its line: the parser's words name its own internals. */
function syntaxProblem(file: string, text: string, error: YAMLError): ContentProblem {
  let line = error.linePos?.[0].line;
  // A tab in the indentation makes the parser complain about what follows it on that line; the tab is the mistake.
  // A tab elsewhere (inside a block of text, where it is allowed) says nothing about an error on another line.
  const rows = text.split("\n");
  const tabbed = (row: number | undefined) => row !== undefined && /^[ ]*\t/.test(rows[row - 1] ?? "");
  const tabLine = error.code === "TAB_AS_INDENT" ? (line ?? firstTabIndentedLine(text)) : tabbed(line) ? line : undefined;
  if (tabLine !== undefined) return { file, line: tabLine, field: "", message: `line ${tabLine} starts with a tab: indent with spaces` };
  // The parser notices a missing closing quote where the text runs out; the editor needs the line that opened it.
  if (error.code === "MISSING_CHAR" && /quote/i.test(error.message) && line !== undefined) line = openedQuoteLine(text, line) ?? line;
  // An unclosed [ or { is noticed on the next line, as bad indentation: the mistake is the line that opened it.
  const bracket = /^Flow (sequence|map) .* end with a ([\]}])/.exec(error.message);
  if (bracket && line !== undefined) {
    const [open, close] = bracket[2] === "]" ? ["[", "]"] : ["{", "}"];
    const lines = text.split("\n").slice(0, line);
    let where = line;
    for (let index = lines.length - 1; index >= 0; index--) {
      if (lines[index]!.split(open).length > lines[index]!.split(close).length) {
        where = index + 1;
        break;
      }
    }
    return { file, line: where, field: "", message: `a ${open} opened on this line is never closed: add the closing ${close}, or put a value that starts with ${open} in double quotes` };
  }
  if (error.code === "DUPLICATE_KEY") return { file, ...(line ? { line } : {}), field: "", message: duplicateKeyMessage(text, error.pos[0]) };
  return { file, ...(line ? { line } : {}), field: "", message: syntaxMessage(error) };
}

/** "title is written twice at the same level (first on line 2): keep one", for the key that starts at `offset`. */
function duplicateKeyMessage(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+?)[ \t]*:/.exec(text.slice(offset))?.[1];
  if (!key) return "this field is written twice at the same level: keep one";
  // The first one: an earlier line at the same indentation that starts with the same key.
  const earlier = text.slice(0, lineStart).split("\n").findIndex((line) => line.startsWith(`${indent}${key}:`) || line.startsWith(`${indent}${key} :`));
  return `${key} is written twice at the same level${earlier === -1 ? "" : ` (first on line ${earlier + 1})`}: keep one`;
}

/** The last line at or before `before` whose value opens a quote that the line does not close. */
function openedQuoteLine(text: string, before: number): number | undefined {
  const lines = text.split("\n").slice(0, before);
  for (let index = lines.length - 1; index >= 0; index--) {
    const value = /^\s*(?:- )?(?:[^\s:"'][^:]*:\s+)?(["'])(.*)$/.exec(lines[index]!);
    if (value && !value[2]!.includes(value[1]!)) return index + 1;
  }
  return undefined;
}

function syntaxMessage(error: YAMLError): string {
  switch (error.code) {
    case "RESOURCE_EXHAUSTION":
      return "lists or fields are nested too deeply here to be read: write them out without so many levels";
    case "BAD_DQ_ESCAPE":
      return "a backslash inside double quotes starts an escape: write \\\\ for one backslash, or use single quotes";
    case "BAD_SCALAR_START":
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
    case "MULTIPLE_ANCHORS":
      return "a value starting with @, `, %, * or & must be in double quotes";
    case "MULTIPLE_DOCS":
      return "a second --- line is here: remove it (a file holds one set of fields)";
    case "KEY_OVER_1024_CHARS":
      return "this line is not a field: a long line of text needs a field name before it, or a \"- \" in a list";
    case "MISSING_CHAR":
      if (/quote/i.test(error.message)) return "a quote is opened here but never closed: add the closing quote";
      if (/flow/i.test(error.message)) return "a list in [ ] or fields in { } are not closed, or miss a comma between items";
      break;
    case "BAD_INDENT":
      return "this line is indented differently from the lines around it: line up fields of the same level with the same number of spaces";
  }
  return 'this line cannot be read: check that it is written "name: value", that it lines up with the fields above, and that a value holding ": " or starting with a quote, [ or { is in double quotes';
}

/** Walks the document once and records the line of every map key and list item, as lineOfPath would find them. */
export function lineTableOf(document: Document, lineAt: (offset: number) => number): LineTable {
  const lines: LineTable = {};
  const root = document.contents;
  const rootLine = root && typeof root === "object" && "range" in root ? rangeStart(root as Node, lineAt) : undefined;
  if (rootLine === undefined) return lines;
  const visit = (node: unknown, path: PathKey[], line: number) => {
    lines[lineKey(path)] = line;
    if (isScalar(node) && typeof node.value === "string" && node.range) {
      const start = lineAt(node.range[0]);
      const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
      lines[lineKey([...path, TEXT_START])] = block ? start + 1 + (/^\n*/.exec(node.value)![0].length) : start;
    }
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
  const issuePath = (issue: ZodIssue) => issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  // A misspelt field (seat for seats) is one mistake: "did you mean seats?" says it all, so the then missing
  // seats is not reported again as required.
  const misspelt = new Set(
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys" ? issue.keys.flatMap((key) => intendedField(key, schema, issuePath(issue)) ?? []).map((field) => lineKey([...issuePath(issue), field])) : [],
    ),
  );
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const inValue = issuePath(issue);
      const path = [...basePath, ...inValue];
      if (issue.code === "unrecognized_keys") {
        // One problem per unknown key, on the key's own line.
        return issue.keys.map((key) => ({
          file: source.file,
          line: source.lineOf([...path, key]),
          field: fieldName([...path, key]),
          message: unknownFieldMessage(key, schema, inValue),
        }));
      }
      const written = valueAt(value, issue.path);
      if (written === undefined && misspelt.has(lineKey(inValue))) return [];
      return [{ file: source.file, line: source.lineOf(path), field: fieldName(path), message: describeIssue(issue, written, schema, inValue) }];
    }),
  };
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
