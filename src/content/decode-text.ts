/** A content file's text, or why it cannot be read as text. */
export type DecodedText = { ok: true; text: string } | { ok: false; line: number; message: string };

/**
 * Decodes a content file's bytes as UTF-8, the one encoding the site reads, the way editors' tools save it:
 * a byte-order mark is dropped and Windows line ends (CRLF) become "\n", so line numbers stay the file's own.
 * Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252) are refused rather than shown as "�".
 */
export function decodeText(bytes: Uint8Array | string): DecodedText {
  // Text already decoded (tests, callers that read it themselves) gets the same BOM and line-end treatment.
  if (typeof bytes === "string") return { ok: true, text: bytes.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n") };
  try {
    // fatal: throw on the first invalid byte; the BOM is skipped by default (ignoreBOM: false).
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/\r\n/g, "\n") };
  } catch {
    // Decoded again leniently only to find where the first bad byte is, for the editor.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
    const line = before.split("\n").length;
    return { ok: false, line, message: "is not UTF-8 text: save the file as UTF-8 (the first character that is not is on this line)" };
  }
}
