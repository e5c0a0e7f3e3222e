import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteModelSource } from "../collections/site-model-source.ts";
import { ContentError } from "../content/problems.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { headersFile, metaContentSecurityPolicy } from "../netlify/headers-file.ts";
import { redirectProblems, redirectRules, redirectsFile } from "../netlify/redirect-rules.ts";

/** Options of the Netlify files plugin. */
export interface NetlifyFilesOptions {
  model: SiteModelSource;
  /** The search page's top-level folder, which gets the policy Pagefind needs. */
  searchFolder: string;
}

/**
 * Writes `_redirects` and `_headers` after the pages exist, because both depend on them: a redirect to a page
 * that was not written, or away from a live page, fails the build; the headers cover each top-level path.
 */
export function netlifyFilesPlugin(config: EleventyConfig, options: NetlifyFilesOptions): void {
  config.addFilter("contentSecurityPolicy", (url: string) => metaContentSecurityPolicy(url, options.searchFolder));
  config.on("eleventy.after", async ({ directories }) => {
    const output = directories.output;
    const pageExists = (url: string) => {
      const file = path.join(output, url);
      return url.endsWith("/") ? existsSync(path.join(file, "index.html")) : existsSync(file) || existsSync(path.join(file, "index.html"));
    };
    const model = await options.model.get();
    const rules = redirectRules(model);
    const problems = redirectProblems(rules, pageExists, model.content.lineOf);
    if (problems.length > 0) throw new ContentError(problems);
    await writeFile(path.join(output, "_redirects"), redirectsFile(rules));

    const entries = await readdir(output, { withFileTypes: true });
    const topLevel = entries.filter((entry) => !entry.name.startsWith("_")).map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name));
    await writeFile(path.join(output, "_headers"), headersFile({ context: process.env.CONTEXT, topLevel, searchFolder: options.searchFolder }));
  });
}
