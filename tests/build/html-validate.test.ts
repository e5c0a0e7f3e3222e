import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Message } from "html-validate";
import { describe, expect, it } from "vitest";
import { siteHtmlValidator } from "../support/html-validator.ts";
import { allPages, buildDir } from "../support/site-output.ts";

// The fixture and the sample content share most of their pages byte for byte (103 of about 160 when measured):
// html-validate's findings depend on a page's bytes alone (one configuration for every file), so a page already
// validated in the other build is not validated again, and its findings are reported under this build's path.
const findingsByContent = new Map<string, Promise<Message[]>>();

/** html-validate's messages for one page, validated once per distinct content. */
function findings(validator: ReturnType<typeof siteHtmlValidator>, file: string, html: string): Promise<Message[]> {
  const key = createHash("sha256").update(html).digest("hex");
  let found = findingsByContent.get(key);
  if (!found) {
    found = validator.validateString(html, file).then((report) => report.results.flatMap((result) => result.messages));
    findingsByContent.set(key, found);
  }
  return found;
}

describe("html-validate, recommended preset with heading levels and required selects", () => {
  // The fixture build, and the real sample content: valid content must never give an invalid page.
  it.each(["december", "sample"] as const)("finds no error on any page of the %s build", async (build) => {
    const validator = siteHtmlValidator();
    const dir = buildDir(build);
    const failures: string[] = [];
    for (const file of await allPages(dir)) {
      const html = await readFile(path.join(dir, file), "utf8");
      for (const message of await findings(validator, path.join(dir, file), html)) failures.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
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

  it("accepts spaces at the end of a line of an editor's code block, which <pre> keeps as the editor wrote them", async () => {
    expect(await errors("<pre><code>decide(facts)   \n  -> outcome</code></pre>")).toEqual([]);
  });

  it("reports a required select without an empty first option, and accepts one with it", async () => {
    const select = (options: string, attributes = "required") => `<label for="s">Where</label><select id="s" name="s" ${attributes}>${options}</select>`;
    expect(await errors(select('<option value="online">Online</option>'))).toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="">Choose where</option><option value="online">Online</option>'))).not.toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="online">Online</option>', "required multiple"))).not.toContain("hsg/required-select-placeholder");
    expect(await errors(select('<option value="online">Online</option>', ""))).not.toContain("hsg/required-select-placeholder");
  });
});
