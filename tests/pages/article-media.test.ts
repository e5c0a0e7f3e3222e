import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { publishedArticles, siteUrl, type RawArticle } from "../support/raw-content.ts";
import { allPages, buildDir, fileForUrl, page, urlOfFile } from "../support/site-output.ts";
import path from "node:path";

const dir = () => buildDir("december");
const published = () => publishedArticles(CLOCKS.december);

/** Markdown images of a body, outside code fences: `![alt](src)`. */
function bodyImages(article: RawArticle): { alt: string; src: string }[] {
  const prose = article.body.replace(/^```[\s\S]*?^```/gm, "");
  return [...prose.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((match) => ({ alt: match[1]!, src: match[2]! }));
}

/** The front matter fields this file tests, read from the article's file. */
function frontMatter(article: RawArticle): { image?: string; imageAlt?: string; toc?: boolean; shortTitle?: string } {
  const text = readFileSync(path.join(FIXTURE_ROOT, article.file), "utf8");
  return parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as { image?: string; imageAlt?: string; toc?: boolean; shortTitle?: string };
}

const withImages = () => published().filter((article) => bodyImages(article).length > 0);
const withLeadImage = () => published().filter((article) => frontMatter(article).image);

describe("images in articles", () => {
  it("the fixture has articles with images and a lead image to test", () => {
    expect(withImages().length).toBeGreaterThan(0);
    expect(withLeadImage().length).toBeGreaterThan(0);
  });

  it("turns each image into a picture with the editor's alt text, dimensions and published files", () => {
    for (const article of withImages()) {
      const $ = page(dir(), article.url);
      const images = $(".prose img").toArray();
      expect(images.length, article.url).toBe(bodyImages(article).length);
      bodyImages(article).forEach(({ alt, src }, index) => {
        const img = $(images[index]!);
        expect(img.attr("alt"), `${article.url} ${src}`).toBe(alt.trim().toLowerCase() === "decorative" ? "" : alt);
        expect(Number(img.attr("width"))).toBeGreaterThan(0);
        expect(Number(img.attr("height"))).toBeGreaterThan(0);
        expect([img.attr("loading"), img.attr("decoding")]).toEqual(["lazy", "async"]);
        expect(existsSync(fileForUrl(dir(), img.attr("src")!)), img.attr("src")).toBe(true);
        if (src.endsWith(".svg")) return;
        const picture = img.parent("picture");
        const types = picture.find("source").toArray().map((source) => $(source).attr("type"));
        expect(types).toEqual(["image/avif", "image/webp"]);
        for (const source of picture.find("source").toArray()) {
          for (const candidate of $(source).attr("srcset")!.split(", ")) expect(existsSync(fileForUrl(dir(), candidate.split(" ")[0]!)), candidate).toBe(true);
        }
      });
    }
  });

  it("shows the lead image first, loaded eagerly, shares it, and puts it on the article's card", async () => {
    for (const article of withLeadImage()) {
      const { imageAlt } = frontMatter(article);
      const $ = page(dir(), article.url);
      const lead = $(".article__lead-image img");
      expect(lead.attr("alt")).toBe(imageAlt);
      expect(lead.attr("fetchpriority")).toBe("high");
      expect(lead.attr("loading")).toBeUndefined();
      expect($('meta[property="og:image"]').attr("content")).toBe(`${siteUrl()}${lead.attr("src")}`);
      expect($('meta[property="og:image:width"]').attr("content")).toBe(lead.attr("width"));
      const lists = (await allPages(dir())).map(urlOfFile).filter((url) => url.startsWith("/articles/") && !url.startsWith(article.url));
      const card = lists.map((url) => page(dir(), url)(`.article-card:has(a[href="${article.url}"])`)).find((found) => found.length > 0);
      expect(card?.find(".card__image img").attr("src"), article.url).toBeDefined();
    }
  });

  it("gives feeds absolute URLs to the fallback image", () => {
    const feed = readFileSync(path.join(dir(), "feed.xml"), "utf8");
    for (const article of withImages()) {
      const src = page(dir(), article.url)(".prose img").first().attr("src")!;
      expect(feed).toContain(`src=&quot;${siteUrl()}${src}&quot;`);
    }
  });
});

describe("code, headings and long reads", () => {
  it("highlights code with token classes and no page has a style attribute", async () => {
    const withCode = published().filter((article) => /^```\w+/m.test(article.body));
    expect(withCode.length).toBeGreaterThan(0);
    let tokens = 0;
    for (const article of withCode) {
      const $ = page(dir(), article.url);
      expect($("pre.code-block > code.hljs").length, article.url).toBe((article.body.match(/^```/gm) ?? []).length / 2);
      tokens += $("pre.code-block span[class^='hljs-']").length;
    }
    // A short command may hold no token worth a colour; across every sample, highlighting must show.
    expect(tokens).toBeGreaterThan(0);
    for (const file of await allPages(dir())) expect(page(dir(), urlOfFile(file))("[style]").length, file).toBe(0);
  });

  it("links every ##–#### heading to itself and adds a table of contents from four ## sections", () => {
    for (const article of published()) {
      const $ = page(dir(), article.url);
      for (const heading of $(".prose :is(h2, h3, h4):not(.toc h2)").toArray()) {
        const id = $(heading).attr("id");
        expect(id, article.url).toBeTruthy();
        expect($(heading).find("a.heading-link").attr("href")).toBe(`#${id}`);
      }
      const sections = (article.body.replace(/^```[\s\S]*?^```/gm, "").match(/^## /gm) ?? []).length;
      const expected = sections >= 4 && frontMatter(article).toc !== false;
      expect($("nav.toc").length, article.url).toBe(expected ? 1 : 0);
      for (const link of $("nav.toc a").toArray()) expect($(`[id="${$(link).attr("href")!.slice(1)}"]`).length).toBe(1);
    }
  });

  it("puts each table in its own scrolling box", () => {
    for (const article of published().filter((candidate) => /^\|.*\|\s*$/m.test(candidate.body))) {
      const $ = page(dir(), article.url);
      expect($(".prose table").length).toBeGreaterThan(0);
      expect($(".prose table").parent(".table-scroll").length).toBe($(".prose table").length);
    }
  });
});

