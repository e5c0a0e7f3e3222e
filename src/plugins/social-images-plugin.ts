import type { SiteModel } from "../collections/site-model.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { publishSocialImages } from "../social/social-image-cache.ts";
import { DEFAULT_SOCIAL_IMAGE, SOCIAL_IMAGE, socialImageSvg, type SocialCard } from "../social/social-image-svg.ts";

/** Options of the social images plugin. */
export interface SocialImagesOptions {
  model: SiteModelSource;
  /** Where rasterised images are kept between builds, keyed by their content. */
  cacheFolder: string;
  /** In `npm start`, the images are made on the first build only (HSG_DEV_FULL=1 asks for them on every save). */
  dev: DevRebuilds;
}

/** One image to write: the card and the site path it is published at. */
interface SocialImageJob {
  card: SocialCard;
  path: string;
}

/** Every social image of the site: one per article and course, and the site's default. */
export function socialImageJobs(model: SiteModel): SocialImageJob[] {
  const { site } = model.content;
  const host = new URL(site.url).hostname.replace(/^www\./, "");
  const card = (title: string, eyebrow: string): SocialCard => ({ title, eyebrow, brand: site.name, host });
  return [
    { card: card(site.tagline, "Training and consulting in Denver"), path: DEFAULT_SOCIAL_IMAGE },
    // An article with a lead image is shared with that image, so it needs no card.
    ...model.articles.list.filter((article) => !article.leadImage).map((article) => ({ card: card(article.title, "Article"), path: article.socialImage })),
    ...model.catalog.courses.map((course) => ({
      card: card(course.title, `Course · ${course.levelLabel} · ${course.durationDays === 1 ? "1 day" : `${course.durationDays} days`}`),
      path: course.socialImage,
    })),
  ];
}

/**
 * Publishes the social images after each build. Each PNG is cached by a hash of its SVG (src/social/social-image-cache.ts),
 * so an unchanged title costs one hard link on the next build and eleventy-img is not even loaded.
 */
export function socialImagesPlugin(config: EleventyConfig, options: SocialImagesOptions): void {
  config.addGlobalData("defaultSocialImage", DEFAULT_SOCIAL_IMAGE);
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.dev.maySkip(runMode)) return;
    const jobs = socialImageJobs(await options.model.get());
    await publishSocialImages(
      jobs.map((job) => ({ svg: socialImageSvg(job.card), path: job.path })),
      options.cacheFolder,
      directories.output,
    );
  });
}
