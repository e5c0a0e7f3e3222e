/** The part of Eleventy's programmatic API the tests use (Eleventy ships no types for it). */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    /** `config` is called with Eleventy's config, and awaited, before the config file's function (src/eleventy/eleventy-config.ts types it). */
    constructor(
      input: string | undefined,
      output: string,
      options: {
        quietMode?: boolean;
        /** false: no config file at all (`config` configures the build). */
        configPath?: string | false;
        runMode?: "build" | "watch" | "serve";
        config?: (config: import("../../src/eleventy/eleventy-config.ts").EleventyConfig) => void | Promise<void>;
      },
    );
    /** For a build to the file system: the passthrough copies, and a result for each file the templates wrote. */
    write(): Promise<[unknown, readonly unknown[]]>;
  }
}
