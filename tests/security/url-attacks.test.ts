import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseAllRedirects } from "netlify-redirect-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";
import { redirectProblems, redirectsFile, type RedirectRule } from "../../src/netlify/redirect-rules.ts";
import { readSiteNow } from "../../src/time/clock.ts";
import { createFixture, loadProblems, type Fixture } from "../support/content-fixture.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { buildDir, page } from "../support/site-output.ts";

// Hostile addresses an editor (or a pull request) can put in content: each is refused at `file:line: field:
// message` when the content loads, or published inert. The expected outcome is written out in full.

const PATH = 'must be a path on this site starting with "/", such as "/courses/"';
const HTTPS = "must be an https:// address";

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

/** A YAML double-quoted scalar for any string (JSON's escapes are YAML's). */
const quoted = (value: string) => JSON.stringify(value);

/** One attack on one field: the file, what replaces the marked text there, and the one problem expected. */
interface FieldAttack {
  file: string;
  /** The text to replace, or a whole new file (`text`) for redirects. */
  replace: [string, string] | { text: string };
  /** Text on the line the problem must name. */
  lineHas: string;
  field: string;
  message: string | RegExp;
}

const redirects = (from: string, to: string, extra = ""): FieldAttack["replace"] => ({ text: `- from: ${quoted(from)}\n  to: ${quoted(to)}\n${extra}` });
const navigation = (url: string): FieldAttack["replace"] => ["url: /articles/ }", `url: ${quoted(url)} }`];
const siteField = (field: string, from: string, to: string): FieldAttack["replace"] => [`${field}: ${from}`, `${field}: ${quoted(to)}`];

const NAVIGATION_ATTACKS: [string, string, string][] = [
  ["a protocol-relative address", "//evil.example/login", 'must start with a single "/": "//" starts the address of another site'],
  ["javascript:", "javascript:alert(document.cookie)", PATH],
  ["mixed-case JaVaScRiPt:", "JaVaScRiPt:alert(1)", PATH],
  ["data:", "data:text/html,<script>alert(1)</script>", PATH],
  ["vbscript:", "vbscript:msgbox(1)", PATH],
  ["a leading space", " /courses/", PATH],
  ["a tab after the slash", "/\t/evil.example", PATH],
  ["a line break", "/courses/\n//evil.example/", PATH],
  ["https:host without slashes", "https:evil.example", PATH],
  ["two backslashes", "\\\\evil.example", PATH],
  ["the division slash U+2215", "/\u2215evil.example", "must not contain the character U+2215 (at character 2): a site path is plain ASCII, with anything else percent-encoded"],
  ["the fullwidth slash U+FF0F", "/\uFF0Fevil.example", "must not contain the character U+FF0F (at character 2): a site path is plain ASCII, with anything else percent-encoded"],
  ["a right-to-left override U+202E", "/\u202Eelpmaxe.live", "must not contain the character U+202E (at character 2): a site path is plain ASCII, with anything else percent-encoded"],
  ["a NUL byte", "/courses/\u0000", "must not contain a control character U+0000 (at character 10): a site path is plain ASCII, with anything else percent-encoded"],
  ["an encoded line break (header splitting)", "/x%0d%0aSet-Cookie:a=b", "must not contain %0d (at character 3), an encoded control character"],
  ["a double-encoded slash", "/%252f%252fevil.example", 'must not contain %25 (at character 2), an encoded "%", which hides another encoding'],
  ["a .. segment", "/articles/../../etc/passwd", 'must not contain a ".." segment: write the path it leads to'],
  ["an encoded .. segment", "/articles/%2e%2e/admin/", 'must not contain a "%2e%2e" segment: write the path it leads to'],
];

