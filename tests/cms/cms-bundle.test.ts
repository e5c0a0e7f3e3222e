import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CDN_BASE, CMS_FONTS, CMS_PACKAGE, writeCmsBundle } from "../../src/cms/cms-bundle.ts";

/** A project whose CMS package holds `bundle`, with the fonts the bundle's addresses are pointed at. */
async function projectWith(bundle: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "hsg-cms-bundle-"));
  await mkdir(path.join(root, CMS_PACKAGE, "dist"), { recursive: true });
  await writeFile(path.join(root, CMS_PACKAGE, "dist", "sveltia-cms.js"), bundle);
  await writeFile(path.join(root, CMS_PACKAGE, "package.json"), JSON.stringify({ version: "9.9.9" }));
  for (const font of CMS_FONTS) {
    await mkdir(path.join(root, path.dirname(font.file)), { recursive: true });
    await writeFile(path.join(root, font.file), `font ${font.file}`);
  }
  return root;
}

/** A bundle that loads every CDN address the site rewrites, around `text`. */
const bundleSaying = (text: string) => `const fonts = ${JSON.stringify(CMS_FONTS.map((font) => font.cdn))}; const cdn = "${CDN_BASE}"; // ${text}\n`;

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function written(bundle: string): Promise<string> {
  const root = await projectWith(bundle);
  made.push(root);
  await writeCmsBundle(root, path.join(root, "_site"), "admin");
  return readFile(path.join(root, "_site/admin/cms.js"), "utf8");
}

describe("the CMS bundle written into the site", () => {
  it("points every CDN address at the site's own copies, and writes the same bytes again for the same bundle", async () => {
    const first = await written(bundleSaying("one"));
    expect(first).not.toContain("https://");
    expect(first).toContain('"/admin/unpkg/"');
    for (const font of CMS_FONTS) expect(first).toContain(`/admin/fonts/${path.basename(font.file)}`);
    expect(await written(bundleSaying("one"))).toBe(first);
  });

  it("rewrites a changed bundle afresh, and fails on one that lacks an address even right after a good one", async () => {
    await written(bundleSaying("one"));
    expect(await written(bundleSaying("two"))).toContain("// two");
    await expect(written(bundleSaying("three").replace(CDN_BASE, "https://cdn.example/"))).rejects.toThrow(`${CMS_PACKAGE} 9.9.9: its bundle no longer contains ${CDN_BASE}`);
  });
});
