/**
 * The part of Eleventy's configuration API this project uses. Eleventy ships its UserConfig as untyped
 * JavaScript, so plugins are written against this narrow interface instead of `any`.
 */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addShortcode(name: string, shortcode: (...args: never[]) => string): void;
  addExtension(extensions: string | string[], options: { key: string }): void;
  addTemplateFormats(formats: string | string[]): void;
  addWatchTarget(target: string): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  setNunjucksEnvironmentOptions(options: { throwOnUndefined?: boolean; autoescape?: boolean }): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (details: EleventyEventDetails) => unknown): void;
  /** Eleventy's own output directory, known once the configuration is read. */
  readonly directories: { readonly output: string; readonly input: string };
}

/** What Eleventy passes to eleventy.before and eleventy.after listeners. */
export interface EleventyEventDetails {
  directories: { output: string; input: string };
  runMode: "build" | "watch" | "serve";
  outputMode?: string;
}
