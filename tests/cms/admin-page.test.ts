import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, metaContentSecurityPolicy } from "../../src/netlify/header-policy.ts";
import { CMS_FONTS } from "../../src/cms/cms-bundle.ts";
import { buildDir, page } from "../support/site-output.ts";

const dir = buildDir("december");
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

/** The `_headers` blocks, by path pattern. */
function headerBlocks(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of read("_headers").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) blocks.set(line.trim(), (current = []));
    else current.push(line.trim());
  }
  return blocks;
}

describe("/admin/ in the build", () => {
  it("is a shell that loads the self-hosted CMS, marked noindex, with its own policy in a meta element", () => {
    const $ = page(dir, "/admin/");
    expect($('meta[name="robots"]').attr("content")).toContain("noindex");
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(metaContentSecurityPolicy("/admin/"));
    expect($("script").attr("src")).toBe("/admin/cms.js");
    expect($("noscript").text()).toMatch(/needs JavaScript/);
  });

  it("is valid HTML", async () => {
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateFile(path.join(dir, "admin/index.html"));
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}: ${message.message}`))).toEqual([]);
  });

  it("serves the CMS from this site only: no CDN address is left in its script", () => {
    const script = read("admin/cms.js");
    for (const font of CMS_FONTS) {
      expect(script).not.toContain(font.cdn);
      expect(readFileSync(path.join(dir, "admin/fonts", path.basename(font.file))).length).toBeGreaterThan(1000);
    }
    expect(script).not.toContain("https://unpkg.com/");
    expect(script).not.toMatch(/cdn\.jsdelivr\.net\/fontsource/);
  });

  it("gets its own policy and X-Robots-Tag in _headers, and no other path is loosened", () => {
    const blocks = headerBlocks();
    const admin = blocks.get("/admin/*");
    expect(admin).toContain(`Content-Security-Policy: ${contentSecurityPolicy("admin")}`);
    expect(contentSecurityPolicy("admin")).not.toContain("unsafe-eval");
    expect(admin?.some((header) => /^X-Robots-Tag: .*noindex/.test(header))).toBe(true);
    for (const [pattern, headers] of blocks) {
      if (pattern === "/admin/*") continue;
      for (const header of headers.filter((line) => line.startsWith("Content-Security-Policy:"))) {
        expect(header, pattern).not.toContain("unsafe-inline");
        expect(header, pattern).not.toContain("api.github.com");
      }
    }
  });

  it("is left out of the sitemap", () => {
    expect(read("sitemap.xml")).not.toContain("/admin/");
  });
});
