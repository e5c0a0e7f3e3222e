import { readFileDates } from "../content/file-dates.ts";
import { loadContent } from "../content/load-content.ts";
import { deployBaseUrl } from "../netlify/deploy-url.ts";
import { readSiteNow } from "../time/clock.ts";
import { createBuildContext } from "./build-context.ts";
import { buildSiteModel, type SiteModel } from "./site-model.ts";

/**
 * The one per-build site model, shared by the plugins that need it (page data, social images, redirects,
 * search). Loaded on first use in a build and forgotten when the next build starts, so `npm start` picks up edits.
 */
export class SiteModelSource {
  #model: Promise<SiteModel> | undefined;
  #warned = false;

  constructor(private readonly root: string) {}

  /** The model of the current build, loading and validating the content the first time it is asked for. */
  get(): Promise<SiteModel> {
    this.#model ??= (async () => {
      const content = await loadContent(this.root);
      const files = [...content.articles.map((article) => article.file), ...Object.values(content.pageCopy).map((copy) => copy.file)];
      const dates = await readFileDates(this.root, files, (message) => this.#warnOnce(message));
      const context = { ...createBuildContext(readSiteNow()), lastModified: dates.of };
      // A deploy preview links to itself, not to the live site (CONTEXT and DEPLOY_PRIME_URL, set by Netlify).
      // Loaded content is frozen and shared between builds, so the build gets its own copy of `site`.
      const site = { ...content.site, url: deployBaseUrl(content.site.url, process.env) };
      return buildSiteModel({ ...content, site }, context);
    })();
    return this.#model;
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
