import { inlineSvg } from "./inline-svg.ts";

/** The icons an editor may give a category: one original line drawing per file in src/icons/, named here so the schema can list them. */
export const ICON_NAMES = ["book", "calendar", "chart", "cloud", "code", "diagram", "megaphone", "people", "plug", "server", "terminal"] as const;

/** One of the icons in src/icons/. */
export type IconName = (typeof ICON_NAMES)[number];

/** The icon shown when an editor names none. */
export const DEFAULT_ICON: IconName = "book";

/** The inline SVG markup of an icon, decorative (aria-hidden) and drawn in the text colour, so it follows both colour schemes without a style attribute. */
export function iconSvg(name: IconName, className = "icon"): string {
  return inlineSvg(new URL(`./${name}.svg`, import.meta.url), className);
}

/** The illustrations in src/illustrations/, decorative pictures drawn with classes that follow the colour tokens. */
export const ILLUSTRATION_NAMES = ["hero"] as const;

/** The inline SVG markup of an illustration. */
export function illustrationSvg(name: (typeof ILLUSTRATION_NAMES)[number]): string {
  return inlineSvg(new URL(`../illustrations/${name}.svg`, import.meta.url), "illustration");
}
