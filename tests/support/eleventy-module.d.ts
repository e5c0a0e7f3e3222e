/** The part of Eleventy's programmatic API the tests use (Eleventy ships no types for it). */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input: string | undefined, output: string, options: { quietMode?: boolean; configPath?: string; runMode?: "build" | "watch" | "serve" });
    write(): Promise<unknown>;
  }
}
