import type { SiteModel } from "../collections/site-model.ts";
import type { CatalogCourse } from "../collections/views.ts";
import { BUILD_MEMORY_MB, RENDER_RUN_MB } from "../build/memory-budget.ts";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { refuseLeftOutInWebBuild } from "../eleventy/development-only.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { pageTableOf } from "../pages/page-table.ts";
import { publishSocialImages } from "../social/social-image-cache.ts";
import { RASTER_PROCESS_MB } from "../social/social-image-raster.ts";
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
  /** Whether the cards may be drawn while the pages render, given what the build's process holds (MB). Default drawsBesidePages. */
  besidePages?: (ownMB: number) => boolean;
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
 * Whether the cards may be drawn while Eleventy renders the pages of a build for the web, when the build's own process
 * holds `ownMB`: the rasteriser's process and a run's pages (at most BATCH_PAGES of them) must fit in BUILD_MEMORY_MB
 * beside it. Drawn beside the pages, the child's two cores' work overlaps the rendering's one (a build of 4,000
 * articles that draws every card: about a tenth shorter, docs/PERFORMANCE.md); otherwise the pages wait for the
 * cards, as at 10,000 articles, whose build holds about 1 GB before a page renders.
 */
export function drawsBesidePages(ownMB: number): boolean {
  return ownMB + RENDER_RUN_MB + RASTER_PROCESS_MB <= BUILD_MEMORY_MB;
}

/**
 * Publishes the social images in each build, started before the pages render. Each PNG is cached by a hash of its
 * SVG (src/social/social-image-cache.ts), so an unchanged title costs one hard link on the next build and no
 * rasteriser is started. In a build for the web, cards still to draw are drawn (a few in this process, more by a
 * child process: src/social/social-image-raster.ts) while the pages render when memory allows (drawsBesidePages),
 * and waited for once the pages are written: the plugins after this one (the search index, `_headers`) find them in
 * the output, and a card that could not be drawn fails the build. The drawing is also told to the caller
 * ("hsg.cardsDrawing"): a build that fails before then still ends only once it has (src/build/build-output.ts).
 * `npm start` renders every page in one run, which the memory rule does not cover: its pages wait for the cards.
 */
export function socialImagesPlugin(config: EleventyConfig, options: SocialImagesOptions): void {
  config.addGlobalData("defaultSocialImage", DEFAULT_SOCIAL_IMAGE);
  const besidePages = options.besidePages ?? drawsBesidePages;
  /** The cards being drawn beside the pages, which eleventy.after waits for. */
  let drawing: Promise<unknown> | undefined;
  config.on("eleventy.before", async ({ directories, runMode }) => {
    drawing = undefined;
    if (options.writeImages === false) {
      refuseLeftOutInWebBuild(runMode, "socialImagesPlugin", "writeImages", "the social images");
      return;
    }
    if (options.dev.maySkip(runMode)) return;
    // Content that does not load is reported by the pages' data, every problem listed; there is nothing to draw.
    const model = await options.model.get().catch(() => undefined);
    if (!model) return;
    const publishing = publishSocialImages(
      socialImageJobs(model).map((job) => ({ svg: socialImageSvg(job.card), path: job.path })),
      options.cacheFolder,
      directories.output,
    );
    if (options.dev.watching() || !besidePages(process.memoryUsage.rss() / 2 ** 20)) {
      await publishing;
      return;
    }
    drawing = publishing;
    // Its failure is eleventy.after's to report; a build that fails before then has reported its own.
    publishing.catch(() => undefined);
    await config.emit("hsg.cardsDrawing", publishing);
  });
  // Registered before the plugins that read the written site, and run in order (`setEventEmitterMode("sequential")`).
  config.on("eleventy.after", async () => {
    const publishing = drawing;
    drawing = undefined;
    await publishing;
  });
}
