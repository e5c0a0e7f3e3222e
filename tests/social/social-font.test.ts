import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontconfigXml, socialFontFolder } from "../../src/social/social-font.ts";
import { REPO_ROOT } from "../support/build-site.ts";

/** Renders one social image in a fresh process (fontconfig reads its configuration once per process) and returns its PNG. */
async function renderInChild(mode: "bundled" | "no-fonts"): Promise<Buffer> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-font-"));
  const output = path.join(folder, "card.png");
  const script = `
    import sharp from "sharp";
    import { writeFile, mkdir } from "node:fs/promises";
    import { socialImageSvg } from "./src/social/social-image-svg.ts";
    import { useSocialFont } from "./src/social/social-font.ts";
    if (${JSON.stringify(mode)} === "bundled") useSocialFont();
    else {
      await mkdir(${JSON.stringify(path.join(folder, "empty"))}, { recursive: true });
      await writeFile(${JSON.stringify(path.join(folder, "empty.conf"))}, '<?xml version="1.0"?><fontconfig><dir>${path.join(folder, "empty")}</dir></fontconfig>');
      process.env.FONTCONFIG_FILE = ${JSON.stringify(path.join(folder, "empty.conf"))};
    }
    const svg = socialImageSvg({ title: "Quarterly Planning", eyebrow: "Article", brand: "Firm", host: "example.com" });
    await sharp(Buffer.from(svg)).png().toFile(${JSON.stringify(output)});`;
  const scriptFile = path.join(REPO_ROOT, `.font-check-${process.pid}-${mode}.tmp.ts`);
  await writeFile(scriptFile, script);
  try {
    const result = spawnSync(process.execPath, ["--import", "tsx", scriptFile], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
  } finally {
    await import("node:fs/promises").then(({ rm }) => rm(scriptFile, { force: true }));
  }
  return readFile(output);
}

describe("social image font", () => {
  it("comes from the npm package, regular and bold", () => {
    const folder = socialFontFolder();
    expect(existsSync(path.join(folder, "DejaVuSans.ttf"))).toBe(true);
    expect(existsSync(path.join(folder, "DejaVuSans-Bold.ttf"))).toBe(true);
    expect(path.relative(REPO_ROOT, folder).startsWith("node_modules")).toBe(true);
  });

  it("is the only folder the generated fontconfig file names", () => {
    const xml = fontconfigXml("/fonts/a&b", "/cache");
    expect(xml.match(/<dir>/g)).toHaveLength(1);
    expect(xml).toContain("<dir>/fonts/a&amp;b</dir>");
    expect(xml).toContain("<cachedir>/cache</cachedir>");
  });

  it("is what the rasteriser draws with: without it the same card renders differently (as boxes)", async () => {
    const [bundled, bare] = await Promise.all([renderInChild("bundled"), renderInChild("no-fonts")]);
    expect(bundled.subarray(1, 4).toString()).toBe("PNG");
    expect(bundled.equals(bare)).toBe(false);
    // Real glyphs carry far more detail than the fallback's hollow boxes, so the PNG compresses less.
    expect(bundled.length).toBeGreaterThan(bare.length * 2);
  }, 120_000);
});
