import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildOutput, type BuildReport } from "../../src/build/build-output.ts";
import { configureProjectWith } from "../../src/build/project-config.ts";
import { REPO_ROOT } from "./project-copy.ts";
import { REFERENCE_BUILD } from "./reference-build-config.ts";

export { REPO_ROOT };

/** The clocks the build tests run at: the two reference moments. */
export const CLOCKS = {
  december: "2026-12-01T09:00:00-07:00",
  march: "2027-03-01T00:00:00-07:00",
} as const;

/** The deploy preview the "preview" build is made for: Netlify's variables for a pull request's preview. */
export const PREVIEW_ENV = { CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: "https://deploy-preview-7--hsg-example.netlify.app" } as const;

/**
 * Which build to look at: the tests' fixture content at each clock (and as a development build, and as a deploy
 * preview at the December clock), or the real sample content at the December clock ("sample"), which only
 * content-independent checks read.
 */
export type BuildName = keyof typeof CLOCKS | "development" | "preview" | "sample";

/** The SITE_NOW each build of the global setup is made at: the March build at March's clock, every other at December's. */
export function clockOf(build: BuildName): string {
  return build === "march" ? CLOCKS.march : CLOCKS.december;
}

/** What Eleventy writes into process.env when it starts (Eleventy.initializeEnvironmentVariables). */
const ELEVENTY_VARIABLES = ["ELEVENTY_VERSION", "ELEVENTY_ROOT", "ELEVENTY_SOURCE", "ELEVENTY_RUN_MODE"];

/**
 * Builds the project at `projectRoot` as `npm run build` does (src/build/build-output.ts), into
 * `outputFolder` or a fresh temporary folder, at the clock `siteNow`; rejects where the CLI build would fail.
 * `runMode: "watch"` gives a development build (drafts shown) without starting a watcher; `env` sets more
 * variables for the build (e.g. PREVIEW_ENV), restored afterwards. `options.reference: true` builds without what
 * `npm start` writes on its first build only (tests/support/reference-build-config.ts; development builds only),
 * for a reference whose comparison skips those files; `options.pagesPerBatch` builds in Eleventy runs of that
 * many paginated pages (src/eleventy/page-batches.ts), and `options.report` hears what each run wrote.
 */
export async function buildSite(
  projectRoot: string,
  siteNow: string,
  runMode: "build" | "watch" = "build",
  outputFolder?: string,
  env: Readonly<Record<string, string>> = {},
  options: { reference?: boolean; pagesPerBatch?: number; report?: (report: BuildReport) => void } = {},
): Promise<string> {
  const output = outputFolder ?? (await mkdtemp(path.join(os.tmpdir(), "hsg-site-")));
  const variables = { ...env, SITE_NOW: siteNow };
  // Eleventy sets its own variables too and leaves them: a later model load in this worker would read a watch
  // build's ELEVENTY_RUN_MODE and take itself for a development build (drafts and scheduled articles shown).
  const previous = Object.fromEntries([...Object.keys(variables), ...ELEVENTY_VARIABLES].map((name) => [name, process.env[name]]));
  const previousCwd = process.cwd();
  Object.assign(process.env, variables);
  process.chdir(projectRoot);
  try {
    if (options.reference) {
      // The project's config with the options, given as a function: Eleventy passes a config file none of its own.
      const { default: Eleventy } = await import("@11ty/eleventy");
      await new Eleventy(undefined, output, { quietMode: true, configPath: false, runMode, config: (config) => configureProjectWith(config, REFERENCE_BUILD) }).write();
    } else {
      // As `npm run build` builds: the search index and `_headers` once Eleventy has returned.
      const report = await buildOutput(output, { runMode, ...(options.pagesPerBatch ? { pagesPerBatch: options.pagesPerBatch } : {}) });
      options.report?.(report);
    }
  } finally {
    process.chdir(previousCwd);
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return output;
}
