import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { findPromotionMarkers, promotionMarkerPlugin, replacePromotionMarkers } from "../../src/markdown/promotion-marker.ts";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";

const markdown = new MarkdownIt({ html: false }).use(promotionMarkerPlugin);

describe("promotionMarkerPlugin", () => {
  it("turns a marker line into a placeholder that records its kind, ids and body line", () => {
    const html = markdown.render("Intro.\n\n[[promotion: empowered-tools]]\n\n[[Courses:  aws-fundamentals ,office-365 ]]\n");
    expect(html).not.toContain("[[");
    expect(findPromotionMarkers(html)).toEqual([
      { kind: "promotion", ids: ["empowered-tools"], line: 3 },
      { kind: "courses", ids: ["aws-fundamentals", "office-365"], line: 5 },
    ]);
  });

  it("ends a paragraph when a marker follows it on the next line", () => {
    const html = markdown.render("A paragraph\n[[promotion: x]]\nmore text\n");
    expect(findPromotionMarkers(html)).toEqual([{ kind: "promotion", ids: ["x"], line: 2 }]);
    expect(html).toMatch(/^<p>A paragraph<\/p>\n<!--promotion-marker:[^>]*-->\n<p>more text<\/p>\n$/);
  });

  it("keeps a misspelt kind as a marker, so the check can name it", () => {
    expect(findPromotionMarkers(markdown.render("[[promo: x]]\n"))).toEqual([{ kind: "promo", ids: ["x"], line: 1 }]);
  });

  it("leaves code, inline text and lines that are not a whole marker alone", () => {
    const source = "```\n[[promotion: in-fence]]\n```\n\n    [[promotion: indented]]\n\nSee [[promotion: inline]] here.\n\n[[promotion]]\n\n[[promotion: x]] trailing\n";
    const html = markdown.render(source);
    expect(findPromotionMarkers(html)).toEqual([]);
    expect(html).toContain("[[promotion: in-fence]]");
    expect(html).toContain("[[promotion: indented]]");
    expect(html).toContain("See [[promotion: inline]] here.");
  });

  it("writes no markup an editor controls: an id cannot close the placeholder comment", () => {
    const html = markdown.render("[[courses: a--><script>alert(1)</script>]]\n");
    expect(html).not.toContain("<script>");
    expect(html.match(/-->/g)).toHaveLength(1);
    expect(findPromotionMarkers(html)[0]?.ids).toEqual(["a--><script>alert(1)</script>"]);
  });

  it("is part of the site's Markdown renderer", () => {
    expect(findPromotionMarkers(renderMarkdownDocument("Text.\n\n[[promotion: empowered-tools]]\n", { file: "", firstLine: 1 }).html)).toEqual([{ kind: "promotion", ids: ["empowered-tools"], line: 3 }]);
  });
});

describe("replacePromotionMarkers", () => {
  it("replaces each placeholder with what the callback renders, and nothing else", () => {
    const html = markdown.render("One.\n\n[[promotion: a]]\n\nTwo.\n\n[[courses: b, c]]\n");
    const replaced = replacePromotionMarkers(html, (marker) => (marker.kind === "promotion" ? `<aside>${marker.ids[0]}</aside>\n` : ""));
    expect(replaced).toBe("<p>One.</p>\n<aside>a</aside>\n<p>Two.</p>\n");
  });

  it("returns HTML without markers unchanged", () => {
    expect(replacePromotionMarkers("<p>Plain.</p>\n", () => "x")).toBe("<p>Plain.</p>\n");
  });
});
