import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fingerprintedPath, type AssetManifest } from "../assets/fingerprint.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the browser scripts plugin. */
export interface BrowserScriptsOptions {
  /** Source file (from the project root) -> its plain URL, e.g. "/assets/search.js". */
  files: Record<string, string>;
  /** Where the hashed URLs are recorded for templates. */
  assets: AssetManifest;
}

/**
 * Writes the few scripts that enhance pages (only search) as files, never inline, so the CSP needs no
 * 'unsafe-inline'; each under a name with its content hash, so it can be cached for a year.
 */
export function browserScriptsPlugin(config: EleventyConfig, options: BrowserScriptsOptions): void {
  for (const source of Object.keys(options.files)) config.addWatchTarget(source);
  config.on("eleventy.before", async ({ directories }) => {
    for (const [source, plainUrl] of Object.entries(options.files)) {
      const content = await readFile(source);
      const url = fingerprintedPath(plainUrl, content);
      const target = path.join(directories.output, url);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      options.assets.set(plainUrl, url);
    }
  });
}
