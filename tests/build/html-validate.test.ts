import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { allPages, buildDir } from "../support/site-output.ts";

describe("html-validate, recommended preset", () => {
  // The fixture build, and the real sample content: valid content must never give an invalid page.
  it.each(["december", "sample"] as const)("finds no error on any page of the %s build", async (build) => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    const dir = buildDir(build);
    const failures: string[] = [];
    for (const file of await allPages(dir)) {
      const report = await validator.validateFile(path.join(dir, file));
      for (const result of report.results) {
        for (const message of result.messages) failures.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
