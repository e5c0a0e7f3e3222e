import type { RenderedFragmentLink } from "../checks/check-links.ts";
import type { BatchPlan } from "./page-batches.ts";

/**
 * The part of Eleventy's configuration API this project uses. Eleventy ships its UserConfig as untyped
 * JavaScript, so plugins are written against this narrow interface instead of `any`.
 */
export interface EleventyConfig {
  /** A plugin without options. */
  addPlugin(plugin: (config: EleventyConfig) => void): void;
  /** A plugin with options: they are required whenever the plugin declares them. */
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addShortcode(name: string, shortcode: (...args: never[]) => string): void;
  addExtension(
    extensions: string | string[],
    options: {
      key: string;
      compileOptions?: { cache?: boolean; permalink?: (permalink: unknown, inputPath: string) => unknown };
      /**
       * `source` is the file's text, or, for an extension with getInstanceFromInputPath, the instance that gave
       * (Eleventy asks for it in place of reading the file): each extension declares the one it gets.
       */
      compile?: (source: never, inputPath: string) => (data: object) => Promise<string>;
      /** true: the template's `data` comes from the instance getInstanceFromInputPath gives. */
      getData?: boolean;
      /** The template's module instance, for an extension whose files Eleventy must not import itself. */
      getInstanceFromInputPath?: (inputPath: string) => Promise<object>;
    },
  ): void;
  /** Folders, as a config file's returned `dir` would name them (includes and data relative to the input folder). */
  setInputDirectory(folder: string): void;
  setIncludesDirectory(folder: string): void;
  setDataDirectory(folder: string): void;
  setTemplateFormats(formats: string[]): void;
  addWatchTarget(target: string): void;
  /** Options of chokidar, Eleventy's file watcher, merged over Eleventy's own (which wait 150 ms for a write to settle). */
  setChokidarConfig(options: { awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number } }): void;
  // No addPassthroughCopy: Eleventy's copy is not awaited by a build that fails, and goes on writing into the output
  // `npm run build` removes (a failed build's report was lost to that race). Files are written by awaited listeners.
  /** Options for gray-matter, which Eleventy merges into its own (engines by language name). */
  setFrontMatterParsingOptions(options: { engines: Record<string, (text: string, options?: { filePath?: string }) => object> }): void;
  /** Options of Eleventy's dev server (`npm start`): connect-style middleware runs before it serves a file. */
  setServerOptions(options: { middleware?: ((request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, next: () => void) => void)[] }): void;
  setNunjucksEnvironmentOptions(options: { throwOnUndefined?: boolean; autoescape?: boolean }): void;
  /** "sequential" runs eleventy.before/after listeners one after another, in registration order. */
  setEventEmitterMode(mode: "parallel" | "sequential"): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (details: EleventyEventDetails) => unknown): void;
  /** Before a rebuild in watch or serve mode, with the changed files (paths relative to the project, "./" first). */
  on(event: "eleventy.beforeWatch", listener: (changedFiles: unknown) => unknown): void;
  /** Eleventy's watcher listens (src/eleventy/dev-rebuilds.ts's WATCHER_READY_EVENT, emitted by scripts/start.ts). */
  on(event: "hsg.watcherReady", listener: () => unknown): void;
  /** When Eleventy has made its Nunjucks environment: `{ nunjucks, environment }`. */
  on(event: "eleventy.engine.njk", listener: (handles: unknown) => unknown): void;
  /** The search pages a build leaves to its caller to index (src/plugins/pagefind-plugin.ts), relative to the output. */
  on(event: "hsg.searchedFiles", listener: (files: readonly string[]) => unknown): void;
  emit(event: "hsg.searchedFiles", files: readonly string[]): Promise<unknown>;
  /** The Markdown links to #fragments of written pages a build leaves to its caller to check (src/plugins/rendered-fragments-plugin.ts). */
  on(event: "hsg.fragmentLinks", listener: (links: readonly RenderedFragmentLink[]) => unknown): void;
  emit(event: "hsg.fragmentLinks", links: readonly RenderedFragmentLink[]): Promise<unknown>;
  /** How many runs a build in batches takes, and its model (src/eleventy/page-batches.ts), told by its first run. */
  on(event: "hsg.buildBatches", listener: (plan: BatchPlan) => unknown): void;
  emit(event: "hsg.buildBatches", plan: BatchPlan): Promise<unknown>;
  /** Social cards left drawing while the pages render (src/plugins/social-images-plugin.ts), settled or not. */
  on(event: "hsg.cardsDrawing", listener: (drawing: Promise<unknown>) => unknown): void;
  emit(event: "hsg.cardsDrawing", drawing: Promise<unknown>): Promise<unknown>;
}

/** What Eleventy passes to eleventy.before and eleventy.after listeners. */
export interface EleventyEventDetails {
  directories: { output: string; input: string };
  runMode: "build" | "watch" | "serve";
}