describe("titles", () => {
  it("uses shortTitle for the browser tab when an article gives one, and the full title as its heading", () => {
    const shortened = published().filter((article) => frontMatter(article).shortTitle);
    expect(shortened.length).toBeGreaterThan(0);
    for (const article of shortened) {
      const $ = page(dir(), article.url);
      expect($("title").text().startsWith(frontMatter(article).shortTitle!), article.url).toBe(true);
      expect($("h1").text().trim()).toBe(article.title);
    }
  });
});

describe("logo, favicons and manifest", () => {
  it("shows the logo mark in the header and links the favicons and the manifest", () => {
    const $ = page(dir(), "/");
    expect(existsSync(fileForUrl(dir(), $(".site-header__mark").attr("src")!))).toBe(true);
    for (const selector of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]', 'link[rel="manifest"]']) {
      for (const link of $(selector).toArray()) expect(existsSync(fileForUrl(dir(), $(link).attr("href")!)), $(link).attr("href")).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(fileForUrl(dir(), $('link[rel="manifest"]').attr("href")!), "utf8")) as { name: string; icons: { src: string; sizes: string }[] };
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) expect(existsSync(fileForUrl(dir(), icon.src)), icon.src).toBe(true);
    expect(readFileSync(fileForUrl(dir(), "/favicon.ico")).readUInt16LE(2)).toBe(1);
  });

  it("names the logo in the Organization JSON-LD", () => {
    const $ = page(dir(), "/");
    const graphs = $('script[type="application/ld+json"]').toArray().map((script) => JSON.parse($(script).text()) as { "@graph"?: { "@type": string; logo?: { url: string } }[] });
    const organization = graphs.flatMap((graph) => graph["@graph"] ?? []).find((node) => node["@type"] === "EducationalOrganization");
    expect(organization?.logo?.url.startsWith(siteUrl())).toBe(true);
    expect(existsSync(fileForUrl(dir(), organization!.logo!.url.slice(siteUrl().length)))).toBe(true);
  });
});
