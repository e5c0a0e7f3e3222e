/**
 * The firm's logo, drawn here rather than kept as a binary, so every size and variant comes from one drawing.
 * The mark is a capital H made of two code brackets joined by a bar: software, and the firm's initial.
 */

/** Brand colours of the logo itself (the drawing, not the page theme). */
export const LOGO_COLOURS = { brand: "#0b4f8a", paper: "#ffffff", accent: "#f0926a", ink: "#1b2430" } as const;

/** How the mark is painted. */
export interface MarkPaint {
  /** The tile behind the brackets. */
  tile: string;
  /** The brackets. */
  brackets: string;
  /** The bar joining them. */
  bar: string;
  /** Corner radius of the tile in a 64-unit square: 0 for icons the platform rounds itself. */
  radius: number;
}

/** The mark on a brand-blue tile: favicons and app icons. */
export const MARK_ON_TILE: MarkPaint = { tile: LOGO_COLOURS.brand, brackets: LOGO_COLOURS.paper, bar: LOGO_COLOURS.accent, radius: 12 };

/** The mark on a white tile, for the brand-blue page header. */
export const MARK_FOR_HEADER: MarkPaint = { tile: LOGO_COLOURS.paper, brackets: LOGO_COLOURS.brand, bar: "#b5451b", radius: 12 };

function markShapes(paint: MarkPaint): string {
  return [
    `<rect width="64" height="64" rx="${paint.radius}" fill="${paint.tile}"/>`,
    `<path d="M14 13h12v6h-5v26h5v6H14z" fill="${paint.brackets}"/>`,
    `<path d="M50 13H38v6h5v26h-5v6h12z" fill="${paint.brackets}"/>`,
    `<rect x="21" y="29" width="22" height="6" fill="${paint.bar}"/>`,
  ].join("");
}

/** The mark alone, as a square SVG. */
export function markSvg(paint: MarkPaint = MARK_ON_TILE, size = 64): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">${markShapes(paint)}</svg>\n`;
}

/** The full logo, mark and wordmark, for light backgrounds (structured data, print). */
export function logoSvg(): string {
  // DejaVu Sans is installed by `npm run setup`, so the PNG rendered from this SVG has real letters; browsers fall back to their sans-serif.
  const font = `font-family="DejaVu Sans, Verdana, Arial, sans-serif"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 270 64" width="270" height="64" role="img" aria-label="Hartmann Software Group">` +
    markShapes(MARK_ON_TILE) +
    `<text x="80" y="30" ${font} font-size="27" font-weight="bold" fill="${LOGO_COLOURS.ink}">Hartmann</text>` +
    `<text x="81" y="54" ${font} font-size="16" letter-spacing="2" fill="${LOGO_COLOURS.brand}">SOFTWARE GROUP</text>` +
    `</svg>\n`
  );
}
