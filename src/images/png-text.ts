/** The PNG signature: every PNG file starts with these eight bytes. */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Text chunks (and EXIF) carry whatever the source's author wrote, markup included; nothing on the page needs them.
const TEXT_CHUNKS = new Set(["tEXt", "zTXt", "iTXt", "eXIf"]);

/**
 * A PNG without its text and EXIF chunks. sharp 0.33 copies a source PNG's text chunks into every PNG it writes,
 * even with metadata off, so a comment holding HTML or script would be published in each resized copy.
 * Bytes that are not a well-formed PNG are returned unchanged (the caller only passes files sharp just wrote).
 */
export function withoutPngText(bytes: Buffer): Buffer {
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return bytes;
  const kept: Buffer[] = [bytes.subarray(0, SIGNATURE.length)];
  for (let at = SIGNATURE.length; at < bytes.length; ) {
    if (at + 12 > bytes.length) return bytes;
    const length = bytes.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > bytes.length) return bytes;
    const type = bytes.toString("latin1", at + 4, at + 8);
    if (!TEXT_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}
