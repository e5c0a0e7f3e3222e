import { statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import type { ISizeCalculationResult } from "image-size/dist/types/interface.js";
import { MAX_IMAGE_AREA, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "./image-options.ts";

/** Kinds of image the site publishes: raster formats are resized, SVG is published cleaned. */
const RASTER_TYPES = new Set(["jpg", "png", "webp", "gif", "avif", "heif", "tiff"]);

/** The file name endings each detected type may have: a name that says another kind would be served as that kind. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  jpg: [".jpg", ".jpeg"],
  png: [".png"],
  webp: [".webp"],
  gif: [".gif"],
  avif: [".avif"],
  heif: [".heif", ".heic"],
  tiff: [".tif", ".tiff"],
  svg: [".svg"],
};

/** What a readable image file holds. */
export interface ImageFacts {
  width: number;
  height: number;
  /** `svg`, or a raster type such as `jpg`, `png`. */
  type: string;
}

/**
 * Reads an image's size and type without decoding it (image-size reads a few header bytes), so `npm run check`
 * can refuse a missing, unreadable or oversized image in milliseconds. Returns a message for the editor when it cannot be published.
 */
export function inspectImage(file: string): ImageFacts | { problem: string } {
  let bytes: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { problem: "is a folder, not an image file" };
    bytes = stats.size;
  } catch {
    return { problem: "does not exist" };
  }
  if (bytes > MAX_IMAGE_BYTES) return { problem: `is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB: export it smaller (2400 pixels wide is plenty)` };
  let facts: ISizeCalculationResult;
  try {
    facts = imageSize(file);
  } catch {
    return { problem: "cannot be read as an image: save it as JPEG, PNG, WebP, AVIF, GIF or SVG" };
  }
  const { width, height, type } = facts;
  if (!width || !height || !type) return { problem: "has no width and height that can be read: save it again as JPEG, PNG or SVG (an SVG needs width and height or a viewBox)" };
  if (type !== "svg" && !RASTER_TYPES.has(type)) return { problem: `is a ${type.toUpperCase()} file: save it as JPEG, PNG, WebP, AVIF, GIF or SVG` };
  if (type !== "svg" && Math.max(width, height) > MAX_IMAGE_PIXELS) return { problem: `is ${width}x${height} pixels; the limit is ${MAX_IMAGE_PIXELS} on either side: resize it (2400 pixels wide is plenty)` };
  if (type !== "svg" && width * height > MAX_IMAGE_AREA) return { problem: `is ${width}x${height} pixels, more than ${MAX_IMAGE_AREA / 1_000_000} million: resize it (2400 pixels wide is plenty)` };
  // An SVG (or any other kind) named .png would be published under a name that lies about what it is.
  const extension = path.extname(file).toLowerCase();
  if (!EXTENSIONS[type]!.includes(extension)) return { problem: `is in ${type.toUpperCase()} format but its name ends ${extension || "with no ending"}: save it with the ending ${EXTENSIONS[type]![0]}` };
  return { width, height, type };
}
