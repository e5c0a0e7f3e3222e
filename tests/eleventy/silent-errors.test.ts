import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EleventyConfig } from "../../src/eleventy/eleventy-config.ts";
import { silenceErrorReports } from "../../src/eleventy/silent-errors.ts";
import { onePageSite, type OnePageSite } from "../support/one-page-site.ts";

let site: OnePageSite;
beforeAll(async () => {
  site = await onePageSite();
});
afterAll(() => site.remove());

/** What Eleventy prints while a build of the one-page site fails on purpose, with its reports silenced or not. */
async function printedByFailedBuild(silenced: boolean): Promise<string> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  const printed: string[] = [];
  const listeners = (["log", "info", "warn", "error"] as const).map((method) => vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void printed.push(parts.join(" "))));
  const previous = process.env.ELEVENTY_RUN_MODE;
  try {
    const stop = (config: EleventyConfig) =>
      config.on("eleventy.before", () => {
        throw new Error("a build stopped on purpose");
      });
    const eleventy = new Eleventy(path.join(site.folder, "input"), path.join(site.folder, `output-${silenced}`), { quietMode: true, configPath: path.join(site.folder, "empty-config.mjs"), config: stop });
    if (silenced) silenceErrorReports(eleventy);
    await expect(eleventy.write()).rejects.toThrow(/a build stopped on purpose/);
  } finally {
    for (const listener of listeners) listener.mockRestore();
    if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
    else process.env.ELEVENTY_RUN_MODE = previous;
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
