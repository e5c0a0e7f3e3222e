import { describe, expect, it } from "vitest";
import { checkLinks, type LinkTargets } from "../../src/checks/check-links.ts";

const targets: LinkTargets = {
  origin: "https://www.example.com",
  paths: new Set(["/", "/articles/", "/articles/first-post/", "/courses/java-fundamentals/", "/feed.xml"]),
  redirects: new Map([
    ["/blog/first-post/", { to: "/articles/first-post/", keepsSections: true }],
    ["/schedule/java-2026-11-den/", { to: "/courses/java-fundamentals/", keepsSections: false }],
  ]),
  fragments: new Map([["/articles/first-post/", new Set(["setup", "next-steps"])]]),
};
const check = (...hrefs: string[]) => checkLinks([{ file: "content/articles/a.md", pageUrl: "/articles/first-post/", links: hrefs.map((href, index) => ({ href, line: 10 + index })) }], targets);

describe("checkLinks", () => {
  it("accepts links to written pages, their known ids, files, other sites, mail and phone", () => {
    expect(check("/articles/first-post/", "/articles/first-post", "/courses/java-fundamentals/#outline", "#setup", "/feed.xml", "https://www.example.com/articles/", "https://other.example/x", "mailto:a@b.c", "tel:+1303")).toEqual([]);
  });

  it("reports a path the build does not write, suggesting the nearest", () => {
    expect(check("/courses/java-fundamental/")).toEqual([
      { file: "content/articles/a.md", line: 10, field: "body", message: 'link "/courses/java-fundamental/" leads to no page of this site: did you mean "/courses/java-fundamentals/"?' },
    ]);
  });

  it("warns about a path only a redirect knows, naming the new one, with the section where the new page has the old one's", () => {
    expect(check("/blog/first-post/#setup", "/schedule/java-2026-11-den/#register")).toEqual([
      expect.objectContaining({ line: 10, severity: "warning", message: 'link "/blog/first-post/#setup" goes through a redirect: link to "/articles/first-post/#setup" directly' }),
      expect.objectContaining({ line: 11, severity: "warning", message: 'link "/schedule/java-2026-11-den/#register" goes through a redirect: link to "/courses/java-fundamentals/" directly' }),
    ]);
  });

  it("reports a #fragment the target page lacks, on this page and on another", () => {
    expect(check("#set-up", "/articles/first-post/#nxt-steps").map((problem) => problem.message)).toEqual([
      'link "#set-up" names #set-up, which /articles/first-post/ does not have: did you mean "#setup"?',
      'link "/articles/first-post/#nxt-steps" names #nxt-steps, which /articles/first-post/ does not have: did you mean "#next-steps"?',
    ]);
  });

  it("names a link to a section in another script as the editor wrote it, not as markdown-it escapes it", () => {
    // markdown-it writes "#установк" as %-escapes in the href it records.
    expect(check(encodeURI("#установк")).map((problem) => problem.message)).toEqual(['link "#установк" names #установк, which /articles/first-post/ does not have']);
  });

  it("reports, at its line, a link whose %-escape decodes to no text, in its path or its #fragment, instead of stopping", () => {
    const badEscape = (line: number, href: string) => `${line}: link "${href}" has a % that does not begin an escape of UTF-8 text (such as %20 for a space): write the character itself, or %25 for a percent sign`;
    expect(check("%C3", "/articles/first-post/#set%E0%A4%A", "/articles/%E2%82%AC/", "https://www.example.com/a%ZZ/").map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      badEscape(10, "%C3"),
      badEscape(11, "/articles/first-post/#set%E0%A4%A"),
      // A whole escape decodes (to €), the path is then looked up, and the link is shown as it reads.
      expect.stringMatching(/^12: link "\/articles\/€\/" leads to no page of this site/),
      badEscape(13, "https://www.example.com/a%ZZ/"),
    ]);
  });

  it("never offers the page the link is on, as for a relative link to another site's file, which resolves below it", () => {
    expect(check("ch05-structs.html", "first-pos/").map((problem) => problem.message)).toEqual([
      'link "ch05-structs.html" leads to no page of this site',
      'link "first-pos/" leads to no page of this site',
    ]);
    // From another page the same path is still offered.
    expect(checkLinks([{ file: "content/articles/b.md", pageUrl: "/articles/", links: [{ href: "/articles/first-post/ch05-structs.html", line: 3 }] }], targets).map((problem) => problem.message)).toEqual([
      'link "/articles/first-post/ch05-structs.html" leads to no page of this site: did you mean "/articles/first-post/"?',
    ]);
  });

  it("resolves relative links against the page", () => {
    expect(check("../", "../missing/").map((problem) => problem.line)).toEqual([11]);
  });
});

describe("checkLinks in `npm start`, where the same bodies are checked at every save", () => {
  it("checks the same links again against the pages of each build, and resolves them against each page's address", () => {
    const body = { file: "content/articles/a.md", pageUrl: "/articles/first-post/", links: [{ href: "../second-post/", line: 4 }] };
    expect(checkLinks([body], targets).map((problem) => problem.line)).toEqual([4]);
    const withSecond = { ...targets, paths: new Set([...targets.paths, "/articles/second-post/"]) };
    expect(checkLinks([body], withSecond)).toEqual([]);
    expect(checkLinks([body], targets)).toHaveLength(1);
    // The same links shown on another page lead elsewhere.
    expect(checkLinks([{ ...body, pageUrl: "/articles/third-post/" }], withSecond)).toEqual([]);
    expect(checkLinks([{ ...body, pageUrl: "/courses/java-fundamentals/" }], withSecond).map((problem) => problem.message)).toEqual([expect.stringMatching(/^link "\.\.\/second-post\/" leads to no page of this site/)]);
    // On another origin, a link to the old one is another site's.
    expect(checkLinks([{ ...body, links: [{ href: "https://www.example.com/gone/", line: 5 }] }], { ...targets, origin: "https://new.example.com" })).toEqual([]);
  });
});
