import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../images/output-cache.ts";
import { outputFileUrl } from "../urls/site-urls.ts";

/** Where the CMS bundle comes from, relative to the project root: the npm package, never a CDN. */
export const CMS_PACKAGE = "node_modules/@sveltia/cms";

/**
 * The fonts the CMS's stylesheet loads from a CDN, and the npm package file (same font, same version, OFL)
 * served from /admin/fonts/ instead, so the editor needs no third-party host and its CSP allows none.
 */
export const CMS_FONTS = [
  { cdn: "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2", file: "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2" },
  { cdn: "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2", file: "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2" },
  {
    cdn: "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
    file: "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
  },
] as const;

/**
 * The CDN the CMS loads optional parts from: its update check (`@sveltia/cms/package.json`, hourly) and, on
 * first use, code highlighting in the Markdown editor, PDF thumbnails and image conversion. Pointed at this
 * site instead: the update check finds a package.json of the pinned version; the optional parts are not
 * there, so those features stay off instead of fetching code from a third party.
 */
export const CDN_BASE = "https://unpkg.com/";

/**
 * The last bundle this process rewrote, under the hash of the package's bundle and what was written into it:
 * rewriting 2 MB of JavaScript took about a tenth of a small site's build, and a process that builds again (`npm
 * start`'s first build after the check, a test's builds) mostly rewrites the same bytes. One entry, so it holds 2 MB at most.
 */
let lastRewritten: { key: string; code: Buffer } | undefined;

/**
 * Writes the CMS into `<output>/<folder>/`: cms.js, the package's bundle with its CDN font URLs pointed at
 * the copies in fonts/ and its CDN base at `<folder>/unpkg/` (see CDN_BASE), so it never calls a CDN.
 * Fails the build when the bundle no longer contains what is rewritten: an upgraded CMS needs this updated.
 */
export async function writeCmsBundle(root: string, output: string, folder: string): Promise<void> {
  const target = path.join(output, folder);
  await mkdir(path.join(target, "fonts"), { recursive: true });
  await mkdir(path.join(target, "unpkg", "@sveltia", "cms"), { recursive: true });
  const bundle = await readFile(path.join(root, CMS_PACKAGE, "dist", "sveltia-cms.js"));
  const { version } = JSON.parse(await readFile(path.join(root, CMS_PACKAGE, "package.json"), "utf8")) as { version: string };
  const replacements: [string, string][] = [...CMS_FONTS.map((font): [string, string] => [font.cdn, `${outputFileUrl(folder)}/fonts/${path.basename(font.file)}`]), [CDN_BASE, `${outputFileUrl(folder)}/unpkg/`]];
  const key = `${sha256(bundle)} ${JSON.stringify([version, replacements])}`;
  if (lastRewritten?.key !== key) {
    let code = bundle.toString("utf8");
    for (const [from, to] of replacements) {
      if (!code.includes(from)) throw new Error(`${CMS_PACKAGE} ${version}: its bundle no longer contains ${from}; update src/cms/cms-bundle.ts`);
      code = code.split(from).join(to);
    }
    lastRewritten = { key, code: Buffer.from(code, "utf8") };
  }
  for (const font of CMS_FONTS) await copyFile(path.join(root, font.file), path.join(target, "fonts", path.basename(font.file)));
  await writeFile(path.join(target, "unpkg", "@sveltia", "cms", "package.json"), `${JSON.stringify({ name: "@sveltia/cms", version })}\n`);
  await writeFile(path.join(target, "cms.js"), lastRewritten.code);
}
