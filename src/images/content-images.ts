import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type ImageFunction from "@11ty/eleventy-img";
import { containedPathSync } from "../content/contained-file.ts";
import type { ContentProblem } from "../content/problems.ts";
import { html, type SafeHtml } from "../html/escape-html.ts";
import type { ImageRenderer } from "../markdown/markdown-state.ts";
import { IMAGE_SIZES, SHARED_IMAGES_FOLDER, SHARED_IMAGES_PREFIX, imageOptions, imageWidths, type FallbackFormat } from "./image-options.ts";
import { decodeProblem } from "./decode-image.ts";
import { inspectImage, type ImageFacts } from "./inspect-image.ts";
import { checkSvg } from "./sanitize-svg.ts";
import { IMAGE_URL_PATH } from "../urls/site-urls.ts";

/** One image the build must publish: resized into AVIF, WebP and the fallback, or (SVG) cleaned and copied. */
export type ImageJob =
  | { kind: "responsive"; /** Relative to the project root. */ source: string; fallback: FallbackFormat; widths: number[] }
  | { kind: "copy"; source: string; url: string };

/** Where a body's images are looked up, and where problems and jobs go. */
export interface ImageScope {
  /** The project root (absolute). */
  root: string;
  /** The content file, for problems (relative to the root). */
  file: string;
  /** The folder relative paths resolve in (relative to the root): an article's own folder, or the shared images folder. */
  folder: string;
  problems: ContentProblem[];
  jobs: ImageJob[];
  /** Told of every image file looked at (relative to the root), so a cache can tell when a body must be rendered again. */
  onRead?: (file: string) => void;
}

/** An image ready for markup: its sources and the fallback for feeds and sharing. */
export interface PreparedImage {
  /** AVIF and WebP `srcset`s, smallest first; none for SVG. */
  sources: { type: string; srcset: string }[];
  /** The fallback: JPEG, PNG or the SVG itself. */
  src: string;
  srcset?: string;
  width: number;
  height: number;
}

/** How an image is placed on a page. */
export interface PictureOptions {
  alt: string;
  /** `sizes` for the slot it fills. */
  sizes: string;
  /** A lead image is the first thing seen: loaded eagerly, with high priority, and decoded in step with the page. */
  lead?: boolean;
}

/** A body image renderer for markdown: resolves, checks and publishes each image in `scope`. */
export function imageRenderer(scope: ImageScope, field = "body"): ImageRenderer {
  return (image, decorative) => {
    const prepared = prepareImage(scope, image.src, image.line, field);
    return prepared ? pictureHtml(prepared, { alt: decorative ? "" : image.alt, sizes: IMAGE_SIZES.column }).value : undefined;
  };
}

/**
 * Resolves an image reference written in `scope`, checks the file and registers its publication. Reports a
 * problem at `line` and returns undefined when the image cannot be published.
 */
export function prepareImage(scope: ImageScope, src: string, line: number | undefined, field: string): PreparedImage | undefined {
  const problem = (message: string) => {
    scope.problems.push({ file: scope.file, ...(line ? { line } : {}), field, message });
    return undefined;
  };
  const located = locateImage(scope, src);
  if ("problem" in located) return problem(`image "${src}" ${located.problem}`);
  scope.onRead?.(located.file);
  const facts = inspectImage(path.join(scope.root, located.file));
  if ("problem" in facts) return problem(`image "${src}" (${located.file}) ${facts.problem}`);
  // Decoded (or, for SVG, parsed) whole now, so a damaged or active picture is refused by the check, not published.
  const absolute = path.join(scope.root, located.file);
  const damaged = facts.type === "svg" ? svgProblem(absolute) : decodeProblem(absolute);
  if (damaged) return problem(`image "${src}" (${located.file}) ${damaged}`);
  return facts.type === "svg" ? publishSvg(scope, located.file, facts) : publishRaster(scope, located.file, facts);
}

