import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { allPages, buildDir, page, urlOfFile } from "../support/site-output.ts";

/** HTML plus CSS, gzipped, that any one page may weigh. */
const PAGE_BUDGET_BYTES = 30 * 1024;
/** The only script a page other than search may load: the deadline and local-time switcher, at most 1 KB. */
const SMALL_SCRIPT_BUDGET_BYTES = 1024;

const dir = buildDir("december");
let pages: { url: string; $: cheerio.CheerioAPI; gzipBytes: number }[];

beforeAll(async () => {
  pages = (await allPages(dir)).map((file) => {
    const html = readFileSync(path.join(dir, file));
    return { url: urlOfFile(file), $: page(dir, file), gzipBytes: gzipSync(html).length };
  });
});

const localFile = (href: string) => path.join(dir, href.split(/[?#]/)[0]!);
const isSearchScript = (src: string) => src.startsWith("/pagefind/") || /^\/assets\/search[.-]/.test(src);

describe("page budgets, on the built files", () => {
  it("keeps every page within 30 KB of HTML plus its stylesheets, gzipped", () => {
    const over: string[] = [];
    for (const { url, $, gzipBytes } of pages) {
      const css = $("link[rel=stylesheet]")
        .map((_, link) => gzipSync(readFileSync(localFile($(link).attr("href") ?? ""))).length)
        .get()
        .reduce((sum, bytes) => sum + bytes, 0);
      if (gzipBytes + css > PAGE_BUDGET_BYTES) over.push(`${url}: ${((gzipBytes + css) / 1024).toFixed(1)} KB`);
    }
    expect(over).toEqual([]);
  });

  it("loads no JavaScript except search, and the one small switcher script elsewhere", () => {
    const problems: string[] = [];
    for (const { url, $ } of pages) {
      if (url.startsWith("/admin/")) continue; // The CMS is an application with its own policy, not a page of the site.
      const scripts = $("script[src]").map((_, script) => $(script).attr("src") ?? "").get();
      for (const src of scripts) {
        if (url === "/search/" && isSearchScript(src)) continue;
        if (!src.startsWith("/")) problems.push(`${url}: loads ${src} from another origin`);
        else if (statSync(localFile(src)).size > SMALL_SCRIPT_BUDGET_BYTES) problems.push(`${url}: ${src} is ${statSync(localFile(src)).size} bytes`);
        else if (isSearchScript(src)) problems.push(`${url}: loads the search script outside /search/`);
      }
      const distinct = new Set(scripts.filter((src) => !isSearchScript(src)));
      if (distinct.size > 1) problems.push(`${url}: loads ${distinct.size} small scripts: ${[...distinct].join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("finds more than 10 pages in the build to measure", () => {
    expect(pages.length).toBeGreaterThan(10);
  });
});
