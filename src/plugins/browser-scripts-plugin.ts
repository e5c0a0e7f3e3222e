import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the browser scripts plugin. */
export interface BrowserScriptsOptions {
  /** Source file (from the project root) -> path below the output folder. */
  files: Record<string, string>;
}

/** Copies the few scripts that enhance pages (only search) as files, never inline, so the CSP needs no 'unsafe-inline'. */
export function browserScriptsPlugin(config: EleventyConfig, options: BrowserScriptsOptions): void {
  config.addPassthroughCopy(options.files);
}
