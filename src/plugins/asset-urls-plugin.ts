import type { AssetManifest } from "../assets/fingerprint.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

/** Options of the asset URLs plugin. */
export interface AssetUrlsOptions {
  /** The hashed URLs the stylesheet and script plugins record before the pages render. */
  assets: AssetManifest;
}

/** The `assetUrl` filter: `"/assets/site.css" | assetUrl` is the stylesheet's fingerprinted URL in this build. */
export function assetUrlsPlugin(config: EleventyConfig, options: AssetUrlsOptions): void {
  config.addFilter("assetUrl", (url: string) => options.assets.url(url));
}
