import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/project-copy.ts";

/** The `--code-*` custom properties of each scheme in the code partial, in order: light first, then dark. */
function palettes(): Record<string, string>[] {
  const scss = readFileSync(path.join(REPO_ROOT, "src/styles/_code.scss"), "utf8");
  return [...scss.matchAll(/:root\s*\{([^}]*)\}/g)].map((block) =>
    Object.fromEntries([...block[1]!.matchAll(/--code-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1]!, match[2]!])),
  );
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe("code highlighting colours", () => {
  it("has a light and a dark palette", () => {
    expect(palettes()).toHaveLength(2);
  });

  it.each(["light", "dark"] as const)("every text colour of the %s palette passes WCAG AA (4.5:1) on the code background", (scheme) => {
    const palette = palettes()[scheme === "light" ? 0 : 1]!;
    const texts = Object.entries(palette).filter(([name]) => name !== "background" && name !== "border");
    expect(texts.length).toBeGreaterThan(5);
    for (const [name, colour] of texts) expect(contrast(colour, palette.background!), `${scheme} ${name} ${colour}`).toBeGreaterThanOrEqual(4.5);
  });
});