const ATTACKS: [string, FieldAttack][] = [
  ...NAVIGATION_ATTACKS.map(([name, url, message]): [string, FieldAttack] => [
    `site.yaml navigation: ${name}`,
    { file: "_data/site.yaml", replace: navigation(url), lineHas: "label: Articles", field: "navigation[0].url", message },
  ]),
  ["redirects.yaml: to //evil.example (open redirect)", { file: "_data/redirects.yaml", replace: redirects("/old/", "//evil.example/phish"), lineHas: "to:", field: "[0].to", message: 'must start with a single "/": "//" starts the address of another site' }],
  ["redirects.yaml: to /\\evil.example", { file: "_data/redirects.yaml", replace: redirects("/old/", "/\\evil.example/phish"), lineHas: "to:", field: "[0].to", message: 'must start with a single "/": "/\\" starts the address of another site' }],
  ["redirects.yaml: to %2f%2fevil.example", { file: "_data/redirects.yaml", replace: redirects("/old/", "/%2f%2fevil.example/"), lineHas: "to:", field: "[0].to", message: 'must not contain %2f (at character 2), an encoded "/"' }],
  ["redirects.yaml: to %5cevil.example", { file: "_data/redirects.yaml", replace: redirects("/old/", "/%5Cevil.example/"), lineHas: "to:", field: "[0].to", message: 'must not contain %5C (at character 2), an encoded "\\"' }],
  ["redirects.yaml: to an https address", { file: "_data/redirects.yaml", replace: redirects("/old/", "https://evil.example/phish"), lineHas: "to:", field: "[0].to", message: PATH }],
  ["redirects.yaml: to javascript:", { file: "_data/redirects.yaml", replace: redirects("/old/", "javascript:alert(1)"), lineHas: "to:", field: "[0].to", message: PATH }],
  ["redirects.yaml: a :splat into //", { file: "_data/redirects.yaml", replace: redirects("/go/*", "/:splat"), lineHas: "to:", field: "[0].to", message: 'must not contain the placeholder ":splat": a redirect names one old path and one existing page' }],
  ["redirects.yaml: a splat in the target", { file: "_data/redirects.yaml", replace: redirects("/old/", "/courses/*"), lineHas: "to:", field: "[0].to", message: 'must not contain "*": a redirect leads to one existing page' }],
  ["redirects.yaml: a query string that carries another address", { file: "_data/redirects.yaml", replace: redirects("/old/", "/courses/?next=//evil.example/"), lineHas: "to:", field: "[0].to", message: 'must be a plain path without "?" or "#": Netlify matches a redirect by its path' }],
  ["redirects.yaml: from /* (every unknown address)", { file: "_data/redirects.yaml", replace: redirects("/*", "/courses/"), lineHas: "from:", field: "[0].from", message: 'must not be "/*": it would catch every unknown address, and no visitor would see the "page not found" page' }],
  ["redirects.yaml: from the home page", { file: "_data/redirects.yaml", replace: redirects("/", "/courses/"), lineHas: "from:", field: "[0].from", message: 'must not be "/": the home page is a page of this site' }],
  ["redirects.yaml: a splat inside a segment", { file: "_data/redirects.yaml", replace: redirects("/old*", "/courses/"), lineHas: "from:", field: "[0].from", message: 'may use "*" only as the whole last segment, such as "/blog/*"' }],
  ["redirects.yaml: a status 200 rewrite (a proxy to another host)", { file: "_data/redirects.yaml", replace: redirects("/proxy/", "/courses/", "  status: 200\n"), lineHas: "status:", field: "[0].status", message: /unknown field/ }],
  ["an article alias to //evil.example", { file: "content/articles/first-article.md", replace: ["[/blog/first-article/]", `[${quoted("//evil.example/")}]`], lineHas: "aliases:", field: "aliases[0]", message: 'must start with a single "/": "//" starts the address of another site' }],
  ["an article alias with a backslash", { file: "content/articles/first-article.md", replace: ["[/blog/first-article/]", `[${quoted("/blog\\first-article/")}]`], lineHas: "aliases:", field: "aliases[0]", message: 'must not contain "\\" (at character 6): browsers read it as "/"' }],
  ["site.yaml url: javascript:", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "javascript:alert(1)"), lineHas: "url:", field: "url", message: HTTPS }],
  ["site.yaml url: plain http", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "http://www.example.com/"), lineHas: "url:", field: "url", message: HTTPS }],
  ["site.yaml url: https:host", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "https:evil.example"), lineHas: "url:", field: "url", message: 'must be an https:// address, such as "https://www.example.com/"' }],
  ["site.yaml url: https:\\\\host", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "https:\\\\evil.example"), lineHas: "url:", field: "url", message: 'must be an https:// address, such as "https://www.example.com/"' }],
  ["site.yaml url: an IDN look-alike host", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "https://www.ex\u0430mple.com/"), lineHas: "url:", field: "url", message: "must not contain U+0430 (at character 15): an address is plain ASCII, with no spaces or line breaks" }],
  ["site.yaml url: a user name and password", { file: "_data/site.yaml", replace: siteField("url", "https://www.example.com/", "https://admin:secret@www.example.com/"), lineHas: "url:", field: "url", message: "must not contain a user name or password" }],
  ["site.yaml email: a line break (header injection in mailto:)", { file: "_data/site.yaml", replace: siteField("email", "info@example.com", "info@example.com\nBcc: victim@example.com"), lineHas: "email:", field: "email", message: "must be an email address" }],
  ["site.yaml email: a mailto query (?cc=)", { file: "_data/site.yaml", replace: siteField("email", "info@example.com", "info@example.com?cc=victim@example.com"), lineHas: "email:", field: "email", message: "must be an email address" }],
  ["site.yaml phone: a line break in the tel: link", { file: "_data/site.yaml", replace: siteField("phone", '"+1 303-555-0100"', "+1 303\n555-0100"), lineHas: "phone:", field: "phone", message: 'must be a phone number such as "+1 303-555-0142"' }],
  // Picture fields name files, never addresses: the image resolver (src/images/) refuses anything with a scheme or "//".
  ["an author's photo: javascript:", { file: "_data/authors.yaml", replace: ["  bio: Writes articles.\n", `  bio: Writes articles.\n  photo: ${quoted("javascript:alert(1)")}\n  photoAlt: A face\n`], lineHas: "photo: ", field: "jane-doe.photo", message: /^image "javascript:alert\(1\)" is on another site/ }],
  ["an article's lead image: //evil.example", { file: "content/articles/first-article.md", replace: ["summary: The first article.\n", `summary: The first article.\nimage: ${quoted("//evil.example/x.png")}\nimageAlt: A picture\n`], lineHas: "image: ", field: "image", message: /^image "\/\/evil\.example\/x\.png" is on another site/ }],
  ["an article's lead image: data:", { file: "content/articles/first-article.md", replace: ["summary: The first article.\n", `summary: The first article.\nimage: ${quoted("data:image/svg+xml,<svg onload=alert(1)>")}\nimageAlt: A picture\n`], lineHas: "image: ", field: "image", message: /^image "data:image\/svg\+xml,<svg onload=alert\(1\)>" is on another site/ }],
];

