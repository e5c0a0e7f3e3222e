import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion, readManifest, sha256, writeManifest } from "./output-cache.ts";
import { checkSvg, type SvgCheck } from "./sanitize-svg.ts";

/** The checker whose verdicts are kept: a change to it is a change of key. */
const CHECKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "sanitize-svg.ts");

/** The cache key of an SVG's check: its text and everything that shapes the verdict. */
export function svgCheckKey(text: string): string {
  return sha256(`${codeVersion(CHECKER, ["jsdom", "dompurify"])}\0${text}`);
}

/**
 * checkSvg's verdict on `text`, kept in `cacheFolder` under the key of the text and the checker. The check
 * loads jsdom and DOMPurify (about a CPU-second) and ran on every build for every SVG picture, though the
 * same bytes always get the same verdict. The entry is sealed and names its key, so a damaged or foreign one is
 * a miss and the SVG is checked again: a cache can cost a check, never publish an unchecked picture.
 */
export async function cachedSvgCheck(text: string, cacheFolder: string): Promise<SvgCheck> {
  const key = svgCheckKey(text);
  const file = path.join(cacheFolder, `${key.slice(0, 32)}.json`);
  const stored = (await readManifest(file, key)) as SvgCheck | undefined;
  if (stored && (typeof (stored as { svg?: unknown }).svg === "string" || typeof (stored as { problem?: unknown }).problem === "string")) return stored;
  const checked = checkSvg(text);
  await writeManifest(file, key, checked);
  return checked;
}
