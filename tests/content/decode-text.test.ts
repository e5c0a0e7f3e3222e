import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/content/decode-text.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

describe("decodeText", () => {
  it("reads UTF-8, accents and all", () => {
    expect(decodeText(utf8("title: Über Café\n"))).toEqual({ ok: true, text: "title: Über Café\n" });
  });

  it("drops a byte-order mark", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("title: Java\n")]))).toEqual({ ok: true, text: "title: Java\n" });
  });

  it("turns Windows line ends into \\n, keeping the number of lines", () => {
    expect(decodeText(utf8("---\r\ntitle: Java\r\n---\r\n\r\nBody\r\n"))).toEqual({ ok: true, text: "---\ntitle: Java\n---\n\nBody\n" });
  });

  it("refuses Latin-1 bytes, naming the line of the first one", () => {
    expect(decodeText(latin1("title: Java\nsummary: Für Entwickler\nlevel: advanced\n"))).toEqual({
      ok: false,
      line: 2,
      message: "is not UTF-8 text: save the file as UTF-8 (the first character that is not is on this line)",
    });
  });

  it("refuses a UTF-8 sequence cut short at the end of the file", () => {
    expect(decodeText(new Uint8Array([...utf8("title: Caf"), 0xc3])).ok).toBe(false);
  });
});
