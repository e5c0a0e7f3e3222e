import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { goesToSearch } from "../../src/plugins/pagefind-plugin.ts";
import { SEARCH_BUNDLE_FOLDER } from "../../src/urls/site-urls.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

describe("the Pagefind plugin", () => {
  it("writes, from the pages it was handed in memory, the index Pagefind's own crawl of the written site makes, byte for byte", async () => {
    const site = buildDir("december");
    const crawled = await mkdtemp(path.join(os.tmpdir(), "hsg-pagefind-"));
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
      expect(errors).toEqual([]);
      expect((await index!.addDirectory({ path: site })).errors).toEqual([]);
      expect((await index!.writeFiles({ outputPath: crawled })).errors).toEqual([]);
      await pagefind.close();

      const built = path.join(site, SEARCH_BUNDLE_FOLDER);
      const files = await allFiles(built);
      expect(files.some((file) => file.endsWith(".pf_meta"))).toBe(true);
      expect(await allFiles(crawled)).toEqual(files);
      for (const file of files) expect((await readFile(path.join(built, file))).equals(await readFile(path.join(crawled, file))), file).toBe(true);
    } finally {
      await rm(crawled, { recursive: true, force: true });
    }
  });

  it("hands Pagefind only HTML pages marked for search, and any page that merely names the mark", () => {
    expect(goesToSearch("_site/articles/a/index.html", '<main data-pagefind-body><h1>A</h1></main>')).toBe(true);
    expect(goesToSearch("_site/about/index.html", "<main><h1>About</h1></main>")).toBe(false);
    expect(goesToSearch("_site/feed.xml", "<feed data-pagefind-body>")).toBe(false);
    // Pagefind itself then judges the markup: text that names the attribute is not the attribute.
    expect(goesToSearch("_site/articles/b/index.html", "<p>Mark it with <code>data-pagefind-body</code>.</p>")).toBe(true);
  });
});
