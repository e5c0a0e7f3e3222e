import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/**
 * Lets `*.11ty.ts` files be JavaScript templates (tsx, loaded by the build command, compiles them).
 * Their output is not escaped by Eleventy: they return calendars and feeds, never HTML built from strings.
 */
export function typescriptTemplatesPlugin(config: EleventyConfig): void {
  config.addExtension(["11ty.ts"], { key: "11ty.js" });
}
