import { CONTENT_PATHS } from "../content/content-paths.ts";
import { SHARED_IMAGES_FOLDER } from "../images/image-options.ts";
import { PAGE_COPY_FOLDER } from "../schemas/page-copy.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * How long a saved file's size must stay the same before the watcher reports it (Eleventy's own wait is 150 ms, a
 * seventh of the save-to-page target): long enough for an editor's write, which is one call or a rename.
 * scripts/start.ts's own watcher of the articles waits as long for the events on a file to stop.
 */
export const WRITE_SETTLED_MS = 50;

/** The folders editors change; everything else (templates, layouts, styles, code) changes how pages look. */
const CONTENT_FOLDERS = [CONTENT_PATHS.articles, PAGE_COPY_FOLDER, SHARED_IMAGES_FOLDER, CONTENT_PATHS.data].map((folder) => `${folder}/`);

/**
 * The event `npm start` (scripts/start.ts) emits on Eleventy's config once Eleventy's watcher is listening, which
 * Eleventy itself tells no plugin: from then on every save is reported, so a load made now is a base for the next.
 */
export const WATCHER_READY_EVENT = "hsg.watcherReady";

/** Whether a repository-relative path is in a folder editors change. */
function isContent(file: string): boolean {
  return CONTENT_FOLDERS.some((folder) => file.startsWith(folder));
}

/**
 * What `npm start` needs to know to keep the save-to-page loop short: whether this is the first build of the
 * process, and which files changed since the last one. Steps that are slow and whose output an editor rarely
 * needs at once (the Pagefind index, the social images) run on the first build and are then left as they
 * are; the stylesheet is compiled again only when a stylesheet changed. Production builds do everything, in the
 * first run of a build in batches (src/eleventy/page-batches.ts): its later runs skip the same steps.
 */
export class DevRebuilds {
  /** A later run of a build in batches (src/eleventy/page-batches.ts): the first run did every step over the whole site. */
  readonly #laterRun: boolean;
  #rebuilds = 0;
  #changed: string[] = [];
  /** Every file reported changed since the content was last loaded (contentChangedSinceLoad), repository-relative. */
  readonly #sinceLoad = new Set<string>();
  #sinceLoadOnlyContent = true;
  /** Whether the content was last loaded with the watcher already listening. */
  #loadedWhileWatching = false;
  /** Whether Eleventy's watcher listens: told by `npm start` (WATCHER_READY_EVENT), or known from a rebuild. */
  #watching = false;
  readonly #onWatcherReady: (() => Promise<void>)[] = [];

  constructor(options: { laterRun?: boolean } = {}) {
    this.#laterRun = options.laterRun ?? false;
  }

  /** Listens to Eleventy's watch event, which comes before every rebuild and never before the first build. */
  register(config: EleventyConfig): void {
    config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: WRITE_SETTLED_MS, pollInterval: 10 } });
    config.on(WATCHER_READY_EVENT, async () => {
      this.#watching = true;
      // HSG_DEV_FULL=1 has every load read every file: no load is worth making ahead.
      if (!this.#loadedWhileWatching && process.env.HSG_DEV_FULL !== "1") await Promise.all(this.#onWatcherReady.map((listener) => listener()));
    });
    config.on("eleventy.beforeWatch", (changed: unknown) => {
      this.#rebuilds++;
      this.#watching = true;
      // Eleventy reports "./content/articles/a.md"; kept repository-relative.
      this.#changed = Array.isArray(changed) ? changed.map((file) => String(file).replace(/^\.\//, "")) : [];
      for (const file of this.#changed) {
        this.#sinceLoad.add(file);
        if (!isContent(file)) this.#sinceLoadOnlyContent = false;
      }
    });
  }

  /**
   * Called by the one load of the content in each build: the files reported changed since the last load, when a
   * load may take every other file from the last one (src/content/load-content.ts's LoadReuse), or undefined when
   * it must read them all. They may be taken when only content changed (code and templates change what a file
   * loads into) and the last load ran with the watcher listening: Eleventy starts its watcher only after the first
   * build, so a file saved during that build is reported to nobody, and the first load after it reads every file
   * (a rebuild's, or the one `npm start` makes ahead of the first save: onWatcherReady). Changes reported to
   * builds that loaded nothing (one that failed first) are kept until a load takes them.
   */
  contentChangedSinceLoad(): ReadonlySet<string> | undefined {
    const usable = this.#loadedWhileWatching && this.#sinceLoadOnlyContent && process.env.HSG_DEV_FULL !== "1";
    const changed = usable ? new Set(this.#sinceLoad) : undefined;
    this.#sinceLoad.clear();
    this.#sinceLoadOnlyContent = true;
    this.#loadedWhileWatching = this.#watching;
    return changed;
  }

  /**
   * Calls `listener` when Eleventy's watcher starts listening while the last load was made before it (the first
   * build's): a load made then, ahead of the first save, spares that save reading every file. The event's emitter
   * (scripts/start.ts) waits for it.
   */
  onWatcherReady(listener: () => Promise<void>): void {
    this.#onWatcherReady.push(listener);
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
    return this.#changed.length > 0 && this.#changed.every(isContent);
  }

  /**
   * Whether this is a later run of a build in batches, whose first run did every step over the whole site from the
   * same model: the steps that `npm start` must redo on a save (pictures, brand files, `_redirects`) ask this.
   */
  laterRun(): boolean {
    return this.#laterRun;
  }

  /**
   * Whether a step may be skipped in this build: a later build of `npm start` in which none of its inputs changed,
   * or a later run of a build in batches, whose first run did it with the same inputs.
   */
  maySkip(runMode: string, inputChanged: (file: string) => boolean = () => false): boolean {
    if (this.#laterRun) return true;
    if (runMode === "build" || this.#rebuilds === 0) return false;
    // HSG_DEV_FULL=1 asks `npm start` to redo every step on every save (search index and social images too).
    if (process.env.HSG_DEV_FULL === "1") return false;
    return !this.#changed.some(inputChanged);
  }
}
