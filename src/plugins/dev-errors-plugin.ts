import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { DevErrors } from "../eleventy/dev-error-page.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { contentErrorOf } from "../build/failure-report.ts";

/** Options of the dev errors plugin. */
export interface DevErrorsOptions {
  /** The per-build model whose loading finds the content's problems. */
  model: SiteModelSource;
  /** Tells `npm start` from a production build. */
  dev: DevRebuilds;
}

/**
 * In `npm start`, a content error shows in the browser: every page the dev server answers is the problem list
 * (file:line: field: message) until a build finishes again, when the dev server's live reload brings the site
 * back. The terminal prints the list once, through Eleventy's own error report, without the stack trace, which
 * only buries it. Registered last, so that its eleventy.after listener runs only when every other step finished.
 */
export function devErrorsPlugin(config: EleventyConfig, options: DevErrorsOptions): void {
  if (!options.dev.watching()) return;
  const errors = new DevErrors();
  config.setServerOptions({ middleware: [errors.middleware] });
  config.on("eleventy.before", async () => {
    // The model is loaded once per build and shared: asking here first is what the pages' data will get too.
    try {
      await options.model.get();
    } catch (error) {
      const content = contentErrorOf(error);
      if (content) {
        errors.fail(content.problems);
        // Eleventy prints the error's message (the list) and, unless told otherwise, a stack trace of our code.
        (content as { skipOriginalStack?: boolean }).skipOriginalStack = true;
      }
      throw error;
    }
    // The content loads again: its old problem list must not outlive it, even if this build fails later (Eleventy
    // emits eleventy.after only for a build that finished).
    errors.clear();
  });
  config.on("eleventy.after", () => errors.clear());
}
