import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllHeaders } from "netlify-headers-parser";
import { describe, expect, it } from "vitest";
import { PREVIEW_ENV } from "../support/build-site.ts";
import { allPages, buildDir, fileForUrl, page, urlOfFile } from "../support/site-output.ts";

/** A parsed `_headers` rule. */
interface HeaderRule {
  forRegExp: RegExp;
  values: Record<string, string>;
}
type ParseAllHeaders = (options: { headersFiles: string[]; configHeaders: never[]; minimal: boolean }) => Promise<{ headers: HeaderRule[]; errors: Error[] }>;

const PREVIEW_URL = PREVIEW_ENV.DEPLOY_PRIME_URL;
/** The fixture's draft article (`draft: true`). */
const DRAFT = "/articles/evaluating-training-vendors-checklist/";
// The global setup's deploy preview build of the fixture (CONTEXT=deploy-preview, DEPLOY_PRIME_URL=PREVIEW_URL).
const dir = buildDir("preview");

describe("a deploy preview build (CONTEXT=deploy-preview)", () => {
  it("links every page to the preview's own address", async () => {
    for (const url of (await allPages(dir)).map(urlOfFile)) {
      const canonical = page(dir, url)('link[rel="canonical"]').attr("href");
      if (canonical !== undefined) expect(canonical.startsWith(`${PREVIEW_URL}/`), url).toBe(true);
    }
    expect(readFileSync(path.join(dir, "sitemap.xml"), "utf8")).toContain(`<loc>${PREVIEW_URL}/</loc>`);
  });

  it("asks search engines not to index any path", async () => {
    const { headers: rules, errors } = await (parseAllHeaders as unknown as ParseAllHeaders)({ headersFiles: [path.join(dir, "_headers")], configHeaders: [], minimal: false });
    expect(errors).toEqual([]);
    for (const pathname of [...(await allPages(dir)).map(urlOfFile), "/no-such-page/"]) {
      const values = rules.filter((rule) => rule.forRegExp.test(pathname)).flatMap((rule) => (rule.values["X-Robots-Tag"] ? [rule.values["X-Robots-Tag"]] : []));
      expect(values, pathname).toEqual(["noindex"]);
    }
  });

  it("shows a draft article under a Preview banner, which the production build leaves out", () => {
    const draft = page(dir, DRAFT);
    expect(draft("h1").text()).toContain("Evaluating");
    expect(draft.html()).toMatch(/<p class="notice preview-banner" role="note"><strong>Preview<\/strong>/);
    expect(existsSync(fileForUrl(buildDir("december"), DRAFT))).toBe(false);
    expect(page(buildDir("december"), "/").html()).not.toContain("preview-banner");
  });
});
