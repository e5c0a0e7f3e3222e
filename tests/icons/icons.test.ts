import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_ICON, iconSvg, ICON_NAMES } from "../../src/icons/icons.ts";
import { categorySchema } from "../../src/schemas/category.ts";

const folder = new URL("../../src/icons/", import.meta.url);

describe("icons", () => {
  it("lists exactly the SVG files of src/icons", () => {
    const files = readdirSync(folder).filter((name) => name.endsWith(".svg")).map((name) => name.replace(/\.svg$/, ""));
    expect([...ICON_NAMES].sort()).toEqual(files.sort());
  });

  it("are decorative, drawn in the text colour, and carry no style attribute the CSP would block", () => {
    for (const name of ICON_NAMES) {
      const svg = readFileSync(new URL(`${name}.svg`, folder), "utf8");
      expect(svg, name).toMatch(/aria-hidden="true"/);
      expect(svg, name).toMatch(/stroke="currentColor"/);
      expect(svg, name).not.toMatch(/style=|<script/i);
    }
  });

  it("adds the class it is given", () => {
    expect(iconSvg(DEFAULT_ICON, "icon icon--large")).toMatch(/^<svg class="icon icon--large" /);
  });

  it("can be named by a category, and an unknown name is refused", () => {
    expect(categorySchema.safeParse({ name: "A", description: "B", icon: "cloud" }).success).toBe(true);
    expect(categorySchema.safeParse({ name: "A", description: "B", icon: "rocket" }).success).toBe(false);
  });
});

describe("illustrations", () => {
  it("are decorative and styled by class, with no colour or style written into them", async () => {
    const { illustrationSvg, ILLUSTRATION_NAMES } = await import("../../src/icons/icons.ts");
    for (const name of ILLUSTRATION_NAMES) {
      const svg = illustrationSvg(name);
      expect(svg).toMatch(/^<svg class="illustration" /);
      expect(svg).toMatch(/aria-hidden="true"/);
      expect(svg).not.toMatch(/style=|fill="#|stroke="#/i);
    }
  });
});
