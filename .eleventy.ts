/**
 * The build at a glance: directories, then the plugins in the order they are registered: page setup and
 * data first, then what runs before the pages (the stylesheet, scripts and social images), then what runs after them, one
 * after another in this order: the Netlify files come last because `_headers` covers every written file.
 * Every plugin is a module under src/plugins with one job.
 */
import { AssetManifest } from "./src/assets/fingerprint.ts";
import { SiteModelSource } from "./src/build/site-model-source.ts";
import { DevRebuilds } from "./src/eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "./src/eleventy/eleventy-config.ts";
import type { BuildBatch } from "./src/eleventy/page-batches.ts";
import { assetUrlsPlugin } from "./src/plugins/asset-urls-plugin.ts";
import { brandAssetsPlugin } from "./src/plugins/brand-assets-plugin.ts";
import { contentFoldersPlugin } from "./src/plugins/content-folders-plugin.ts";
import { devErrorsPlugin } from "./src/plugins/dev-errors-plugin.ts";
import { contentImagesPlugin } from "./src/plugins/content-images-plugin.ts";
import { browserScriptsPlugin } from "./src/plugins/browser-scripts-plugin.ts";
import { cmsPlugin } from "./src/plugins/cms-plugin.ts";
import { filtersPlugin } from "./src/plugins/filters-plugin.ts";
import { fontsPlugin } from "./src/plugins/fonts-plugin.ts";
import { frontMatterPlugin } from "./src/plugins/front-matter-plugin.ts";
import { iconsPlugin } from "./src/plugins/icons-plugin.ts";
import { nunjucksCachePlugin } from "./src/plugins/nunjucks-cache-plugin.ts";
import { nunjucksPlugin } from "./src/plugins/nunjucks-plugin.ts";
import { netlifyFilesPlugin } from "./src/plugins/netlify-files-plugin.ts";
import { renderedFragmentsPlugin } from "./src/plugins/rendered-fragments-plugin.ts";
import { pagefindPlugin } from "./src/plugins/pagefind-plugin.ts";
import { sassPlugin } from "./src/plugins/sass-plugin.ts";
import { socialImagesPlugin } from "./src/plugins/social-images-plugin.ts";
import { siteDataPlugin } from "./src/plugins/site-data-plugin.ts";
import { structuredDataPlugin } from "./src/plugins/structured-data-plugin.ts";
import { typescriptTemplatesPlugin } from "./src/plugins/typescript-templates-plugin.ts";
import { BODY_FONT_FILE, SEARCH_BUNDLE_FOLDER, SITE_PATHS } from "./src/urls/site-urls.ts";

const SITE_FONTS = [
  `node_modules/@fontsource-variable/source-sans-3/files/${BODY_FONT_FILE}`,
  "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-ext-wght-normal.woff2",
  "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-italic.woff2",
  "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
];

/**
 * How a build may differ from the site's own. Eleventy calls `configure` with the config alone, so `npm start` and
 * a plain `eleventy` build get the defaults; a build that calls `configure` itself (src/build/project-config.ts's
 * configureProjectWith) passes these: `npm run build` (`afterEleventy` and the run's `batch`) and a test's reference build.
 */
export interface BuildOptions {
  /** false: no search index, in a development build only (tests/support/reference-build-config.ts). Default true. */
  searchIndex?: boolean;
  /** false: no social images, in a development build only. Default true. */
  socialImages?: boolean;
  /** false: no `_headers` (`_redirects` is still written), in a development build only. Default true. */
  headersFile?: boolean;
  /**
   * true: the links to #fragments of written pages are checked, and the search index and `_headers` written, by
   * src/build/build-output.ts after Eleventy has returned and let go of its pages (`npm run build`, the tests'
   * builds), not by their plugins. Default false: Eleventy's own CLI has the plugins do it.
   */
  afterEleventy?: boolean;
  /** One run of a build in batches (src/build/build-output.ts): only its slice of the paginated pages renders. */
  batch?: BuildBatch;
  /** false: no record of what each page reads, in a development build (tests/support/reference-build-config.ts). Default true. */
  recordReads?: boolean;
}

