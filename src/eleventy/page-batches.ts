import type { SiteModelSource } from "../build/site-model-source.ts";
import { RENDERED_TEMPLATES, type PageSetName } from "./page-sets.ts";

/**
 * At most this many pages of the paginated templates (RENDERED_TEMPLATES) per Eleventy run of a build for the web.
 * Eleventy holds every page it renders (its data, its content before the layout, its final HTML) until its build
 * returns, about 30 KB a page: a warm build of 10,000 articles (22,006 such pages) peaked at 2.0 GB in one run, at
 * 1.42 GB in runs of 5,000 pages (1.68 GB in runs of 10,000), 10 s slower in 48 (docs/PERFORMANCE.md). The runs share
 * the first run's model; the steps over the whole site (social images, the editor's bundle) run in the first only.
 * A site of up to about 2,000 articles is built in one run, as before.
 */
export const BATCH_PAGES = 5_000;

/** Which run of a build in batches this is, and how many of the paginated pages each run renders. */
export interface BuildBatch {
  index: number;
  pagesPerBatch: number;
  /**
   * The first run's model, which every later run renders from: the content cannot change between the runs of one
   * build, and loading and deriving it again cost each run seconds at 10,000 articles.
   */
  model?: SiteModelSource;
}

/** What the first run of a build in batches tells its caller: how many runs the pages take, and its model. */
export interface BatchPlan {
  runs: number;
  model: SiteModelSource;
}

/** How many runs a build of `pages` paginated pages takes. */
export function batchCount(pages: number, pagesPerBatch: number): number {
  return Math.max(1, Math.ceil(pages / checkedBatchSize(pagesPerBatch)));
}

/** `pagesPerBatch`, if it is a size a batch can have. */
function checkedBatchSize(pagesPerBatch: number): number {
  if (!Number.isInteger(pagesPerBatch) || pagesPerBatch < 1) throw new Error(`pages per build batch must be a whole number of at least 1, not ${pagesPerBatch}`);
  return pagesPerBatch;
}

/**
 * The pages of each set that run `batch` renders: the sets in RENDERED_TEMPLATES order, one after another, cut
 * into slices of `pagesPerBatch`. Every page is in exactly one run, whatever the sizes of the sets.
 */
export function batchOf<T>(sets: Readonly<Record<PageSetName, readonly T[]>>, batch: BuildBatch): Record<PageSetName, T[]> {
  const size = checkedBatchSize(batch.pagesPerBatch);
  const start = batch.index * size;
  const end = start + size;
  let offset = 0;
  const sliced = {} as Record<PageSetName, T[]>;
  for (const name of RENDERED_TEMPLATES) {
    const pages = sets[name];
    sliced[name] = pages.slice(Math.max(0, start - offset), Math.max(0, end - offset));
    offset += pages.length;
  }
  return sliced;
}
