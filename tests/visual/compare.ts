import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import sharp from "sharp";
import { REPO_ROOT } from "../support/project-copy.ts";

/** The committed pictures the suite compares with; `npm run screenshots -- --update` writes them. */
export const BASELINE_FOLDER = path.join(REPO_ROOT, "tests/visual/baselines");
/**
 * The SHA-256 of the PNG Chromium wrote for each baseline (fastScreenshot's encoding), before its colours were
 * reduced: Chromium writes the same pixels as the same bytes, so on a machine that renders as the one that wrote the baselines, a matching hash
 * settles a picture without decoding it. Any other picture is decoded and compared pixel by pixel.
 */
export const CHROMIUM_HASHES_FILE = path.join(BASELINE_FOLDER, "chromium-hashes.json");
/** Where a failing comparison leaves the new picture and its diff, outside tests/ (and ignored by git). */
export const DIFF_FOLDER = path.join(REPO_ROOT, "visual-diffs");
/** pixelmatch's per-pixel colour threshold (0 to 1): antialiasing and the baselines' 256-colour palette stay under it. */
const PIXEL_THRESHOLD = 0.1;
/** The share of pixels that may differ before a picture counts as changed: a moved margin changes far more. */
const MAX_CHANGED_SHARE = 0.0005;

/**
 * A baseline as committed: reduced to a 256-colour palette without dithering, which keeps a page's flat colours
 * and text exact enough for the comparison's threshold at about a third of the size of Chromium's own PNG.
 */
export function baselinePng(png: Buffer): Promise<Buffer> {
  return sharp(png).png({ palette: true, colours: 256, dither: 0, quality: 100, compressionLevel: 9 }).toBuffer();
}

/** The SHA-256 of a picture's bytes, in hex. */
export const pngHash = (png: Buffer): string => createHash("sha256").update(png).digest("hex");

let knownHashes: Record<string, string> | undefined;
const chromiumHashes = () => (knownHashes ??= existsSync(CHROMIUM_HASHES_FILE) ? (JSON.parse(readFileSync(CHROMIUM_HASHES_FILE, "utf8")) as Record<string, string>) : {});

/** Whether a picture is byte for byte what Chromium wrote for its baseline: the common case, settled without decoding. */
export const matchesBaselineHash = (name: string, png: Buffer): boolean => chromiumHashes()[name] === pngHash(png);

/** RGBA pixels of a PNG; sharp decodes on libvips' threads, so pictures decode while the browser works. */
async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** What comparing a picture with its baseline found: undefined when they match, or why they differ. */
export async function compareWithBaseline(name: string, png: Buffer): Promise<string | undefined> {
  const baselineFile = path.join(BASELINE_FOLDER, name);
  if (!existsSync(baselineFile)) return keep(name, png, undefined, "has no baseline");
  if (matchesBaselineHash(name, png)) return undefined;
  const [expected, actual] = await Promise.all([pixels(readFileSync(baselineFile)), pixels(png)]);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return keep(name, png, undefined, `is ${actual.width}x${actual.height} px, the baseline ${expected.width}x${expected.height} px`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  if (changed <= MAX_CHANGED_SHARE * actual.width * actual.height) return undefined;
  return keep(name, png, PNG.sync.write(diff), `differs in ${changed} pixels`);
}

/** Writes the new picture (and the diff, changed pixels in red) to the diff folder and says what differs. */
function keep(name: string, png: Buffer, diff: Buffer | undefined, problem: string): string {
  mkdirSync(DIFF_FOLDER, { recursive: true });
  writeFileSync(path.join(DIFF_FOLDER, name), png);
  if (diff) writeFileSync(path.join(DIFF_FOLDER, name.replace(/\.png$/, ".diff.png")), diff);
  return `${name} ${problem}`;
}
