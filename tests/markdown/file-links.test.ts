import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { articleFileLinkUrl } from "../../src/markdown/file-links.ts";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";

describe("articleFileLinkUrl", () => {
  it.each([
    ["other-article.md", "content/articles/this.md", "/articles/other-article/"],
    ["./other-article.md#setup", "content/articles/this.md", "/articles/other-article/#setup"],
    ["../other/index.md", "content/articles/this/index.md", "/articles/other/"],
    ["other/index.md", "content/articles/this.md", "/articles/other/"],
    ["/content/articles/other.md", "content/copy/about.md", "/articles/other/"],
    ["../articles/other.md", "content/copy/about.md", "/articles/other/"],
    ["first%2Dlook.md", "content/articles/this.md", "/articles/first-look/"],
  ])("leads %s, written in %s, to %s", (href, from, url) => {
    expect(articleFileLinkUrl(href, from)).toBe(url);
  });

  it.each([
    ["README-cs.md", "content/copy/about.md"],
    ["../../README.md", "content/articles/this.md"],
    ["../../../etc/passwd.md", "content/articles/this.md"],
    ["deep/er/file.md", "content/articles/this.md"],
    ["https://example.com/notes.md", "content/articles/this.md"],
    ["//example.com/notes.md", "content/articles/this.md"],
    ["/articles/other/", "content/articles/this.md"],
    ["other.md?raw=1", "content/articles/this.md"],
    ["%E0%A4%A.md", "content/articles/this.md"],
    ["..\\other\\index.md", "content/articles/this/index.md"],
    ["..md", "content/articles/this.md"],
    ["a%23b.md", "content/articles/this.md"],
    ["Other.md", "content/articles/this.md"],
  ])("leaves %s, written in %s, as written", (href, from) => {
    expect(articleFileLinkUrl(href, from)).toBeUndefined();
  });
});

describe("links to an article's file in a rendered body", () => {
  it("point at the article's page and are recorded so for the link check, at their lines", () => {
    const { html, links } = renderMarkdownDocument("See [the other one](other-article.md#setup).\n\nAnd [a note](../README.md).\n", { file: "content/articles/this.md", firstLine: 5 });
    const $ = load(html);
    expect($("a").map((_, link) => $(link).attr("href")).get()).toEqual(["/articles/other-article/#setup", "../README.md"]);
    expect(links).toEqual([
      { href: "/articles/other-article/#setup", line: 5, written: "other-article.md#setup" },
      { href: "../README.md", line: 7 },
    ]);
  });

  it("are left as written in a text inside YAML, which pages render apart from its file", () => {
    const { links } = renderMarkdownDocument("See [the other one](/content/articles/other-article.md).\n", { file: "_data/courses/java.yaml", firstLine: 3 });
    expect(links).toEqual([{ href: "/content/articles/other-article.md", line: 3 }]);
  });

  it("name the file as written when the link has no text", () => {
    const { problems } = renderMarkdownDocument("See [](other.md).\n", { file: "content/articles/this.md", firstLine: 1 });
    expect(problems.map((problem) => problem.message)).toEqual(['link "other.md" has no text: write what it leads to between the brackets, [like this](other.md)']);
  });
});
