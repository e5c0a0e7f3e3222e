import { link, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { outputFileOf, SEARCH_BUNDLE_FOLDER, SITE_PATHS } from "../../src/urls/site-urls.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

describe("the Pagefind plugin", () => {
  it("writes the index that Pagefind's own crawl of every page of the finished site makes, byte for byte (none of it stale or missing)", async () => {
    const site = buildDir("december");
    const scratch = await mkdtemp(path.join(os.tmpdir(), "hsg-pagefind-"));
    try {
      // Every HTML page, for Pagefind to choose the marked ones itself, made in the order of their paths as the build
      // makes its own folder of the searched pages: Pagefind numbers pages in the order its crawl lists them.
      const pages = (await allFiles(site)).filter((file) => file.endsWith(".html"));
      const copy = path.join(scratch, "site");
      for (const page of pages) {
        await mkdir(path.dirname(path.join(copy, page)), { recursive: true });
        await link(path.join(site, page), path.join(copy, page));
      }
      const crawled = path.join(scratch, "index");
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
      expect(errors).toEqual([]);
      expect((await index!.addDirectory({ path: copy })).errors).toEqual([]);
      expect((await index!.writeFiles({ outputPath: crawled })).errors).toEqual([]);
      await pagefind.close();

      const built = path.join(site, SEARCH_BUNDLE_FOLDER);
      // The list of further bundles is the build's own, and empty: the fixture fits one bundle.
      const list = outputFileOf(SITE_PATHS.searchBundleList);
      expect(JSON.parse(await readFile(path.join(site, list), "utf8"))).toEqual([]);
      const files = (await allFiles(built)).filter((file) => `${SEARCH_BUNDLE_FOLDER}${file}` !== list);
      expect(files.some((file) => file.endsWith(".pf_meta"))).toBe(true);
      expect(await allFiles(crawled)).toEqual(files);
      for (const file of files) expect((await readFile(path.join(built, file))).equals(await readFile(path.join(crawled, file))), file).toBe(true);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
