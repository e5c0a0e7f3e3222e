import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { parseAllHeaders } from "netlify-headers-parser";
import { describe, expect, it } from "vitest";
import { CSP_BY_KIND, cspValue } from "../../src/netlify/header-policy.ts";
import { headersFile, type OutputFile } from "../../src/netlify/headers-file.ts";
import { observatoryScore, type ObservatoryScore } from "../support/observatory.ts";
import { allFiles, allPages, buildDir, page, urlOfFile } from "../support/site-output.ts";

/** A parsed `_headers` rule. */
interface HeaderRule {
  for: string;
  forRegExp: RegExp;
  values: Record<string, string>;
}

/** The parser's declared types say `never[]` for its file list, so the call is narrowed to what it accepts. */
type ParseAllHeaders = (options: { headersFiles: string[]; configHeaders: never[]; minimal: boolean }) => Promise<{ headers: HeaderRule[]; errors: Error[] }>;
const parseHeaders = parseAllHeaders as unknown as ParseAllHeaders;

async function parseHeadersFile(file: string) {
  // The parser silently returns no rules for a missing file.
  expect(existsSync(file), file).toBe(true);
  return parseHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
}

/** The rules that apply to a path: every rule whose pattern matches. */
const matching = (rules: readonly HeaderRule[], pathname: string) => rules.filter((rule) => rule.forRegExp.test(pathname));

/** Every value one header gets from the matching rules: Netlify joins several into one, so there must be one. */
const valuesOf = (rules: readonly HeaderRule[], pathname: string, name: string) =>
  matching(rules, pathname).flatMap((rule) => Object.entries(rule.values).filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value));

/** The headers a path is served with. */
const headersFor = (rules: readonly HeaderRule[], pathname: string): Record<string, string> =>
  Object.assign({}, ...matching(rules, pathname).map((rule) => rule.values)) as Record<string, string>;

/** One directive of a CSP as its list of sources, e.g. ["'self'"] for "script-src 'self'"; undefined if absent. */
const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)
    ?.slice(1);

/** Whether a file's name carries the first 10 hex digits of its content's SHA-256, computed here independently. */
const carriesOwnHash = (dir: string, file: string) => {
  const match = /\.([0-9a-f]{10})\.[a-z0-9]+$/.exec(file);
  return match !== null && createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex").startsWith(match[1]!);
};