describe("hostile addresses in content are refused at file:line: field: message", () => {
  let fixture: Fixture;
  const originals = new Map<string, string>();
  beforeAll(async () => {
    fixture = await createFixture();
    for (const file of new Set(ATTACKS.map(([, attack]) => attack.file))) originals.set(file, await fixture.read(file));
  });
  afterAll(() => fixture.cleanup());

  it.each(ATTACKS)("%s", async (_, attack) => {
    const original = originals.get(attack.file)!;
    const text = Array.isArray(attack.replace) ? original.replace(attack.replace[0], attack.replace[1]) : attack.replace.text;
    expect(text, "the attack changes the file").not.toBe(original);
    await fixture.write(attack.file, text);
    try {
      const problems = await loadProblems(fixture.root);
      expect(problems).toHaveLength(1);
      const problem = problems[0]!;
      expect(formatProblem({ ...problem, message: "" })).toBe(`${attack.file}:${lineOf(text, attack.lineHas)}: ${attack.field}: `);
      if (typeof attack.message === "string") expect(problem.message).toBe(attack.message);
      else expect(problem.message).toMatch(attack.message);
    } finally {
      await fixture.write(attack.file, original);
    }
  });
});

describe("stray white space around the site's address is published trimmed", () => {
  it.each([" https://www.example.com/", "https://www.example.com/\n", "\thttps://www.example.com/ "])("%j becomes https://www.example.com", async (url) => {
    const fixture = await createFixture();
    try {
      await fixture.edit("_data/site.yaml", (text) => text.replace("url: https://www.example.com/", `url: ${quoted(url)}`));
      expect((await loadContent(fixture.root)).site.url).toBe("https://www.example.com");
    } finally {
      await fixture.cleanup();
    }
  });
});

describe("redirects are checked against the pages the build writes, trusting no other rule", () => {
  it("refuses, in npm run check's own check, a target vouched for by another rule, one that is no page, a splat over a section and a live page as old path", async () => {
    const root = await copyProject("fixture");
    try {
      const file = path.join(root, "_data/redirects.yaml");
      const text = `- from: /lure/\n  to: /relay/\n- from: /relay/\n  to: /nowhere/\n- from: /articles/*\n  to: /courses/\n- from: /courses/\n  to: /schedule/\n`;
      await writeFile(file, text);
      const error = await loadCheckedModel(root, { now: readSiteNow({ SITE_NOW: "2026-12-01T09:00" }), includeUnpublished: false }, undefined, { pictures: false }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ContentError);
      const lines = (error as ContentError).problems.filter((problem) => problem.file === "_data/redirects.yaml").map(formatProblem);
      expect(lines).toEqual([
        '_data/redirects.yaml:2: [0].to: "/relay/" is not a page of this site: it is the old path of another redirect, so point at the page that one leads to',
        '_data/redirects.yaml:4: [1].to: "/nowhere/" is not a page of this site',
        '_data/redirects.yaml:5: [2].from: "/articles/*" covers pages this site writes under "/articles/": redirect each old path on its own',
        '_data/redirects.yaml:7: [3].from: "/courses/" is a page of this site; a redirect from it would never be followed',
      ]);
      expect(await readFile(file, "utf8")).toBe(text);
    } finally {
      await removeFolder(root);
    }
  }, 120_000);

  it("refuses, against the pages, a target that is not a page and one only another rule vouches for", () => {
    const written = new Set(["/courses/", "/articles/a/"]);
    const rules: RedirectRule[] = [
      { from: "/lure/", to: "/relay/", file: "_data/redirects.yaml", field: [0, "to"] },
      { from: "/relay/", to: "/nowhere/", file: "_data/redirects.yaml", field: [1, "to"] },
    ];
    expect(redirectProblems(rules, (url) => written.has(url)).map(formatProblem)).toEqual([
      '_data/redirects.yaml: [0].to: "/relay/" is not a page of this site: it is the old path of another redirect, so point at the page that one leads to',
      '_data/redirects.yaml: [1].to: "/nowhere/" is not a page of this site',
    ]);
  });

  it("accepts a splat over a section the site no longer has, leading to a written page", () => {
    const written = new Set(["/courses/", "/articles/a/"]);
    const rule: RedirectRule = { from: "/blog/*", to: "/articles/a/", file: "_data/redirects.yaml", field: [0, "to"] };
    expect(redirectProblems([rule], (url) => written.has(url), undefined, { anythingUnder: (prefix) => [...written].some((url) => url.startsWith(prefix)) })).toEqual([]);
  });
});

