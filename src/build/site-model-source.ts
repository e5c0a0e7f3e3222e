import { loadCheckedModel } from "../checks/check-site.ts";
import { buildKind, createBuildContext } from "../collections/build-context.ts";
import type { SiteModel } from "../collections/site-model.ts";
import { StageMemo } from "../collections/stage-memo.ts";
import { ContentCache } from "../content/content-cache.ts";
import { readFileDates } from "../content/file-dates.ts";
import { loadContent, type Content, type KeptLoads, type LoadReuse } from "../content/load-content.ts";
import { formatWarnings } from "../content/problems.ts";
import { deployBaseUrl } from "../netlify/deploy-url.ts";
import { readSiteNow } from "../time/clock.ts";
import { rehearseSaves } from "./save-rehearsal.ts";

/** What `npm start` tells the model about saves (src/eleventy/dev-rebuilds.ts's DevRebuilds). */
export interface ContentChanges {
  watching(): boolean;
  contentChangedSinceLoad(): ReadonlySet<string> | undefined;
  onWatcherReady(listener: () => Promise<void>): void;
}

/**
 * The one per-build site model, shared by the plugins that need it (page data, social images, redirects,
 * search). Loaded on first use in a build and forgotten when the next build starts, so `npm start` picks up edits;
 * the later runs of a build in batches render from the first run's (src/eleventy/page-batches.ts).
 */
export class SiteModelSource {
  #model: Promise<SiteModel> | undefined;
  #warned = false;
  /**
   * The model's stages, kept between the builds of this process: a save re-derives only the stages it reaches.
   * Their records only in development (`npm start`): a build for the web derives the model once.
   */
  #memo: StageMemo | undefined;
  /** The last load's results, which the next load of `npm start` takes for the files not changed since. */
  #kept: KeptLoads = new Map();
  /** The load `npm start` makes once its watcher listens, which the next build's load waits for. */
  #loadAhead: Promise<void> = Promise.resolve();

  /** `changes`: in `npm start`, which files changed since the content was last loaded (src/eleventy/dev-rebuilds.ts). */
  constructor(
    private readonly root: string,
    private readonly changes?: ContentChanges,
  ) {
    changes?.onWatcherReady(() => (this.#loadAhead = this.#loadBeforeFirstSave(changes)));
  }

  /** The model of the current build, loading and validating the content the first time it is asked for. */
  get(): Promise<SiteModel> {
    this.#model ??= (async () => {
      await this.#loadAhead;
      const development = buildKind(process.env) === "development";
      const cache = this.#cache(development);
      this.#memo ??= new StageMemo({ records: development });
      // Dates from git need the list of content files, so the context is made once the content is loaded.
      const context = async (content: Content) => {
        const files = [...content.articles.map((article) => article.file), ...Object.values(content.pageCopy).map((copy) => copy.file)];
        const dates = await readFileDates(this.root, files, (message) => this.#warnOnce(message));
        return { ...createBuildContext(readSiteNow()), lastModified: dates.of };
      };
      // A deploy preview links to itself, not to the live site (CONTEXT and DEPLOY_PRIME_URL, set by Netlify).
      // Loaded content is frozen and shared between builds, so the build gets its own copy of `site`.
      const reuse = this.changes?.watching() ? this.#reuse(this.changes) : undefined;
      const { model, warnings } = await loadCheckedModel(this.root, context, (content) => ({ ...content, site: { ...content.site, url: deployBaseUrl(content.site.url, process.env) } }), { cache, memo: this.#memo, reuse });
      // A production build has just asked for every current file: what else is on disk is out of date.
      if (!development) await cache.prune();
      // Warnings never stop a build; they are printed once per build, where Netlify's log shows them.
      for (const line of formatWarnings(warnings)) console.warn(line);
      return model;
    })();
    return this.#model;
  }

  /**
   * Loads every file once Eleventy's watcher listens, after the build under way: the first save then reads only
   * the files it changed, where its load would otherwise place and stat every file (about 0.2 s at 4,000
   * articles). Its problems are the next build's to report, which loads those files again. Then rehearses the
   * model's part of a save of each kind (src/build/save-rehearsal.ts), so that the first save is not the first run
   * of that code; a failure there is the real save's to report.
   */
  async #loadBeforeFirstSave(changes: ContentChanges): Promise<void> {
    await this.#model?.catch(() => undefined);
    const content = await loadContent(this.root, { cache: this.#cache(true), reuse: this.#reuse(changes) }).catch(() => undefined);
    if (!content) return;
    try {
      // Silent: the builds say what is wrong with SITE_NOW.
      rehearseSaves(content, createBuildContext(readSiteNow(process.env, () => undefined)));
    } catch {
      // Only a warm-up: the first save derives the model itself and reports what is wrong with it.
    }
  }

  /** What a load of `npm start` takes from the last one, and where it leaves its own results for the next. */
  #reuse(changes: ContentChanges): LoadReuse {
    return { previous: this.#kept, changed: changes.contentChangedSinceLoad(), into: (this.#kept = new Map()) };
  }

  /** A production build draws each article's page once: its texts are read from the cache then, not kept. */
  #cache(development: boolean): ContentCache {
    return new ContentCache(this.root, { readTextsWhenUsed: !development });
  }

  // One line per process, not one per rebuild of `npm start`.
  #warnOnce(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    console.warn(`[hsg] ${message}`);
  }

  /** Forgets the model; the next get() reads the content again. */
  reset(): void {
    this.#model = undefined;
  }
}
