import { copyFile, link, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import type { SiteModel } from "../collections/site-model.ts";
import type { SiteModelSource } from "../collections/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { useSocialFont } from "../social/social-font.ts";
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
 * Rasterises the social images with eleventy-img after each build. The PNG is named by a hash of its SVG in
 * the cache folder, so an unchanged title costs nothing on the next build; it is then linked to its page's path.
 */
export function socialImagesPlugin(config: EleventyConfig, options: SocialImagesOptions): void {
  config.addGlobalData("defaultSocialImage", DEFAULT_SOCIAL_IMAGE);
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.dev.maySkip(runMode)) return;
    const jobs = socialImageJobs(await options.model.get());
    await useSocialFont(path.join(options.cacheFolder, "fontconfig"));
    await Promise.all(
      jobs.map(async (job) => {
        const metadata = await Image(Buffer.from(socialImageSvg(job.card)), {
          formats: ["png"],
          widths: [SOCIAL_IMAGE.width],
          outputDir: options.cacheFolder,
          svgShortCircuit: false,
          dryRun: false,
        });
        const target = path.join(directories.output, job.path);
        await mkdir(path.dirname(target), { recursive: true });
        await publish(metadata.png![0]!.outputPath, target);
      }),
    );
  });
}

/**
 * Puts a cached image at its published path as a hard link: no bytes are copied, and cached files are never
 * rewritten in place (each is named by its content), so the link cannot change under the site. Across file
 * systems, where a link is impossible, it is copied.
 */
async function publish(cached: string, target: string): Promise<void> {
  await rm(target, { force: true });
  try {
    await link(cached, target);
  } catch {
    await copyFile(cached, target);
  }
}
