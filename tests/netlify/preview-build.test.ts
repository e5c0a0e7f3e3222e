import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAllHeaders } from "netlify-headers-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { allPages, page, urlOfFile } from "../support/site-output.ts";

/** A parsed `_headers` rule. */
interface HeaderRule {
  forRegExp: RegExp;
  values: Record<string, string>;
}
type ParseAllHeaders = (options: { headersFiles: string[]; configHeaders: never[]; minimal: boolean }) => Promise<{ headers: HeaderRule[]; errors: Error[] }>;

const PREVIEW_URL = "https://deploy-preview-7--hsg-example.netlify.app";
let project: string;
let dir: string;

beforeAll(async () => {
  project = await copyProject("fixture");
  process.env.CONTEXT = "deploy-preview";
  process.env.DEPLOY_PRIME_URL = PREVIEW_URL;
  try {
    dir = await buildSite(project, CLOCKS.december);
  } finally {
    delete process.env.CONTEXT;
    delete process.env.DEPLOY_PRIME_URL;
  }
}, 180_000);

afterAll(async () => {
  if (project) await removeFolder(project);
  if (dir) await removeFolder(dir);
});

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
});
