import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { outputFileOf, SEARCH_BUNDLE_FOLDER, SITE_PATHS } from "../../src/urls/site-urls.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

describe("the Pagefind plugin", () => {
  it("writes the index that Pagefind's own crawl of the finished site makes, byte for byte (none of it stale or missing)", async () => {
    const site = buildDir("december");
    const crawled = await mkdtemp(path.join(os.tmpdir(), "hsg-pagefind-"));
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
      expect(errors).toEqual([]);
      expect((await index!.addDirectory({ path: site })).errors).toEqual([]);
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
      await rm(crawled, { recursive: true, force: true });
    }
  });
});
