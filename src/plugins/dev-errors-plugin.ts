import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { DevErrors } from "../eleventy/dev-error-page.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import type { ContentProblem } from "../content/problems.ts";

/** Options of the dev errors plugin. */
export interface DevErrorsOptions {
  /** The per-build model whose loading finds the content's problems. */
  model: SiteModelSource;
  /** Tells `npm start` from a production build. */
  dev: DevRebuilds;
}

/** The ContentError inside an error, however Eleventy wrapped it. */
function contentErrorIn(error: unknown): (Error & { problems: readonly ContentProblem[]; skipOriginalStack?: boolean }) | undefined {
  for (let current = error, depth = 0; typeof current === "object" && current !== null && depth < 20; depth++) {
    if ((current as Error).name === "ContentError" && Array.isArray((current as { problems?: unknown }).problems)) return current as Error & { problems: readonly ContentProblem[] };
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
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
      const content = contentErrorIn(error);
      if (content) {
        errors.fail(content.problems);
        // Eleventy prints the error's message (the list) and, unless told otherwise, a stack trace of our code.
        content.skipOriginalStack = true;
      }
      throw error;
    }
  });
  config.on("eleventy.after", () => errors.clear());
}
