import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isFingerprinted } from "../../src/assets/fingerprint.ts";
import { allFiles, buildDir, fileForUrl, stylesheetFontUrls } from "../support/site-output.ts";

describe("the site's fonts in a build", () => {
  it("are each published under its content's hash, and are exactly the files the stylesheet's url()s load", async () => {
    const dir = buildDir("december");
    const fonts = (await allFiles(dir)).filter((file) => file.startsWith("/assets/fonts/"));
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    expect(fonts.filter((file) => !isFingerprinted(file, readFileSync(fileForUrl(dir, file))))).toEqual([]);
    expect(stylesheetFontUrls(dir).sort()).toEqual(fonts);
  });
});