describe("_headers of the December build, read by Netlify's parser", async () => {
  const dir = buildDir("december");
  const { headers: rules, errors } = await parseHeadersFile(path.join(dir, "_headers"));
  const files = (await allFiles(dir)).filter((file) => file !== "/_headers" && file !== "/_redirects");
  const urls = (await allPages(dir)).map(urlOfFile);
  const origin = new URL(page(dir, "/")('link[rel="canonical"]').attr("href")!).origin;
  // Two tests read every page's elements: each page is parsed once, when the first of them asks for it.
  const parsed = new Map<string, CheerioAPI>();
  const parsedPage = (url: string) => parsed.get(url) ?? parsed.set(url, page(dir, url)).get(url)!;

  it("parses with Netlify's parser without errors, into more than two rules", () => {
    expect(errors).toEqual([]);
    expect(rules.length).toBeGreaterThan(2);
  });

  it("gives every written path exactly one Content-Security-Policy and one Cache-Control", () => {
    for (const pathname of [...files, ...urls]) {
      expect(valuesOf(rules, pathname, "Content-Security-Policy"), pathname).toHaveLength(1);
      expect(valuesOf(rules, pathname, "Cache-Control"), pathname).toHaveLength(1);
    }
  });

  it("starts every policy from default-src 'none' and allows nothing inline; only search (and Pagefind's worker) runs WebAssembly", () => {
    expect(urls).toContain("/search/");
    for (const pathname of [...files, ...urls]) {
      const [policy = ""] = valuesOf(rules, pathname, "Content-Security-Policy");
      expect(directive(policy, "default-src"), pathname).toEqual(["'none'"]);
      expect(directive(policy, "object-src"), pathname).toEqual(["'none'"]);
      expect(directive(policy, "frame-ancestors"), pathname).toEqual(["'none'"]);
      expect(directive(policy, "form-action"), pathname).toEqual(["'self'"]);
      expect(["'none'", "'self'"]).toContain(directive(policy, "base-uri")?.join(" "));
      if (pathname.startsWith("/admin/")) continue;
      expect(policy, pathname).not.toContain("'unsafe-inline'");
      expect(policy, pathname).not.toContain("'unsafe-eval'");
      if (pathname.startsWith("/search/") || pathname.startsWith("/pagefind/")) expect(directive(policy, "script-src"), pathname).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      else expect(policy, pathname).not.toContain("wasm-unsafe-eval");
    }
  });

  it("repeats each page's policy in a meta element, without frame-ancestors, so a 404 at any address is covered", () => {
    for (const url of urls) {
      const [policy = ""] = valuesOf(rules, url, "Content-Security-Policy");
      const meta = parsedPage(url)('meta[http-equiv="Content-Security-Policy"]');
      expect(meta, url).toHaveLength(1);
      expect(meta.attr("content"), url).toBe(policy.split("; ").filter((part) => !part.startsWith("frame-ancestors")).join("; "));
    }
  });

  it("sends the common security headers to every path, known or not", () => {
    for (const pathname of [...files, ...urls, "/no-such-page/"]) {
      const headers = headersFor(rules, pathname);
      expect(headers["Strict-Transport-Security"], pathname).toMatch(/^max-age=(\d+); includeSubDomains; preload$/);
      expect(Number(/max-age=(\d+)/.exec(headers["Strict-Transport-Security"]!)![1])).toBeGreaterThanOrEqual(63_072_000);
      expect(headers["X-Content-Type-Options"], pathname).toBe("nosniff");
      expect(headers["Referrer-Policy"], pathname).toBe("strict-origin-when-cross-origin");
      expect(headers["Cross-Origin-Opener-Policy"], pathname).toBe("same-origin");
      // Pictures may be shown by feed readers on other sites; an unknown path has no written file to carry it.
      if (pathname !== "/no-such-page/") expect(headers["Cross-Origin-Resource-Policy"], pathname).toBe(pathname.startsWith("/assets/images/") ? "cross-origin" : "same-origin");
      expect(headers["Permissions-Policy"], pathname).toMatch(/camera=\(\)/);
      expect(headers["Permissions-Policy"], pathname).not.toContain("interest-cohort");
      // The CMS at /admin/ is never indexed, in any context (tests/cms); every other path is, in a local build.
      if (!pathname.startsWith("/admin/")) expect(headers["X-Robots-Tag"], pathname).toBeUndefined();
    }
  });

  it("caches for a year exactly the files whose names carry their content's hash", () => {
    for (const file of files) {
      const [cache] = valuesOf(rules, file, "Cache-Control");
      // Published pictures are named by eleventy-img's hash of their source, or the SVG's own.
      expect(cache, file).toBe(carriesOwnHash(dir, file) || file.startsWith("/assets/images/") ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
    }
    for (const url of urls) expect(valuesOf(rules, url, "Cache-Control"), url).toEqual(["public, max-age=0, must-revalidate"]);
  });

  it("links every page to a stylesheet and scripts of its own under hashed names", () => {
    const assets = new Set<string>();
    for (const url of urls) {
      const $ = parsedPage(url);
      $('link[rel="stylesheet"]').each((_, element) => void assets.add($(element).attr("href")!));
      $("script[src]").each((_, element) => void assets.add($(element).attr("src")!));
    }
    expect(assets.size).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      if (asset.startsWith("/pagefind/")) continue; // Pagefind's own loader, which must stay at its fixed URL.
      expect(carriesOwnHash(dir, asset), asset).toBe(true);
      expect(valuesOf(rules, asset, "Cache-Control"), asset).toEqual(["public, max-age=31536000, immutable"]);
    }
  });

  it("scores A+ (at least 110) in Mozilla's HTTP Observatory on every page, the 404 page and /admin/", async () => {
    const notFound = readFileSync(path.join(dir, "404.html"), "utf8");
    const responses = [
      ...urls.map((url) => ({ pathname: url, html: readFileSync(path.join(dir, url.endsWith("/") ? `${url}index.html` : url), "utf8") })),
      { pathname: "/no-such-page/", html: notFound },
      // /admin/ scored from its declared policy, whether or not this build has the CMS page.
      { pathname: "/admin/", html: "<!doctype html><title>CMS</title>", headers: { "Content-Security-Policy": cspValue(CSP_BY_KIND.admin) } },
    ];
    // The Observatory's analyzers read a page's headers, its <meta http-equiv> and <meta name="referrer"> elements
    // (parseHttpEquivHeaders in its retriever) and its <script> elements (subresource integrity), all pages sharing
    // one origin: pages alike in those get the same result, so each such kind is scored once and its result held
    // against each of its pages.
    const results = new Map<string, Promise<ObservatoryScore>>();
    for (const response of responses) {
      const headers = { ...headersFor(rules, response.pathname), ...("headers" in response ? response.headers : {}) };
      const tags = [...response.html.matchAll(/<(?:meta|script)\b[^>]*>/gi)].map((match) => match[0]).filter((tag) => /^<script|http-equiv|name\s*=\s*["']?referrer/i.test(tag));
      const key = JSON.stringify([headers, tags]);
      if (!results.has(key)) results.set(key, observatoryScore({ origin, pathname: response.pathname, headers, html: response.html }));
      const result = await results.get(key)!;
      const failed = Object.entries(result.tests).filter(([, test]) => !test.pass).map(([name, test]) => `${name}: ${test.result}`);
      expect(result.grade, `${response.pathname} ${failed.join(", ")}`).toBe("A+");
      expect(result.score, response.pathname).toBeGreaterThanOrEqual(110);
    }
  });
});

describe("headersFile", () => {
  const files = [
    { path: "/index.html", fingerprinted: false },
    { path: "/articles/some-article/index.html", fingerprinted: false },
    { path: "/search/index.html", fingerprinted: false },
    { path: "/pagefind/pagefind.js", fingerprinted: false },
    { path: "/assets/site.0123456789.css", fingerprinted: true },
    { path: "/assets/logo.svg", fingerprinted: false },
    { path: "/assets/social/site.png", fingerprinted: false },
    { path: "/feed.xml", fingerprinted: false },
  ];

  async function parsedFor(context: string | undefined) {
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-headers-"));
    try {
      const file = path.join(folder, "_headers");
      await writeFile(file, headersFile({ context, files }));
      const { headers, errors } = await parseHeadersFile(file);
      expect(errors).toEqual([]);
      return headers;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it.each(["deploy-preview", "branch-deploy"])("adds X-Robots-Tag: noindex for /* in the %s context", async (context) => {
    const rules = await parsedFor(context);
    for (const url of ["/", "/articles/some-article/", "/search/", "/feed.xml", "/no-such-page/"]) expect(headersFor(rules, url)["X-Robots-Tag"], url).toBe("noindex");
  });

  it.each([["production"], [undefined]])("sends no X-Robots-Tag in the %s context", async (context) => {
    const rules = await parsedFor(context);
    for (const rule of rules) expect(rule.values["X-Robots-Tag"], rule.for).toBeUndefined();
  });

  it("makes only the hashed file immutable, even in a folder that also holds unhashed images", async () => {
    const rules = await parsedFor("production");
    for (const file of files) expect(valuesOf(rules, file.path, "Cache-Control"), file.path).toEqual([file.fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate"]);
    // A later image added to the unhashed folder is covered by its rule, not by a stale one-file rule.
    expect(valuesOf(rules, "/assets/social/articles/new.png", "Cache-Control")).toEqual(["public, max-age=0, must-revalidate"]);
    expect(valuesOf(rules, "/assets/site.9999999999.css", "Cache-Control")).toEqual([]);
  });

  it("gives /admin/ the CMS's policy and nothing else", async () => {
    const rules = await parsedFor("production");
    expect(valuesOf(rules, "/search/", "Content-Security-Policy")[0]).toContain("'wasm-unsafe-eval'");
    const withAdmin = headersFile({ context: "production", files: [...files, { path: "/admin/index.html", fingerprinted: false }] });
    expect(withAdmin).toContain(`/admin/*\n  Content-Security-Policy: ${cspValue(CSP_BY_KIND.admin)}`);
  });
});

describe("headersFile with names that share a prefix", () => {
  /** The rules Netlify's parser reads from the `_headers` written for `files`. */
  async function rulesFor(files: OutputFile[]) {
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-headers-"));
    try {
      const file = path.join(folder, "_headers");
      await writeFile(file, headersFile({ context: "production", files }));
      const { headers, errors } = await parseHeadersFile(file);
      expect(errors).toEqual([]);
      return headers;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  const unhashed = (name: string): OutputFile => ({ path: name, fingerprinted: false });

  it("gives a sibling that a folder's rule covers (Netlify's prefix match) that rule's headers alone", async () => {
    const files = ["/schedule.ics", "/schedule/index.html", "/schedule/page/2/index.html", "/schedule-archive/index.html"].map(unhashed);
    const rules = await rulesFor(files);
    for (const name of [...files.map((entry) => entry.path), "/schedule/", "/schedule/page/2/"]) {
      expect(valuesOf(rules, name, "Cache-Control"), name).toEqual(["public, max-age=0, must-revalidate"]);
      expect(valuesOf(rules, name, "Content-Security-Policy"), name).toHaveLength(1);
    }
  });

  it("splits a folder's rule where a sibling it would cover needs other headers", async () => {
    const files = [...["/schedule.ics", "/schedule/index.html", "/schedule/a/index.html"].map(unhashed), { path: "/schedule.0123456789.js", fingerprinted: true }];
    const rules = await rulesFor(files);
    for (const { path: name, fingerprinted } of files) {
      expect(valuesOf(rules, name, "Cache-Control"), name).toEqual([fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate"]);
    }
  });

  it("stays the same size however many classes, months and articles the site has", async () => {
    const site = (count: number) => [
      ...["/index.html", "/schedule.ics", "/schedule/index.html", "/articles/index.html"].map(unhashed),
      { path: "/assets/site.0123456789.css", fingerprinted: true },
      ...Array.from({ length: count }, (_, index) => [
        unhashed(`/schedule/class-${index}/index.html`),
        unhashed(`/schedule/class-${index}.ics`),
        unhashed(`/schedule/2027-${index}/index.html`),
        unhashed(`/schedule/2027-${index}.ics`),
        unhashed(`/articles/article-${index}/index.html`),
        unhashed(`/assets/images/picture-${index}.webp`),
      ]).flat(),
    ];
    expect(headersFile({ context: "production", files: site(2_000) }).length).toBe(headersFile({ context: "production", files: site(10) }).length);
    const files = site(50);
    const rules = await rulesFor(files);
    for (const { path: name } of files) expect(valuesOf(rules, name, "Cache-Control"), name).toHaveLength(1);
    expect(valuesOf(rules, "/assets/images/picture-3.webp", "Cache-Control")).toEqual(["public, max-age=31536000, immutable"]);
  });
});
