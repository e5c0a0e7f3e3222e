import type { EleventyEventDetails } from "./eleventy-config.ts";

/**
 * Stops a build for the web (`npm run build`, Netlify's production and previews) that was asked to leave out a
 * step of its output: only a test's reference build, a development build, may (tests/support/reference-build-config.ts).
 * The deploy would otherwise lack what the step writes, and nothing else would notice.
 */
export function refuseLeftOutInWebBuild(runMode: EleventyEventDetails["runMode"], plugin: string, option: string, what: string): void {
  if (runMode === "build") throw new Error(`${plugin}: a build for the web (npm run build, Netlify) always writes ${what} (${option}: false is for development builds)`);
}
