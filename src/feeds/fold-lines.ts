/** The most octets ical-generator lets a line, or a folded line's continuation after its leading space, carry. */
const LINE_OCTETS = 74;

/** UTF-8 octets of one UTF-16 code unit on its own; a lone surrogate is written as U+FFFD, three octets. */
function unitOctets(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

/** Folds one line (no CRLF inside) as ical-generator's foldLines does. */
function foldLine(line: string): string {
  // ical-generator counts at most three octets per UTF-16 unit (a pair is four for two): a short line stays whole.
  if (line.length * 3 <= LINE_OCTETS) return line;
  let folded = "";
  let from = 0;
  let octets = 0;
  for (let at = 0; at < line.length; ) {
    const code = line.charCodeAt(at);
    let size = unitOctets(code);
    let units = 1;
    // A high surrogate is taken with the unit after it, whatever that is, as ical-generator does: four octets for
    // a pair; otherwise U+FFFD for the surrogate plus the next unit's own octets (none at the end of the line).
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < line.length) {
      const next = line.charCodeAt(at + 1);
      size = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + unitOctets(next);
      units = 2;
    }
    octets += size;
    if (octets > LINE_OCTETS) {
      folded += `${line.slice(from, at)}\r\n `;
      from = at;
      octets = size;
    }
    at += units;
  }
  return from === 0 ? line : folded + line.slice(from);
}

/**
 * RFC 5545 line folding, byte for byte as ical-generator's `foldLines` writes it (a line's first part at most 74
 * octets, each continuation a space and at most 74 more, never inside a character). Its own version encodes
 * every character with a new TextEncoder, which was most of the calendars' share of a build; this one measures
 * the octets from the UTF-16 units and copies the text in slices.
 */
export function foldLines(input: string): string {
  return input.split("\r\n").map(foldLine).join("\r\n");
}
