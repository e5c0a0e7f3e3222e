import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModelSource } from "../build/site-model-source.ts";
import type { DevRebuilds } from "../eleventy/dev-rebuilds.ts";
import { refuseLeftOutInWebBuild } from "../eleventy/development-only.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { metaContentSecurityPolicy } from "../netlify/header-policy.ts";
import { writeHeadersFile } from "../netlify/headers-output.ts";
import { redirectRules, redirectsFile } from "../netlify/redirect-rules.ts";
import { SITE_PATHS } from "../urls/site-urls.ts";

/** Options of the Netlify files plugin. */
export interface NetlifyFilesOptions {
  model: SiteModelSource;
  /** In `npm start`, `_headers` (a walk of every written file) is written on the first build only. */
  dev: DevRebuilds;
  /**
   * false leaves `_headers` out of a development build: for a test's reference build, whose comparison skips it
   * (`npm start` writes it on its first build only). `_redirects` is written all the same: content changes it.
   * A build for the web refuses it. Default true.
   */
  writeHeaders?: boolean;
  /** true: `_headers` is written by src/build/build-output.ts once Eleventy has returned (see BuildOptions). */
  headersAfterEleventy?: boolean;
}

/**
 * Writes `_redirects` and `_headers` after the pages exist (`_headers` after Eleventy returns, when asked). The redirects were checked against the page table
 * with the content (src/checks/check-site.ts: each target a page, no old path a page); `_headers` covers every
 * written file, including those named by their hash, so it walks the output.
 */
export function netlifyFilesPlugin(config: EleventyConfig, options: NetlifyFilesOptions): void {
  config.addFilter("contentSecurityPolicy", (url: string) => metaContentSecurityPolicy(url));
  config.on("eleventy.after", async ({ directories, runMode }) => {
    if (options.writeHeaders === false) refuseLeftOutInWebBuild(runMode, "netlifyFilesPlugin", "writeHeaders", "_headers");
    if (options.dev.laterRun()) return;
    const output = directories.output;
    const model = await options.model.get();
    await writeFile(path.join(output, SITE_PATHS.netlifyRedirects), redirectsFile(redirectRules(model)));
    if (options.writeHeaders === false || options.headersAfterEleventy || options.dev.maySkip(runMode)) return;
    await writeHeadersFile(output, process.env.CONTEXT);
  });
}
