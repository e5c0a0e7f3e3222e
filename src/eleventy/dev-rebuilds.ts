import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * What `npm start` needs to know to keep the save-to-page loop short: whether this is the first build of the
 * process, and which files changed since the last one. Steps that are slow and whose output an editor rarely
 * needs at once (the Pagefind index, the social images) run on the first build and are then left as they
 * are; the stylesheet is compiled again only when a stylesheet changed. Production builds do everything.
 */
export class DevRebuilds {
  #rebuilds = 0;
  #changed: string[] = [];

  /** Listens to Eleventy's watch event, which comes before every rebuild and never before the first build. */
  register(config: EleventyConfig): void {
    config.on("eleventy.beforeWatch", (changed: unknown) => {
      this.#rebuilds++;
      this.#changed = Array.isArray(changed) ? changed.map(String) : [];
    });
  }

  /** Whether a step may be skipped in this build: a later build of `npm start` in which none of its inputs changed. */
  maySkip(runMode: string, inputChanged: (file: string) => boolean = () => false): boolean {
    if (runMode === "build" || this.#rebuilds === 0) return false;
    // HSG_DEV_FULL=1 asks `npm start` to redo every step on every save (search index and social images too).
    if (process.env.HSG_DEV_FULL === "1") return false;
    return !this.#changed.some(inputChanged);
  }
}
