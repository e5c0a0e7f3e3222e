import type { BuildOptions } from "../../.eleventy.ts";

/**
 * What a reference build leaves out: the steps `npm start` runs on its first build only (the search index, the
 * social images, `_headers`), which the watcher test's comparison skips anyway, and the record of what each page
 * reads, which the build it is compared with relies on and it must not (its pages render as a build for the web
 * renders them). Each plugin refuses the first three in a build for the web. Nothing content can change is left
 * out: `_redirects`, the pages and the sitemaps are written.
 */
export const REFERENCE_BUILD: BuildOptions = { searchIndex: false, socialImages: false, headersFile: false, recordReads: false };
