import type { SiteModelSource } from "../build/site-model-source.ts";
import { checkRenderedFragments, settleRenderedFragments } from "../checks/check-rendered-fragments.ts";
import { linksToRenderedFragments } from "../checks/check-site.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { pageTableOf } from "../pages/page-table.ts";

/** Options of the rendered fragments plugin. */
export interface RenderedFragmentsOptions {
  /** The build's model, whose Markdown links are checked. */
  model: SiteModelSource;
  dev: DevRebuilds;
  /**
   * true: src/build/build-output.ts checks the links once every run of a build in batches has written its pages, and
   * hears them from the event "hsg.fragmentLinks" (a page a link names may be written by a later run).
   */
  checkAfterEleventy?: boolean;
}

/**
 * Checks, once the pages are written, each Markdown link to a #fragment of a page whose ids only its template knows
 * ("/about/#faculty", "/schedule/#month-2027-01"): the content check knows an article's ids, not these, and a
 * fragment that does not exist (a section renamed, a typo) sends a reader to the top of the page. A build for the web
 * stops with the link's file and line, but for a section that time took away (a month gone by, a class's closed
 * registration), a warning; `npm start` does not check them.
 */
export function renderedFragmentsPlugin(config: EleventyConfig, options: RenderedFragmentsOptions): void {
  config.on("eleventy.after", async ({ directories, runMode }) => {
    const links = async () => {
      const model = await options.model.get();
      return linksToRenderedFragments(model, pageTableOf(model));
    };
    if (options.checkAfterEleventy) {
      if (!options.dev.laterRun()) await config.emit("hsg.fragmentLinks", await links());
      return;
    }
    if (runMode !== "build") return;
    settleRenderedFragments(await checkRenderedFragments(directories.output, await links()));
  });
}
