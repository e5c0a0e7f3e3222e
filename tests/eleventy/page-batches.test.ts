import { describe, expect, it } from "vitest";
import { batchCount, batchOf } from "../../src/eleventy/page-batches.ts";
import { RENDERED_TEMPLATES, type PageSetName } from "../../src/eleventy/page-sets.ts";

/** Sets of the given sizes, by template, in RENDERED_TEMPLATES order; each page names its set and place. */
function sets(sizes: Partial<Record<PageSetName, number>>): Record<PageSetName, string[]> {
  return Object.fromEntries(RENDERED_TEMPLATES.map((name) => [name, Array.from({ length: sizes[name] ?? 0 }, (_, index) => `${name}#${index}`)])) as Record<PageSetName, string[]>;
}

describe("build batches", () => {
  it("put every page of every set in exactly one run, in order, at most the given number a run", () => {
    const all = sets({ article: 7, articles: 2, session: 5, thanks: 1 });
    const flat = RENDERED_TEMPLATES.flatMap((name) => all[name]);
    const runs = batchCount(flat.length, 4);
    expect(runs).toBe(4);
    const batches = Array.from({ length: runs }, (_, index) => batchOf(all, { index, pagesPerBatch: 4 }));
    expect(batches.map((batch) => RENDERED_TEMPLATES.flatMap((name) => batch[name]))).toEqual([flat.slice(0, 4), flat.slice(4, 8), flat.slice(8, 12), flat.slice(12)]);
    // A run cut through a set renders the set's pages in it, and the set keeps its order across runs.
    expect(batches[1]!.article).toEqual(["article#4", "article#5", "article#6"]);
    expect(batches[1]!.articles).toEqual(["articles#0"]);
  });

  it("take one run for a site that fits, or has no paginated page, and refuse a batch of no pages", () => {
    expect(batchCount(0, 8_000)).toBe(1);
    expect(batchCount(8_000, 8_000)).toBe(1);
    expect(batchCount(8_001, 8_000)).toBe(2);
    expect(() => batchCount(10, 0)).toThrow(/at least 1/);
    expect(() => batchOf(sets({ article: 3 }), { index: 0, pagesPerBatch: 1.5 })).toThrow(/whole number/);
  });
});