export default function configure(config: EleventyConfig, options: BuildOptions = {}): void {
  // A later run of a build in batches skips the steps over the whole site, as a rebuild of `npm start` may.
  const dev = new DevRebuilds({ laterRun: (options.batch?.index ?? 0) > 0 });
  const model = options.batch?.model ?? new SiteModelSource(".", dev);
  const assets = new AssetManifest();
  // eleventy.before/after listeners run one after another, in the order below, so each sees what the earlier wrote.
  config.setEventEmitterMode("sequential");

  // First: content may never run code, so these act before Eleventy reads any file.
  config.addPlugin(contentFoldersPlugin, { root: "." });
  config.addPlugin(frontMatterPlugin);
  config.addPlugin(nunjucksPlugin);
  config.addPlugin(nunjucksCachePlugin);
  config.addPlugin(typescriptTemplatesPlugin);
  config.addPlugin(siteDataPlugin, { model, articlesFolder: "content/articles/", dev, batch: options.batch, recordReads: options.recordReads ?? true });
  config.addPlugin(filtersPlugin);
  config.addPlugin(iconsPlugin);
  config.addPlugin(structuredDataPlugin);
  config.addPlugin(assetUrlsPlugin, { assets });
  // Before the stylesheet, whose url()s name the fonts' hashed files.
  config.addPlugin(fontsPlugin, { files: SITE_FONTS, assets });
  config.addPlugin(sassPlugin, { entry: "src/styles/site.scss", url: SITE_PATHS.stylesheet, assets });
  config.addPlugin(browserScriptsPlugin, { files: { "src/browser/search.js": SITE_PATHS.searchScript, "src/browser/deadlines.js": SITE_PATHS.deadlinesScript }, assets });
  // Before the pages too, and before the plugins that read the written site: the cards it starts drawing with the
  // pages are in the output by its eleventy.after (src/plugins/social-images-plugin.ts).
  config.addPlugin(socialImagesPlugin, { model, cacheFolder: ".cache/social-images", dev, writeImages: options.socialImages ?? true });
  config.addPlugin(brandAssetsPlugin, { model, dev });
  config.addPlugin(contentImagesPlugin, { model, root: ".", dev });
  // After the pages, before the plugins that index or list them: a link to a #fragment no written page has stops the build.
  config.addPlugin(renderedFragmentsPlugin, { model, dev, checkAfterEleventy: options.afterEleventy ?? false });
  config.addPlugin(pagefindPlugin, { model, bundleFolder: SEARCH_BUNDLE_FOLDER, dev, writeIndex: options.searchIndex ?? true, indexAfterEleventy: options.afterEleventy ?? false });
  config.addPlugin(cmsPlugin, { model, dev, cacheFolder: ".cache/cms" });
  // Last: _headers lists every file the others wrote (hashed or not), so they must have finished.
  config.addPlugin(netlifyFilesPlugin, { model, dev, writeHeaders: options.headersFile ?? true, headersAfterEleventy: options.afterEleventy ?? false });
  // `npm start` only: a content error replaces every page with the problem list until a build finishes again.
  config.addPlugin(devErrorsPlugin, { model, dev });

  // Set, not returned: Eleventy ignores what a `config` function passed to it returns (src/build/build-output.ts
  // configures a build that way), and a config file may set them as well. Output stays Eleventy's default, _site/:
  // naming it here would override the folder tests pass to Eleventy.
  config.setInputDirectory("content");
  config.setIncludesDirectory("../_includes");
  config.setDataDirectory("../_data");
  // Articles are Markdown data read by src/content, not templates: only Nunjucks and 11ty.ts pages render (no .html
  // file is a template, so no engine for HTML is named).
  config.setTemplateFormats(["njk", "11ty.ts"]);
}
