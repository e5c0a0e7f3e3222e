import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteHtmlValidator } from "../support/html-validator.ts";
import { allPages, buildDir } from "../support/site-output.ts";

describe("html-validate, recommended preset with heading levels and required selects", () => {
  // The fixture build, and the real sample content: valid content must never give an invalid page.
  it.each(["december", "sample"] as const)("finds no error on any page of the %s build", async (build) => {
    const validator = siteHtmlValidator();
    const dir = buildDir(build);
    const failures: string[] = [];
    for (const file of await allPages(dir)) {
      const report = await validator.validateFile(path.join(dir, file));
      for (const result of report.results) {
        for (const message of result.messages) failures.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(failures).toEqual([]);
    // About 9 s a build on an idle machine; a shared, loaded one (a load of 20) took over 60 s.
  }, 240_000);
});

describe("the site's html-validate rules", () => {
  const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>Page</title></head><body><main>${body}</main></body></html>`;
  const errors = async (body: string) => (await siteHtmlValidator().validateString(page(body))).results.flatMap((result) => result.messages.map((message) => message.ruleId));

  it("reports a heading that skips a level", async () => {
    expect(await errors("<h1>Classes</h1><ol><li><h3>A class</h3></li></ol>")).toContain("heading-level");
    expect(await errors("<h1>Classes</h1><h2>List</h2><ol><li><h3>A class</h3></li></ol>")).not.toContain("heading-level");
  });

  it("reports a required select without an empty first option, and accepts one with it", async () => {
    const select = (options: string, attributes = "required") => `<label for="s">Where</label><select id="s" name="s" ${attributes}>${options}</select>`;
    expect(await errors(select('<option value="online">Online</option>'))).toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="">Choose where</option><option value="online">Online</option>'))).not.toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="online">Online</option>', "required multiple"))).not.toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="online">Online</option>', ""))).not.toContain("hsg/required-select-placeholder");
  });
});
