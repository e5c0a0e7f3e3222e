import type { SiteModel } from "../collections/site-model.ts";
import type { CatalogCourse } from "../collections/views.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { refuseLeftOutInWebBuild } from "../eleventy/development-only.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { pageTableOf } from "../pages/page-table.ts";
import { publishSocialImages } from "../social/social-image-cache.ts";
import { DEFAULT_SOCIAL_IMAGE, SOCIAL_IMAGE, socialImageSvg, type SocialCard } from "../social/social-image-svg.ts";

/** Options of the social images plugin. */
export interface SocialImagesOptions {
  model: SiteModelSource;
  /** Where rasterised images are kept between builds, keyed by their content. */
  cacheFolder: string;
  /** In `npm start`, the images are made on the first build only (HSG_DEV_FULL=1 asks for them on every save). */
  dev: DevRebuilds;
  /**
   * false leaves the images out of a development build: for a test's reference build, whose comparison skips
   * them (`npm start` makes them on its first build only). A build for the web refuses it. Default true.
   */
  writeImages?: boolean;
}

/** One image to write: the card and the site path it is published at. */
interface SocialImageJob {
  card: SocialCard;
  path: string;
}

/**
 * Every social image of the site: the page table's `social-image` entries (the site's default, each article without
 * a lead image, each course), each with the card of the page it is drawn for.
 */
export function socialImageJobs(model: SiteModel): SocialImageJob[] {
  const { site } = model.content;
  const host = new URL(site.url).hostname.replace(/^www\./, "");
  const card = (title: string, eyebrow: string): SocialCard => ({ title, eyebrow, brand: site.name, host });
  const table = pageTableOf(model);
  const courses = new Set<unknown>(table.items.course);
  const isCourse = (item: unknown): item is CatalogCourse => courses.has(item);
  return table.entriesFor("social-image").map(({ item, url }) => {
    if (item === undefined) return { card: card(site.tagline, "Training and consulting in Denver"), path: url };
    if (isCourse(item)) return { card: card(item.title, `Course · ${item.levelLabel} · ${item.lengthLabel}`), path: url };
    return { card: card(item.title, "Article"), path: url };
  });
}

/**
 * Publishes the social images at the start of each build, before a page renders: the pages Eleventy keeps until it
 * has written them do not add to the rasteriser's memory (docs/PERFORMANCE.md, "Memory"). Each PNG is cached by a
 * hash of its SVG (src/social/social-image-cache.ts), so an unchanged title costs one hard link on the next build
 * and no rasteriser is started.
 */
export function socialImagesPlugin(config: EleventyConfig, options: SocialImagesOptions): void {
  config.addGlobalData("defaultSocialImage", DEFAULT_SOCIAL_IMAGE);
  config.on("eleventy.before", async ({ directories, runMode }) => {
    if (options.writeImages === false) {
      refuseLeftOutInWebBuild(runMode, "socialImagesPlugin", "writeImages", "the social images");
      return;
    }
    if (options.dev.maySkip(runMode)) return;
    // Content that does not load is reported by the pages' data, every problem listed; there is nothing to draw.
    const model = await options.model.get().catch(() => undefined);
    if (!model) return;
    await publishSocialImages(
      socialImageJobs(model).map((job) => ({ svg: socialImageSvg(job.card), path: job.path })),
      options.cacheFolder,
      directories.output,
    );
  });
}
