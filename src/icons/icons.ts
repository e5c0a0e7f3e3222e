import { readFileSync } from "node:fs";

/** The icons an editor may give a category: one original line drawing per file in src/icons/, named here so the schema can list them. */
export const ICON_NAMES = ["book", "calendar", "chart", "cloud", "code", "diagram", "megaphone", "people", "plug", "server", "terminal"] as const;

/** One of the icons in src/icons/. */
export type IconName = (typeof ICON_NAMES)[number];

/** The icon shown when an editor names none. */
export const DEFAULT_ICON: IconName = "book";

const cache = new Map<IconName, string>();

/**
 * The inline SVG markup of an icon, decorative (aria-hidden) and drawn in the text colour, so it follows both colour
 * schemes without a style attribute. Read from our own files once per process; never built from content.
 */
export function iconSvg(name: IconName, className = "icon"): string {
  let svg = cache.get(name);
  if (svg === undefined) {
    svg = readFileSync(new URL(`./${name}.svg`, import.meta.url), "utf8").trim();
    cache.set(name, svg);
  }
  return svg.replace("<svg ", `<svg class="${className}" `);
}
