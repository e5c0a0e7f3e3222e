import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../../src/images/sanitize-svg.ts";
import { cachedSvgCheck, svgCheckKey } from "../../src/images/svg-check-cache.ts";
import { writeManifest } from "../../src/images/output-cache.ts";

const DRAWING = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#036"/></svg>';
const ACTIVE = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
const folder = () => mkdtempSync(path.join(os.tmpdir(), "hsg-svg-check-"));
const onlyEntry = (cache: string) => path.join(cache, readdirSync(cache).find((name) => name.endsWith(".json"))!);

describe("SVG verdicts kept between builds", () => {
  it("gives the check's own verdict, cleaned or refused, before and after it is stored", async () => {
    const cache = folder();
    for (const text of [DRAWING, ACTIVE]) {
      expect(await cachedSvgCheck(text, cache)).toEqual(checkSvg(text));
      expect(await cachedSvgCheck(text, cache)).toEqual(checkSvg(text));
    }
    expect("problem" in (await cachedSvgCheck(ACTIVE, cache))).toBe(true);
  });

  it("answers the same bytes from the stored verdict, without checking them again", async () => {
    const cache = folder();
    await cachedSvgCheck(DRAWING, cache);
    // Stored under the same key, another answer can only come back if the cache is what answers.
    await writeManifest(onlyEntry(cache), svgCheckKey(DRAWING), { svg: "<svg>from the cache</svg>\n" });
    expect(await cachedSvgCheck(DRAWING, cache)).toEqual({ svg: "<svg>from the cache</svg>\n" });
  });

  it("checks other bytes afresh: a script added to a stored drawing is refused", async () => {
    const cache = folder();
    await cachedSvgCheck(DRAWING, cache);
    const changed = DRAWING.replace("</svg>", "<script>alert(1)</script></svg>");
    expect(await cachedSvgCheck(changed, cache)).toHaveProperty("problem");
  });

  it("checks again when the stored verdict is damaged, and never publishes what the damage says", async () => {
    const cache = folder();
    await cachedSvgCheck(ACTIVE, cache);
    const file = onlyEntry(cache);
    // A payload edited by hand without its seal: the refusal must not turn into a picture.
    writeFileSync(file, readFileSync(file, "utf8").replace(/"problem":"[^"]*"/, '"svg":"<svg/>"'));
    expect(await cachedSvgCheck(ACTIVE, cache)).toEqual(checkSvg(ACTIVE));
  });
});
