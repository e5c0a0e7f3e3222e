import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";

let site: OnePageSite;
beforeAll(async () => {
  site = await onePageSite();
});
afterAll(() => site.remove());

/**
 * What Eleventy prints while a build of the one-page site fails on purpose, with its reports silenced
 * (silenceErrorReports, as the one-page site's builds do) or not.
 */
async function printedByFailedBuild(silenced: boolean): Promise<string> {
  const printed: string[] = [];
  const listeners = (["log", "info", "warn", "error"] as const).map((method) => vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void printed.push(parts.join(" "))));
  try {
    const stop = (config: EleventyConfig) =>
      config.on("eleventy.before", () => {
        throw new Error("a build stopped on purpose");
      });
    await expect(site.build(stop, "build", { reportsErrors: !silenced })).rejects.toThrow(/a build stopped on purpose/);
  } finally {
    for (const listener of listeners) listener.mockRestore();
  }
  return printed.join("\n");
}

describe("silenceErrorReports", () => {
  it("leaves a failed build's error to the caller: Eleventy prints its report of it otherwise, and none with it", async () => {
    expect(await printedByFailedBuild(false)).toContain("a build stopped on purpose");
    // Its one-line count of the files written stays.
    expect(await printedByFailedBuild(true)).not.toContain("a build stopped on purpose");
  });
});
