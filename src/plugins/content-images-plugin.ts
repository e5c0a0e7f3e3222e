import type { SiteModel } from "../collections/site-model.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import { leadPicture, type PictureSlot } from "../content/render-body.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import type { ImageJob, PreparedImage } from "../images/content-images.ts";
import { publishImages } from "../images/publish-images.ts";

/** Options of the content images plugin. */
export interface ContentImagesOptions {
  model: SiteModelSource;
  /** The project root the content's image paths are relative to. */
  root: string;
  /** A later run of a build in batches leaves the pictures its first run published (all of the model's). */
  dev: DevRebuilds;
}

/** Every image the pages of this build show: lead images, portraits, and images in article, course and service bodies. */
export function contentImageJobs(model: SiteModel): ImageJob[] {
  return [
    ...model.articles.list.flatMap((article) => article.imageJobs),
    ...model.catalog.courses.flatMap((course) => course.imageJobs),
    ...model.services.flatMap((service) => service.imageJobs),
    ...model.instructors.flatMap((instructor) => instructor.imageJobs),
    ...model.articles.authors.flatMap((author) => author.imageJobs),
  ];
}

/**
 * Images in content: the `picture` shortcode places a lead image (`{% picture article.leadImage, article.imageAlt, "card" %}`) or a portrait (`"portrait"`, `"avatar"`),
 * and after the pages are written the images they refer to are published from eleventy-img's cache.
 */
export function contentImagesPlugin(config: EleventyConfig, options: ContentImagesOptions): void {
  config.addShortcode("picture", (image: PreparedImage | undefined, alt: string, slot: PictureSlot) => (image ? leadPicture(image, alt, slot) : ""));
  config.on("eleventy.after", async ({ directories }) => {
    if (options.dev.laterRun()) return;
    await publishImages(contentImageJobs(await options.model.get()), options.root, directories.output);
  });
}
