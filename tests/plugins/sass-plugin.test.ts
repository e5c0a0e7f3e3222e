import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealed } from "../../src/images/output-cache.ts";
import { AssetManifest } from "../../src/assets/fingerprint.ts";
import { compiledCss, sassCacheKey, withAssetUrls } from "../../src/plugins/sass-plugin.ts";

let root: string;
const styles = () => path.join(root, "styles");
const cache = () => path.join(root, "cache");

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-sass-"));
  await mkdir(styles());
  await writeFile(path.join(styles(), "_tokens.scss"), "$ink: #123456;\n");
  await writeFile(path.join(styles(), "site.scss"), '@use "tokens" as *;\nbody { color: $ink; }\n');
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("the Sass cache", () => {
  it("compiles once, then serves the same CSS from the cache", async () => {
    const entry = path.join(styles(), "site.scss");
    const first = await compiledCss(entry, cache());
    expect(first).toBe("body{color:#123456}");
    expect(await readdir(cache())).toEqual([`${await sassCacheKey(styles())}.css`]);
    // A planted cache entry proves the second call reads the cache rather than compiling.
    await writeFile(path.join(cache(), `${await sassCacheKey(styles())}.css`), sealed("body{color:red}"));
    expect(await compiledCss(entry, cache())).toBe("body{color:red}");
  });

  it("compiles again when any stylesheet changes, a partial included", async () => {
    const before = await sassCacheKey(styles());
    await writeFile(path.join(styles(), "_tokens.scss"), "$ink: #654321;\n");
    expect(await sassCacheKey(styles())).not.toBe(before);
    expect(await compiledCss(path.join(styles(), "site.scss"), cache())).toBe("body{color:#654321}");
  });
});

describe("the stylesheet's url()s", () => {
  it("point at the hashed name of each file the build recorded, quoted or not, and leave every other address as written", () => {
    const assets = new AssetManifest();
    assets.set("/assets/fonts/body.woff2", "/assets/fonts/body.0123456789.woff2");
    const css = `@font-face{src:url("/assets/fonts/body.woff2")}a{background:url(/assets/fonts/body.woff2)}b{background:url('/assets/other.svg')}c{background:url(data:image/png;base64,AAAA)}`;
    expect(withAssetUrls(css, assets)).toBe(
      `@font-face{src:url("/assets/fonts/body.0123456789.woff2")}a{background:url(/assets/fonts/body.0123456789.woff2)}b{background:url('/assets/other.svg')}c{background:url(data:image/png;base64,AAAA)}`,
    );
  });
});
