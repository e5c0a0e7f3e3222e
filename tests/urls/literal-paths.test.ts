import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontUrl } from "../../src/urls/site-urls.ts";
import { REPO_ROOT } from "../support/project-copy.ts";
import { literalSitePaths, modulePaths, templatePaths } from "./literal-paths.ts";

describe("one owner of every URL", () => {
  it("finds no site path spelled in a template or in code outside src/urls/site-urls.ts", () => {
    const found = literalSitePaths(REPO_ROOT).map((literal) => `${literal.where}: ${literal.path}`);
    // Each is a path to take from the `urls` global, a model object's `url`, or src/urls/site-urls.ts.
    expect(found).toEqual([]);
  });

  it("names each font in the stylesheet at the URL fontUrl gives it, which Sass cannot ask", () => {
    const fonts = readFileSync(path.join(REPO_ROOT, "src/styles/_fonts.scss"), "utf8");
    const urls = [...fonts.matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls).toEqual(urls.map((url) => fontUrl(path.posix.basename(url))));
  });
});

describe("the literal-path scan of code", () => {
  it("reports a path in a string and at the start of a template literal, with its line", () => {
    const source = ['const a = "/courses/";', "const b = `/${folder}/cms.js`;", "const c = `/schedule/${key}/`;"].join("\n");
    expect(modulePaths("src/x.ts", source)).toEqual([
      { where: "src/x.ts:1", path: "/courses/" },
      { where: "src/x.ts:2", path: "/" },
      { where: "src/x.ts:3", path: "/schedule/" },
    ]);
  });

  it("ignores regular expressions, comments, separators, Markdown file names and template permalinks", () => {
    const source = [
      "const r = /^\\/courses\\//;",
      '// a comment naming "/courses/"',
      'const parts = url.split("/");',
      'const article = file.endsWith("/index.md");',
      'export const data = { permalink: "/next-change.json" };',
      "const joined = `${base}/page/`;",
    ].join("\n");
    expect(modulePaths("src/x.ts", source)).toEqual([]);
  });

  it("allows the shared-images prefix only in the module that defines it", () => {
    expect(modulePaths("src/images/image-options.ts", 'export const P = "/images/";')).toEqual([]);
    expect(modulePaths("src/other.ts", 'const p = "/images/";')).toEqual([{ where: "src/other.ts:1", path: "/images/" }]);
  });
});

describe("the literal-path scan of templates", () => {
  it("reports URL attributes, quoted paths in Nunjucks tags and path values in front matter, by line, but not the permalink", () => {
    const template = [
      "---",
      "permalink: /about/",
      "trail: [{ label: Courses, url: /courses/ }]",
      "---",
      '<a href="/contact/">Contact</a> <form action="/thanks/contact/"></form>',
      '{%- set trail = [{ label: "Courses", url: "/courses/" }] -%}',
      '{% if page.url == "/" %}home{% endif %}',
      '<script src="/assets/x.js"></script>',
    ].join("\n");
    expect(templatePaths("t.njk", template)).toEqual([
      { where: "t.njk:3", path: "/courses/" },
      { where: "t.njk:5", path: "/contact/" },
      { where: "t.njk:5", path: "/thanks/contact/" },
      { where: "t.njk:8", path: "/assets/x.js" },
      { where: "t.njk:6", path: "/courses/" },
      { where: "t.njk:7", path: "/" },
    ]);
  });

  it("accepts paths taken from the urls global, a model object or a checked filter, and ignores comments", () => {
    const template = [
      '<a href="{{ urls.contact }}">Contact</a> <a href="{{ course.url }}#interest">Interest</a>',
      '<a href="{{ "team-mentoring" | serviceUrl }}">Mentoring</a>',
      '{# an old link: "/courses/" #}',
    ].join("\n");
    expect(templatePaths("t.njk", template)).toEqual([]);
  });
});
