import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildKind, createBuildContext } from "../../src/collections/build-context.ts";

const now = DateTime.fromISO("2026-12-01T09:00:00-07:00") as DateTime<true>;

describe("build context", () => {
  it("shows unpublished articles with a banner in Netlify previews and branch deploys", () => {
    for (const CONTEXT of ["deploy-preview", "branch-deploy"]) {
      expect(createBuildContext(now, { CONTEXT })).toEqual({ now, includeUnpublished: true, preview: true });
    }
  });

  it("never shows them in production, even when served", () => {
    expect(createBuildContext(now, { CONTEXT: "production" })).toMatchObject({ includeUnpublished: false, preview: false });
    expect(createBuildContext(now, { CONTEXT: "production", ELEVENTY_RUN_MODE: "serve" })).toMatchObject({ includeUnpublished: false });
  });

  it("shows them without a banner in development, and not in a plain local build", () => {
    expect(createBuildContext(now, { ELEVENTY_RUN_MODE: "watch" })).toMatchObject({ includeUnpublished: true, preview: false });
    expect(buildKind({ ELEVENTY_RUN_MODE: "build" })).toBe("production");
    expect(buildKind({ CONTEXT: "dev", ELEVENTY_RUN_MODE: "serve" })).toBe("development");
  });
});
