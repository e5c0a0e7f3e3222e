import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseAllHeaders } from "netlify-headers-parser";
import { describe, expect, it } from "vitest";
import { headersFile } from "../../src/netlify/headers-file.ts";
import { allPages, buildDir, page, urlOfFile } from "../support/site-output.ts";

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

/** The rules that apply to a path, as Netlify's CLI picks them: every rule whose pattern matches. */
const matching = (rules: readonly HeaderRule[], pathname: string) => rules.filter((rule) => rule.forRegExp.test(pathname));

/** The headers a path is served with, as Netlify's CLI computes them: matching rules merged in order. */
const headersFor = (rules: readonly HeaderRule[], pathname: string): Record<string, string> =>
  Object.assign({}, ...matching(rules, pathname).map((rule) => rule.values)) as Record<string, string>;

const header = (headers: Record<string, string>, name: string) => Object.entries(headers).filter(([key]) => key.toLowerCase() === name.toLowerCase());

/** One directive of a CSP, e.g. "script-src 'self'". */
const directive = (policy: string, name: string) => policy.split(";").map((part) => part.trim()).find((part) => part.startsWith(`${name} `));

describe("_headers of the December build, read by Netlify's parser", async () => {
  const dir = buildDir("december");
  const { headers: rules, errors } = await parseHeadersFile(path.join(dir, "_headers"));
  const urls = (await allPages(dir)).map(urlOfFile);

  it("parses without errors", () => {
    expect(errors).toEqual([]);
    expect(rules.length).toBeGreaterThan(2);
  });

  it("gives every page exactly one Content-Security-Policy, without 'unsafe-inline'", () => {
    expect(urls).toContain("/");
    expect(urls).toContain("/404.html");
    for (const url of urls) {
      const policies = matching(rules, url).flatMap((rule) => header(rule.values, "Content-Security-Policy").map(([, value]) => value));
      expect(policies, url).toHaveLength(1);
      const [policy] = policies;
      // Two policies in one block would be joined with a comma into one value.
      expect(policy!.match(/default-src/g), url).toHaveLength(1);
      expect(policy, url).not.toContain("'unsafe-inline'");
      expect(directive(policy!, "default-src"), url).toBe("default-src 'self'");
      expect(header(headersFor(rules, url), "Content-Security-Policy"), url).toEqual([["Content-Security-Policy", policy]]);
    }
  });

  it("repeats each page's policy in a meta element, without frame-ancestors, so a 404 at any address is covered", () => {
    for (const url of urls) {
      const [[, policy]] = header(headersFor(rules, url), "Content-Security-Policy") as [[string, string]];
      const meta = page(dir, url)('meta[http-equiv="Content-Security-Policy"]');
      expect(meta, url).toHaveLength(1);
      const expected = policy.split("; ").filter((part) => !part.startsWith("frame-ancestors")).join("; ");
      expect(meta.attr("content"), url).toBe(expected);
    }
    expect(matching(rules, "/no-such-page/").flatMap((rule) => header(rule.values, "Content-Security-Policy"))).toEqual([]);
    expect(page(dir, "/404.html")('meta[http-equiv="Content-Security-Policy"]').attr("content")).toContain("script-src 'self';");
  });

  it("lets only the search page run WebAssembly", () => {
    expect(urls).toContain("/search/");
    for (const url of urls) {
      const [[, policy] = ["", ""]] = header(headersFor(rules, url), "Content-Security-Policy");
      const scriptSrc = directive(policy, "script-src") ?? "";
      expect(scriptSrc, url).toMatch(/^script-src /);
      if (url === "/search/") expect(scriptSrc.split(/\s+/), url).toContain("'wasm-unsafe-eval'");
      else expect(scriptSrc, url).not.toContain("wasm-unsafe-eval");
    }
  });

  it("sends the common security headers to every page", () => {
    for (const url of urls) {
      const headers = headersFor(rules, url);
      expect(headers["X-Content-Type-Options"], url).toBe("nosniff");
      expect(headers["X-Frame-Options"], url).toBe("DENY");
    }
  });

  it("does not ask search engines to skip any page in a local build", () => {
    for (const url of urls) expect(header(headersFor(rules, url), "X-Robots-Tag"), url).toEqual([]);
  });
});

describe("headersFile", () => {
  const topLevel = ["articles/", "index.html", "search/", "pagefind/", "feed.xml"];

  async function parsedFor(context: string | undefined) {
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-headers-"));
    try {
      const file = path.join(folder, "_headers");
      await writeFile(file, headersFile({ context, topLevel, searchFolder: "search" }));
      const { headers, errors } = await parseHeadersFile(file);
      expect(errors).toEqual([]);
      return headers;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it.each(["deploy-preview", "branch-deploy"])("adds X-Robots-Tag: noindex for /* in the %s context", async (context) => {
    const rules = await parsedFor(context);
    const all = rules.find((rule) => rule.for === "/*");
    expect(all?.values["X-Robots-Tag"]).toBe("noindex");
    for (const url of ["/", "/articles/some-article/", "/search/", "/feed.xml"]) expect(headersFor(rules, url)["X-Robots-Tag"], url).toBe("noindex");
  });

  it.each([["production"], [undefined]])("sends no X-Robots-Tag in the %s context", async (context) => {
    const rules = await parsedFor(context);
    expect(rules.find((rule) => rule.for === "/*")).toBeDefined();
    for (const rule of rules) expect(header(rule.values, "X-Robots-Tag"), rule.for).toEqual([]);
  });

  it("gives the search folder its own policy", async () => {
    const rules = await parsedFor("production");
    expect(directive(headersFor(rules, "/search/")["Content-Security-Policy"] ?? "", "script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(headersFor(rules, "/articles/x/")["Content-Security-Policy"] ?? "", "script-src")).toBe("script-src 'self'");
  });
});
