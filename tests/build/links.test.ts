import { describe, expect, it } from "vitest";
import { brokenLinks } from "../support/link-check.ts";
import { buildDir } from "../support/site-output.ts";

describe("internal links", () => {
  it.each(["december", "march", "development", "sample"] as const)("every link, asset and #fragment resolves in the %s build", async (build) => {
    expect(await brokenLinks(buildDir(build))).toEqual([]);
  });
});
