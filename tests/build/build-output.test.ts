import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { batchCount } from "../../src/eleventy/page-batches.ts";
import { pageSetSize } from "../../src/eleventy/page-sets.ts";
import { SEARCH_BUNDLE_FOLDER } from "../../src/urls/site-urls.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { decemberFixtureModel } from "../support/sample-project.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

describe("a build in batches", () => {
  it("writes the same site as the December build in one run, byte for byte but for the search index's page numbers", async () => {
    // Three runs, so that one lies between two others and the cuts fall inside sets of pages, whatever the fixture
    // holds; the last smaller than the others, so that what each run wrote shows it rendered its own slice.
    const { root: project, model } = await decemberFixtureModel();
    const paginated = pageSetSize(model);
    const pagesPerBatch = Math.ceil(paginated / 2.5);
    expect(batchCount(paginated, pagesPerBatch)).toBe(3);
    let written: number[] = [];
    const batched = await buildSite(project, CLOCKS.december, "build", undefined, {}, { pagesPerBatch, report: (report) => (written = report.written) });
    // Each run writes the single pages and its own slice of the paginated ones: the first run's slice is full, the last's the rest.
    expect(written).toHaveLength(3);
    expect(written[0]! - written[2]!).toBe(pagesPerBatch - (paginated - 2 * pagesPerBatch));
    expect(written[0]).toBe(written[1]);
    const whole = buildDir("december");

    const index = `/${SEARCH_BUNDLE_FOLDER}/`;
    // Pagefind numbers pages in the order its crawl lists them, which on some file systems is the order they were
    // written in, and names its index files by their bytes; its fragments, one per page, must be the same.
    const numbered = (file: string) => file.startsWith(index) && !file.startsWith(`${index}fragment/`);
    const [files, expected] = await Promise.all([allFiles(batched), allFiles(whole)]);
    expect(files.filter((file) => !numbered(file))).toEqual(expected.filter((file) => !numbered(file)));
    expect(files.filter(numbered).length).toBe(expected.filter(numbered).length);
    const differing = files.filter((file) => !numbered(file) && !readFileSync(path.join(batched, file)).equals(readFileSync(path.join(whole, file))));
    expect(differing).toEqual([]);
  });
});
