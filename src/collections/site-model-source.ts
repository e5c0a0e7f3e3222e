import { ContentCache } from "../content/content-cache.ts";
import { loadCheckedModel } from "../content/check-site.ts";
import { formatProblem } from "../content/problems.ts";
import { deployBaseUrl } from "../netlify/deploy-url.ts";
import { readSiteNow } from "../time/clock.ts";
import type { SiteModel } from "./site-model.ts";

/**
 * The one per-build site model, shared by the plugins that need it (page data, social images, redirects,
 * search). Loaded on first use in a build and forgotten when the next build starts, so `npm start` picks up edits.
 */
export class SiteModelSource {
  #model: Promise<SiteModel> | undefined;

  constructor(private readonly root: string) {}

  /** The model of the current build, loading and validating the content the first time it is asked for. */
  get(): Promise<SiteModel> {
    this.#model ??= (async () => {
      const runMode = process.env.ELEVENTY_RUN_MODE;
      const development = runMode === "serve" || runMode === "watch";
      const context = { now: readSiteNow(), includeUnpublished: development };
      const cache = new ContentCache(this.root);
      // A deploy preview links to itself, not to the live site (CONTEXT and DEPLOY_PRIME_URL, set by Netlify).
      // Loaded content is frozen and shared between builds, so the build gets its own copy of `site`.
      const { model, warnings } = await loadCheckedModel(this.root, context, (content) => ({ ...content, site: { ...content.site, url: deployBaseUrl(content.site.url, process.env) } }), { cache });
      // A production build has just asked for every current file: what else is on disk is out of date.
      if (!development) await cache.prune();
      // Warnings never stop a build; they are printed once per build, where Netlify's log shows them.
      for (const warning of warnings) console.warn(formatProblem(warning));
      return model;
    })();
    return this.#model;
  }

  /** Forgets the model; the next get() reads the content again. */
  reset(): void {
    this.#model = undefined;
  }
}