describe("_redirects refuses an unsafe rule even when a schema let it through", () => {
  const rule = (from: string, to: string): RedirectRule => ({ from, to, file: "_data/redirects.yaml", field: [0, "to"] });
  it.each([
    ["//evil.example/", "/old/", "//evil.example/", 'to must start with a single "/": "//" starts the address of another site'],
    ["/\\evil.example", "/old/", "/\\evil.example", 'to must start with a single "/": "/\\" starts the address of another site'],
    ["an extra status field (a 200 proxy)", "/old/", "/courses/ 200!", "to must not contain a space or line break U+0020 (at character 10): a site path is plain ASCII, with anything else percent-encoded"],
    ["a second rule smuggled on a new line", "/old/", "/courses/\n/* https://evil.example/ 200!", "to must not contain a space or line break U+000A (at character 10): a site path is plain ASCII, with anything else percent-encoded"],
    ["a catch-all", "/*", "/courses/", 'from must not be "/*": it would catch every unknown address, and no visitor would see the "page not found" page'],
    ["a :splat target", "/go/*", "/:splat", 'to must not contain the placeholder ":splat": a redirect names one old path and one existing page'],
  ])("%s", (_, from, to, message) => {
    expect(() => redirectsFile([rule(from, to)])).toThrow(`_data/redirects.yaml: refusing to write the redirect "${from}" -> "${to}" to _redirects: ${message}`);
  });

  it("writes a safe splat as a plain, unforced 301 that Netlify's parser reads as one rule", async () => {
    const text = redirectsFile([rule("/blog/*", "/articles/"), rule("/old-courses/", "/courses/")]);
    expect(text).toBe("# Written by the build from article aliases, _data/redirects.yaml and the classes and months that have ended. Do not edit.\n/blog/* /articles/ 301\n/old-courses/ /courses/ 301\n");
    const file = path.join(await createFixture({}).then((fixture) => fixture.root), "_redirects");
    await writeFile(file, text);
    const { redirects: parsed, errors } = await parseAllRedirects({ redirectsFiles: [file], configRedirects: [], minimal: false });
    expect(errors).toEqual([]);
    expect((parsed as { from: string; to: string; status: number; force: boolean }[]).map(({ from, to, status, force }) => ({ from, to, status, force }))).toEqual([
      { from: "/blog/*", to: "/articles/", status: 301, force: false },
      { from: "/old-courses/", to: "/courses/", status: 301, force: false },
    ]);
    await removeFolder(path.dirname(file));
  });
});

describe("links in Markdown bodies are published inert", () => {
  it.each([
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](vbscript:msgbox(1))",
    "[a](data:text/html,<script>alert(1)</script>)",
    "[a](&#106;avascript:alert(1))",
    "[a](java\tscript:alert(1))",
    "<javascript:alert(1)>",
    "![a](javascript:alert(1))",
  ])("%j renders as text, with no link or image", (source) => {
    const { html } = renderMarkdownDocument(source, { file: "", firstLine: 1 });
    expect(html).not.toMatch(/<a |<img |href=|src=/);
    expect(html).not.toContain("<script");
  });
});

describe("navigation as published", () => {
  it("links only to paths of this site in the fixture build's header", () => {
    const $ = page(buildDir("december"), "/");
    const hrefs = $("header nav a").map((_, link) => $(link).attr("href")).get();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/(?![/\\])[!-~]*$/);
  });
});
