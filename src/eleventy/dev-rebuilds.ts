import type { EleventyConfig } from "./eleventy-config.ts";

/** The folders editors change; everything else (templates, layouts, styles, code) changes how pages look. */
const CONTENT_FOLDERS = ["content/articles/", "content/copy/", "content/images/", "_data/"];

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

  /** Whether this process is `npm start` (Eleventy's watch or serve mode), where builds follow saves. */
  watching(): boolean {
    return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
  }

  /**
   * Whether every file changed since the last build of `npm start` is content (articles, page copy, data,
   * images), so that templates, layouts and code are as the last build used them. Never on the first build.
   */
  onlyContentChanged(): boolean {
    if (this.#rebuilds === 0 || process.env.HSG_DEV_FULL === "1") return false;
    return this.#changed.length > 0 && this.#changed.every((file) => CONTENT_FOLDERS.some((folder) => file.replace(/^\.\//, "").startsWith(folder)));
  }

  /** Whether a step may be skipped in this build: a later build of `npm start` in which none of its inputs changed. */
  maySkip(runMode: string, inputChanged: (file: string) => boolean = () => false): boolean {
    if (runMode === "build" || this.#rebuilds === 0) return false;
    // HSG_DEV_FULL=1 asks `npm start` to redo every step on every save (search index and social images too).
    if (process.env.HSG_DEV_FULL === "1") return false;
    return !this.#changed.some(inputChanged);
  }
}
