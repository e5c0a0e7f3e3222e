import { isSeq, LineCounter } from "yaml";
import { lineKey, lineTableOf, readYamlDocument, sourceFromLines, type LineTable, type YamlParse } from "./yaml-source.ts";

/** One top-level entry of a list file, as its text (a verbatim slice of the file) and the line it starts on. */
interface ListPiece {
  text: string;
  firstLine: number;
}

/** What one piece parses to: its entry's value and the lines of its fields, counted from the piece's first line. */
interface ParsedPiece {
  value: unknown;
  lines: LineTable;
}

/** A line that starts a top-level entry: a dash at the margin, then a space or the line's end. */
const ENTRY_START = /^-(?: |\r?$)/;
/**
 * What a piece parsed alone could read otherwise than within the whole file: directives and document markers
 * (which apply to the whole text), and anchors and aliases (an alias may point into another entry, and the
 * file's limit on aliases counts them all). A file holding any of them is parsed whole.
 */
const WHOLE_FILE_ONLY = /^(?:%|---|\.\.\.)|(?:^|[\s[{,])[&*][^\s,[\]{}]/m;

/**
 * Each list file's pieces as last parsed, by path: in `npm start`, a save of one class of a schedule of
 * hundreds parses that class's text again, not the whole file. Replaced at each parse of the file, so it holds
 * one version of each list file.
 */
const lastPieces = new Map<string, Map<string, ParsedPiece>>();

/**
 * A list file (`- ` entries at the margin, such as _data/schedule.yaml) parsed entry by entry, each entry's text
 * that is the same as at the last parse of `file` taken from then; the same value and lines as parseYaml() gives
 * for the whole text. Undefined when the text cannot be cut that way with certainty, or any piece does not read as
 * exactly one entry: the caller then parses the whole file, and so reports its syntax errors as it always did.
 */
export function parseListInPieces(file: string, text: string): Extract<YamlParse, { ok: true }> | undefined {
  if (WHOLE_FILE_ONLY.test(text)) return undefined;
  const pieces = piecesOf(text);
  if (!pieces) return undefined;
  const before = lastPieces.get(file) ?? new Map<string, ParsedPiece>();
  const now = new Map<string, ParsedPiece>();
  const value: unknown[] = [];
  const lines: LineTable = {};
  for (const [index, piece] of pieces.entries()) {
    const parsed = now.get(piece.text) ?? before.get(piece.text) ?? parsePiece(piece.text);
    if (!parsed) return undefined;
    now.set(piece.text, parsed);
    value.push(parsed.value);
    const offset = piece.firstLine - 1;
    for (const [key, line] of Object.entries(parsed.lines)) {
      // The piece's own root is its entry's line; the file's root is the first entry's.
      if (key === "") {
        if (index === 0) lines[""] = line + offset;
        continue;
      }
      const [, ...rest] = key.split("\u0000");
      lines[lineKey([index, ...rest])] = line + offset;
    }
  }
  lastPieces.set(file, now);
  return { ok: true, source: { ...sourceFromLines(file, lines), value }, lines };
}

/** Forgets every list file's pieces, as a new process starts without them (forgetContentCacheMemory). */
export function forgetListPieces(): void {
  lastPieces.clear();
}

/** Whether this process holds `file`'s pieces from a parse, for its next parse to take the unchanged ones from. */
export function listPiecesHeld(file: string): boolean {
  return lastPieces.has(file);
}

/** The text cut before each entry; what precedes the first entry (comments and blank lines only) goes with it. */
function piecesOf(text: string): ListPiece[] | undefined {
  const starts: { offset: number; line: number }[] = [];
  let offset = 0;
  let line = 1;
  while (offset <= text.length) {
    const end = text.indexOf("\n", offset);
    const row = text.slice(offset, end === -1 ? text.length : end);
    if (ENTRY_START.test(row)) starts.push({ offset, line });
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  if (starts.length === 0) return undefined;
  // Only comments may come before the first entry: a tag or anything else there (`!!omap`) concerns the whole list.
  if (!/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*$/.test(text.slice(0, starts[0]!.offset))) return undefined;
  starts[0] = { offset: 0, line: 1 };
  return starts.map((start, index) => ({ text: text.slice(start.offset, starts[index + 1]?.offset ?? text.length), firstLine: start.line }));
}

/** One piece parsed as the whole file would be: undefined unless it is free of errors and holds exactly one entry. */
function parsePiece(text: string): ParsedPiece | undefined {
  const lineCounter = new LineCounter();
  const document = readYamlDocument(text, lineCounter);
  if (document.errors.length > 0 || !isSeq(document.contents) || document.contents.items.length !== 1) return undefined;
  let value: unknown[];
  try {
    value = document.toJS({ maxAliasCount: 100 }) as unknown[];
  } catch {
    return undefined;
  }
  return { value: value[0], lines: lineTableOf(document, (offset) => lineCounter.linePos(offset).line) };
}
