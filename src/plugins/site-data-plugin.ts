import { loadContent } from "../content/load-content.ts";
import { buildSiteModel, type SiteModel } from "../collections/site-model.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { readSiteNow } from "../time/clock.ts";

/** Options of the site data plugin. */
export interface SiteDataOptions {
  /** The project root that holds `_data/` and `content/`. */
  root: string;
}

/**
 * Loads and validates all content once per build, derives the collections, and hands them to templates as
 * global data. Bad content stops the build here, before any page renders, with every problem listed.
 */
export function siteDataPlugin(config: EleventyConfig, options: SiteDataOptions): void {
  let model: Promise<SiteModel> | undefined;
  const load = () =>
    (model ??= (async () => {
      const includeUnpublished = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
      const context = { now: readSiteNow(), includeUnpublished };
      return buildSiteModel(await loadContent(options.root), context);
    })());
  config.on("eleventy.before", () => {
    model = undefined;
  });
  config.addWatchTarget(`${options.root}/content/articles/`);

  // Frozen values are handed to every page by reference; Eleventy would deep-copy plain objects per page.
  const expose = (name: string, pick: (model: SiteModel) => object) => config.addGlobalData(name, async () => Object.freeze(pick(await load())));
  expose("site", (model) => model.content.site);
  expose("authors", (model) => model.content.authors);
  expose("instructors", (model) => model.content.instructors);
  expose("locations", (model) => model.content.locations);
  expose("categories", (model) => model.content.categories);
  expose("articles", (model) => model.articles);
  expose("schedule", (model) => model.schedule);
  expose("catalog", (model) => model.catalog);
  expose("services", (model) => model.services);
  expose("highlights", (model) => model.highlights);
  expose("build", (model) => model.context);
}
