import { readFileSync } from "node:fs";

const cache = new Map<string, string>();

/**
 * The markup of one of the project's own SVG files, with a class added, read once per process. Only files from
 * src/ pass through here, never content, so the markup is trusted as written.
 */
export function inlineSvg(file: URL, className: string): string {
  let svg = cache.get(file.href);
  if (svg === undefined) {
    svg = readFileSync(file, "utf8").trim();
    cache.set(file.href, svg);
  }
  return svg.replace("<svg ", `<svg class="${className}" `);
}
