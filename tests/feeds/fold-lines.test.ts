import { foldLines as icalFoldLines } from "ical-generator";
import { describe, expect, it } from "vitest";
import { foldLines } from "../../src/feeds/fold-lines.ts";

// The site's calendars must stay byte for byte what ical-generator wrote when it folded them itself: each case is
// checked against its own foldLines, and the multi-byte ones also against the octets RFC 5545 allows.

const octets = (text: string) => Buffer.byteLength(text, "utf8");

/** A line of `before` ASCII letters, then `character` repeated, long enough to fold a few times. */
const around = (before: number, character: string) => `${"x".repeat(before)}${character.repeat(60)}`;

const MULTI_BYTE = ["\u00e9", "\u2013", "\u{1f600}"]; // two, three and four octets in UTF-8

describe("foldLines", () => {
  it("folds as ical-generator does every line length around the limit, in ASCII", () => {
    for (let length = 0; length <= 230; length++) {
      const line = "a".repeat(length);
      expect(foldLines(line)).toBe(icalFoldLines(line));
    }
  });

  it("folds as ical-generator does when a character of two, three or four octets lies across the limit", () => {
    for (const character of MULTI_BYTE) {
      for (let before = 68; before <= 76; before++) {
        const line = around(before, character);
        const folded = foldLines(line);
        expect(folded).toBe(icalFoldLines(line));
        expect(folded).not.toBe(line);
        // Every part at most 75 octets with its leading space, and no character split: the parts join back.
        const parts = folded.split("\r\n");
        for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
      }
    }
  });

  it("folds as ical-generator does several lines, empty ones and lone CR or LF inside a line", () => {
    const text = [around(70, "\u2013"), "", "SUMMARY:short", `DESCRIPTION:${"one\ntwo\r".repeat(20)}`, around(3, "\u00e9"), ""].join("\r\n");
    expect(foldLines(text)).toBe(icalFoldLines(text));
  });

  it("counts lone and mismatched surrogates as ical-generator does", () => {
    const cases = ["\ud800", "\udc00", "\ud800a", "\ud800\ud800\udc00", "\udc00\ud800"];
    for (const odd of cases) {
      for (let before = 66; before <= 75; before++) {
        const line = `${"y".repeat(before)}${odd}${"z".repeat(80)}${odd}`;
        expect(foldLines(line)).toBe(icalFoldLines(line));
      }
    }
  });
});