/** The file a reference names: `/images/x.jpg` is in the shared folder, anything else relative to the scope's folder. */
function locateImage(scope: ImageScope, src: string): { file: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    return { problem: "is on another site: save the picture beside the Markdown file (or in content/images/) and link it by its file name" };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return { problem: "is not a valid file name" };
  }
  const file = decoded.startsWith(SHARED_IMAGES_PREFIX)
    ? path.posix.join(SHARED_IMAGES_FOLDER, decoded.slice(SHARED_IMAGES_PREFIX.length))
    : path.posix.normalize(path.posix.join(scope.folder, decoded));
  if (!file.startsWith("content/")) return { problem: "points outside the content folder: keep images beside the Markdown file or in content/images/" };
  // The text of the path is not enough: a symbolic link inside content/ could lead anywhere.
  const place = containedPathSync(scope.root, file);
  if (!place.ok && !place.missing) return { problem: `(${file}) ${place.message}` };
  return { file };
}

/**
 * eleventy-img, loaded on first use: it (with sharp) takes a noticeable time to load, and a build whose
 * bodies come from the content cache never prepares an image. Its URL computation is synchronous, so it is
 * required (the package is CommonJS) rather than imported.
 */
let eleventyImg: typeof ImageFunction | undefined;
function eleventyImage(): typeof ImageFunction {
  eleventyImg ??= createRequire(import.meta.url)("@11ty/eleventy-img") as typeof ImageFunction;
  return eleventyImg;
}

/** Raster images: eleventy-img's URLs, computed without encoding anything; the build writes the files later. */
function publishRaster(scope: ImageScope, file: string, facts: ImageFacts): PreparedImage {
  const fallback: FallbackFormat = facts.type === "jpg" ? "jpeg" : "png";
  const widths = imageWidths(facts.width);
  // eleventy-img's memory cache knows a file by its path and size: an edited picture of the same size must still get a new hash.
  const stats = eleventyImage().statsByDimensionsSync(path.join(scope.root, file), facts.width, facts.height, { ...imageOptions(fallback, widths), useCache: false });
  scope.jobs.push({ kind: "responsive", source: file, fallback, widths });
  const fallbacks = stats[fallback] ?? [];
  const largest = fallbacks[fallbacks.length - 1]!;
  const srcset = (format: string) => (stats[format] ?? []).map((entry) => entry.srcset).join(", ");
  return {
    sources: ["avif", "webp"].map((format) => ({ type: `image/${format}`, srcset: srcset(format) })),
    src: largest.url,
    srcset: srcset(fallback),
    width: largest.width,
    height: largest.height,
  };
}

/** What makes an SVG file unfit to publish, if anything (src/images/sanitize-svg.ts). */
function svgProblem(file: string): string | undefined {
  const checked = checkSvg(readFileSync(file, "utf8"));
  return "problem" in checked ? checked.problem : undefined;
}

/** SVG is published cleaned (src/images/sanitize-svg.ts), under a name that changes when its content does, so it can be cached forever. */
function publishSvg(scope: ImageScope, file: string, facts: ImageFacts): PreparedImage {
  const hash = createHash("sha256").update(readFileSync(path.join(scope.root, file))).digest("base64url").slice(0, 10);
  const url = `${IMAGE_URL_PATH}${hash}-${path.posix.basename(file).replace(/[^A-Za-z0-9._-]/g, "-")}`;
  scope.jobs.push({ kind: "copy", source: file, url });
  return { sources: [], src: url, width: facts.width, height: facts.height };
}

/** `<picture>` markup for a prepared image, every value escaped. */
export function pictureHtml(image: PreparedImage, options: PictureOptions): SafeHtml {
  const loading = options.lead ? html`fetchpriority="high"` : html`loading="lazy" decoding="async"`;
  const sizes = image.srcset ? html` srcset="${image.srcset}" sizes="${options.sizes}"` : "";
  return html`<picture>${image.sources.map((source) => html`<source type="${source.type}" srcset="${source.srcset}" sizes="${options.sizes}">`)}<img src="${image.src}"${sizes} width="${image.width}" height="${image.height}" alt="${options.alt}" ${loading}></picture>`;
}
