/** A content file's text, or why it cannot be read as text. */
export type DecodedText = { ok: true; text: string } | { ok: false; line: number; message: string };

/**
 * Decodes a content file's bytes as UTF-8, the one encoding the site reads, the way editors' tools save it:
 * a byte-order mark is dropped and Windows line ends (CRLF) become "\n", so line numbers stay the file's own.
 * Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252) are refused rather than shown as "�".
 */
export function decodeText(bytes: Uint8Array | string): DecodedText {
  // Text already decoded (tests, callers that read it themselves) gets the same BOM and line-end treatment.
  if (typeof bytes === "string") return withoutControls(bytes.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"));
  try {
    // fatal: throw on the first invalid byte; the BOM is skipped by default (ignoreBOM: false).
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return withoutControls(text.replace(/\r\n/g, "\n"));
  } catch {
    // Decoded again leniently only to find where the first bad byte is, for the editor.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
    const line = before.split("\n").length;
    return { ok: false, line, message: "is not UTF-8 text: save the file as UTF-8 (the first character that is not is on this line)" };
  }
}

/** Control characters no editor types: a NUL byte means binary data, and an escape sequence could rewrite what a terminal shows. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The text, or a refusal at the line of its first control character (tab, line ends and carriage return are text). */
function withoutControls(text: string): DecodedText {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return { ok: true, text };
  const line = text.slice(0, found.index).split("\n").length;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return { ok: false, line, message: `holds a control character (${code}) on this line: save the file as plain text (a NUL byte means it is binary or UTF-16)` };
}
