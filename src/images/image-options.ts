import { IMAGE_URL_PATH } from "../urls/site-urls.ts";

/** Where eleventy-img keeps generated images between builds; files are named by a hash of the source's bytes. */
export const IMAGE_CACHE_FOLDER = ".cache/images";

/** The one folder of images shared by flat articles, course descriptions and service bodies (relative to the project root). */
export const SHARED_IMAGES_FOLDER = "content/images";

/** How shared images are addressed in Markdown: `![Alt](/images/name.jpg)`. */
export const SHARED_IMAGES_PREFIX = "/images/";

/**
 * Widths generated for an image: the article column is at most about 680 CSS pixels wide, so 400 serves phones,
 * 800 the column, 1200 the column on high-density screens and the sharing image.
 */
export const IMAGE_WIDTHS = [400, 800, 1200];

/** The widths for a source `originalWidth` pixels wide: those below it, then its own width up to the largest, so nothing is upscaled and a 640-pixel picture is not shrunk to 400. */
export function imageWidths(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!);
  return [...IMAGE_WIDTHS.filter((width) => width < largest), largest];
}

/** Which image slot the browser picks a width for. */
export const IMAGE_SIZES = {
  /** In an article, course or service body: the text column. */
  column: "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
  /** On a card in a list. */
  card: "(min-width: 40rem) 22rem, calc(100vw - 2rem)",
  /** A person's portrait beside their name on their own page: a fixed square (src/styles/_portraits.scss). */
  portrait: "8rem",
  /** A person's portrait on a card in a list of people. */
  avatar: "4rem",
} as const;

/** Files larger than this are refused: nobody should wait for them, and they bloat the repository. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Widths or heights beyond this are refused: far beyond any screen, and slow to resize. */
export const MAX_IMAGE_PIXELS = 8000;

/**
 * Pictures with more pixels than this are refused before they are decoded: a small compressed file can declare
 * a huge, uniform picture (a decompression bomb) that would take gigabytes to decode. 40 million is 8000x5000.
 */
export const MAX_IMAGE_AREA = 40_000_000;

/** The fallback format for browsers without AVIF or WebP: JPEG for photographs, PNG where the source has transparency or sharp edges. */
export type FallbackFormat = "jpeg" | "png";

/** The eleventy-img options for one source; the build's generator and the renderer must use the same, so the URLs match. */
export function imageOptions(fallback: FallbackFormat, widths: number[]) {
  return {
    formats: ["avif", "webp", fallback],
    widths,
    urlPath: IMAGE_URL_PATH,
    outputDir: IMAGE_CACHE_FOLDER,
    // Effort 4 (the default) triples AVIF encoding time for a few percent of bytes; a cold build of many images matters more.
    sharpAvifOptions: { effort: 2 },
  };
}
