import type { SiteModel } from "../collections/site-model.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { SHARED_IMAGES_FOLDER } from "../images/image-options.ts";
import { PAGE_COPY_FOLDER } from "../schemas/page-copy.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { batchCount, type BuildBatch } from "../eleventy/page-batches.ts";
import { pageSetSize } from "../eleventy/page-sets.ts";
import { RenderedPages } from "../eleventy/rendered-pages.ts";
import { pageTableOf } from "../pages/page-table.ts";
import { PASSING_SECTIONS, SITE_PATHS } from "../urls/site-urls.ts";

// Frozen to the leaves, so Eleventy hands it to every page by reference, as the frozen model values below.
const PASSING_SECTIONS_FROZEN = Object.freeze(Object.fromEntries(Object.entries(PASSING_SECTIONS).map(([template, ids]) => [template, Object.freeze({ ...ids })])));

/** Options of the site data plugin. */
export interface SiteDataOptions {
  /** Where the per-build model comes from. */
  model: SiteModelSource;
  /** The folder of Markdown articles, watched by `npm start` (they are data, not templates). */
  articlesFolder: string;
  /** Counts `npm start` builds for the steps that skip rebuilds; registered here, where the model is. */
  dev: DevRebuilds;
  /** One run of a build in batches (src/eleventy/page-batches.ts): only its slice of the paginated pages renders. */
  batch?: BuildBatch;
  /**
   * false: a development build renders every page without recording what it reads (src/eleventy/rendered-pages.ts),
   * as the watcher test's reference builds do, so that they share nothing with the recorder they check. A build for
   * the web records nothing either way. Default true.
   */
  recordReads?: boolean;
}

/**
 * Hands the validated content and derived collections to templates as global data. Bad content stops the
 * build here, before any page renders, with every problem listed.
 */
export function siteDataPlugin(config: EleventyConfig, options: SiteDataOptions): void {
  // A later run of a build in batches renders from the first run's model (src/eleventy/page-batches.ts).
  config.on("eleventy.before", () => (options.batch?.model ? undefined : options.model.reset()));
  options.dev.register(config);
  config.addWatchTarget(options.articlesFolder);
  config.addWatchTarget(PAGE_COPY_FOLDER);
  // Pictures that articles, courses and people show from the shared folder: a save there renders what shows them.
  config.addWatchTarget(`${SHARED_IMAGES_FOLDER}/`);

  // Frozen values are handed to every page by reference; Eleventy would deep-copy plain objects per page.
  // Each is named to the rendered pages, which record what `npm start`'s renders read from it.
  const rendered = new RenderedPages();
  const expose = (name: string, pick: (model: SiteModel) => object) => {
    rendered.global(name, pick);
    config.addGlobalData(name, async () => Object.freeze(pick(await options.model.get())));
  };
  expose("site", (model) => model.content.site);
  expose("articles", (model) => model.articles);
  expose("schedule", (model) => model.schedule);
  expose("catalog", (model) => model.catalog);
  expose("instructors", (model) => model.instructors);
  expose("venues", (model) => model.venues);
  expose("policies", (model) => model.policies);
  expose("learningPaths", (model) => model.learningPaths);
  expose("services", (model) => model.services);
  expose("highlights", (model) => model.highlights);
  expose("copy", (model) => model.copy);
  expose("nextChange", (model) => model.nextChange);
  expose("build", (model) => model.context);
  // Every page and file of the build: templates take their permalink from it (`pageTable.url('about')`).
  expose("pageTable", (model) => pageTableOf(model));
  // A build for the web may be cut into batches; a development build renders every page in one run. One answer for
  // the pages handed out and the number of runs told to the caller, so the two cannot disagree.
  const batchOfBuild = () => (options.dev.watching() ? undefined : options.batch);
  // The large paginated templates paginate over `pages.<template>`: every page in a build, the changed ones after a save.
  config.addGlobalData("pages", async () => Object.freeze(rendered.select(await options.model.get(), options.dev.watching() && options.recordReads !== false, options.dev.onlyContentChanged(), batchOfBuild())));
  config.on("eleventy.after", async () => {
    rendered.commit();
    // The caller of a build in batches learns from the first run how many runs the pages take.
    if (options.batch?.index === 0) {
      const batch = batchOfBuild();
      const runs = batch ? batchCount(pageSetSize(await options.model.get()), batch.pagesPerBatch) : 1;
      await config.emit("hsg.buildBatches", { runs, model: options.model });
    }
  });
  // Fixed pages and files, so templates link to them by name (urls.articles) rather than spelling the path.
  config.addGlobalData("urls", () => SITE_PATHS);
  // The ids of the sections a page shows only for a while, which the link checks know by name (src/urls/site-urls.ts).
  config.addGlobalData("sections", () => PASSING_SECTIONS_FROZEN);
}
