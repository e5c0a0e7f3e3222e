import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { searchBundleFolder, searchedFiles, splitIntoBundles } from "../../src/search/search-bundles.ts";
import { decemberFixtureModel } from "../support/sample-project.ts";
import { buildDir } from "../support/site-output.ts";

describe("search bundles", () => {
  it("split the searched pages in order into bundles of at most the given size, each page in one", () => {
    const files = Array.from({ length: 7 }, (_, index) => `articles/a${index}/index.html`);
    expect(splitIntoBundles(files, 3)).toEqual([files.slice(0, 3), files.slice(3, 6), files.slice(6)]);
    expect(splitIntoBundles(files, 7)).toEqual([files]);
    expect(splitIntoBundles([], 3), "a site with nothing to search still has its one (empty) bundle").toEqual([[]]);
    expect(() => splitIntoBundles(files, 0)).toThrow(/at least 1/);
  });

  it("put the first bundle in the index's own folder and the others inside it", () => {
    expect([0, 1, 2].map((index) => searchBundleFolder("pagefind", index))).toEqual(["pagefind", "pagefind/bundle-2", "pagefind/bundle-3"]);
  });

  it("hold exactly the page table's searched pages, as the files Eleventy writes them to", async () => {
    const table = pageTableOf((await decemberFixtureModel()).model);
    const files = searchedFiles(table);
    expect(files.length).toBe(table.entries.filter((entry) => entry.inSearch).length);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !existsSync(path.join(buildDir("december"), file))), "searched pages the build did not write").toEqual([]);
    expect(new Set(files).size).toBe(files.length);
  });
});
