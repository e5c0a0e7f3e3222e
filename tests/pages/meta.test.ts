import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isFingerprinted } from "../../src/assets/fingerprint.ts";
import { socialImageSvg, wrapTitle } from "../../src/social/social-image-svg.ts";
import { CLOCKS } from "../support/build-site.ts";
import { imageSize } from "image-size";
import path from "node:path";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { publishedArticles, siteUrl, yamlIds } from "../support/raw-content.ts";
import { allPages, buildDir, fileForUrl, page, stylesheetFontUrls, urlOfFile } from "../support/site-output.ts";

// Expectations come from the fixture's content files (tests/fixture-site), read without src/.
const SITE_URL = siteUrl();
const december = buildDir("december");
const PRIVATE_COURSE_PAGE = /^\/training\/private\/[^/]+\/$/;

/** Published articles at the December clock. */
const articles = publishedArticles(CLOCKS.december);
const articleUrls = new Set(articles.map((article) => article.url));
const courseIds = yamlIds("_data/courses");

/** Width and height from a PNG's IHDR chunk; throws if the file is not a PNG. */
/** The pixel size of an image file, read from its header. */
function imageSizeOf(file: string): { width: number; height: number } {
  const { width, height } = imageSize(file);
  return { width: width ?? 0, height: height ?? 0 };
}

/** Whether an article's front matter names a lead image (`image:`). */
function hasLeadImage(file: string): boolean {
  const text = readFileSync(path.join(FIXTURE_ROOT, file), "utf8");
  return /^image:/m.test(text.split(/^---$/m)[1] ?? "");
}

/** Every JSON-LD object of a page, with @graph members flattened in. */
function jsonLd($: cheerio.CheerioAPI): Record<string, unknown>[] {
  const objects = $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
  return objects.flatMap((object) => (Array.isArray(object["@graph"]) ? (object["@graph"] as Record<string, unknown>[]) : [object]));
}

const ofType = (objects: Record<string, unknown>[], type: string) => objects.filter((object) => object["@type"] === type);
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/;

describe("page metadata (SITE_NOW 2026-12-01)", async () => {
  const files = await allPages(december);
  const pages = files.map((file) => ({ file, url: urlOfFile(file), $: page(december, file) }));

  it("gives every page one absolute canonical link: its own URL, or /training/private/ for a course's private page", () => {
    expect(pages.filter(({ url }) => PRIVATE_COURSE_PAGE.test(url)).length).toBeGreaterThan(0);
    for (const { file, url, $ } of pages) {
      const canonical = $('link[rel="canonical"]');
      expect(canonical, file).toHaveLength(1);
      expect(canonical.attr("href"), file).toBe(`${SITE_URL}${PRIVATE_COURSE_PAGE.test(url) ? "/training/private/" : url}`);
    }
  });

  it("preloads on every page one font, a fingerprinted file of the build that the stylesheet's @font-face rules load, before the stylesheet", () => {
    const fontUrls = stylesheetFontUrls(december);
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const { file, $ } of pages) {
      const preloads = $('link[rel="preload"]');
      expect(preloads, file).toHaveLength(1);
      const href = preloads.attr("href")!;
      // A preload the stylesheet does not ask for downloads a font twice, or one no text uses.
      expect(fontUrls, file).toContain(href);
      // Under a name with its content's hash, cached for a year: a font asked for again at each page view came late.
      expect(isFingerprinted(href, readFileSync(fileForUrl(december, href))), `${file}: ${href}`).toBe(true);
      expect([preloads.attr("as"), preloads.attr("type"), preloads.attr("crossorigin")], file).toEqual(["font", "font/woff2", ""]);
      expect(preloads.index(), file).toBeLessThan($('link[rel="stylesheet"]').index());
    }
  });

  it("gives every page a description and Open Graph and Twitter card tags", () => {
    for (const { file, url, $ } of pages) {
      const meta = (selector: string) => $(selector).attr("content")?.trim() ?? "";
      expect(meta('meta[name="description"]').length, file).toBeGreaterThan(0);
      expect(meta('meta[property="og:title"]').length, file).toBeGreaterThan(0);
      expect(meta('meta[property="og:description"]').length, file).toBeGreaterThan(0);
      expect(meta('meta[property="og:url"]'), file).toBe($('link[rel="canonical"]').attr("href"));
      expect(meta('meta[name="twitter:card"]'), file).toBe("summary_large_image");
      expect(meta('meta[property="og:type"]'), file).toBe(articleUrls.has(url) ? "article" : "website");
    }
  });

  it("points og:image of every page at an image of this build, of the size og:image:width and height state", () => {
    const sizes = new Map<string, { width: number; height: number }>();
    for (const { file, $ } of pages) {
      const image = $('meta[property="og:image"]').attr("content") ?? "";
      expect(image.startsWith(`${SITE_URL}/`), `${file}: ${image}`).toBe(true);
      const imagePath = new URL(image).pathname;
      expect(existsSync(fileForUrl(december, imagePath)), `${file}: ${imagePath} exists`).toBe(true);
      if (!sizes.has(imagePath)) sizes.set(imagePath, imageSizeOf(fileForUrl(december, imagePath)));
      const stated = { width: Number($('meta[property="og:image:width"]').attr("content")), height: Number($('meta[property="og:image:height"]').attr("content")) };
      expect(sizes.get(imagePath), `${file}: ${imagePath}`).toEqual(stated);
      // A generated card is 1200x630; an editor's lead image is shared at up to 1200 pixels wide.
      if (imagePath.startsWith("/assets/social/")) expect(stated).toEqual({ width: 1200, height: 630 });
      else expect(stated.width).toBeLessThanOrEqual(1200);
    }
  });

  it("gives each article and each course its own social image", () => {
    expect(articles.length).toBeGreaterThan(5);
    expect(courseIds.length).toBeGreaterThan(5);
    // An article with a lead image is shared with that image instead (tests/pages/article-media.test.ts).
    const images = [
      ...articles.filter((article) => !hasLeadImage(article.file)).map((article) => ({ url: `/articles/${article.slug}/`, image: `/assets/social/articles/${article.slug}.png` })),
      ...courseIds.map((id) => ({ url: `/courses/${id}/`, image: `/assets/social/courses/${id}.png` })),
    ];
    const hashes = new Set<string>();
    for (const { url, image } of images) {
      const $ = page(december, url);
      expect($('meta[property="og:image"]').attr("content"), url).toBe(`${SITE_URL}${image}`);
      expect($('meta[name="twitter:image"]').attr("content"), url).toBe(`${SITE_URL}${image}`);
      hashes.add(createHash("sha256").update(readFileSync(fileForUrl(december, image))).digest("hex"));
    }
    // Different titles give different pictures, not one image copied under many names.
    expect(hashes.size).toBe(images.length);
  });

  it("shows below the home page a breadcrumb trail that matches its BreadcrumbList step for step", () => {
    for (const { file, url, $ } of pages) {
      const nav = $('nav[aria-label="Breadcrumb"]');
      if (url === "/") {
        expect(nav, file).toHaveLength(0);
        continue;
      }
      expect(nav, file).toHaveLength(1);
      expect(nav.closest("[hidden], [aria-hidden='true']"), `${file}: breadcrumb is hidden`).toHaveLength(0);
      const steps = nav
        .find("li")
        .map((index, element) => {
          const item = $(element);
          const link = item.find("a[href]");
          const current = item.find('[aria-current="page"]');
          return { label: item.text().trim(), href: link.length ? link.attr("href")! : current.length ? url : "", current: current.length > 0 };
        })
        .get();
      expect(steps.length, file).toBeGreaterThanOrEqual(2);
      expect(steps[0], file).toMatchObject({ label: "Home", href: "/" });
      expect(steps.at(-1), file).toMatchObject({ href: url, current: true });
      expect(steps.slice(0, -1).every((step) => !step.current && step.href !== ""), file).toBe(true);

      const lists = ofType(jsonLd($), "BreadcrumbList");
      expect(lists, file).toHaveLength(1);
      const items = [...(lists[0]!.itemListElement as { position: number; name: string; item: string }[])].sort((a, b) => a.position - b.position);
      expect(items.map((item) => item.position), file).toEqual(steps.map((_, index) => index + 1));
      expect(
        items.map((item) => ({ label: item.name, item: item.item })),
        file,
      ).toEqual(steps.map((step) => ({ label: step.label, item: `${SITE_URL}${step.href}` })));
    }
  });

  it("describes the firm and the web site on the home page", () => {
    const objects = jsonLd(page(december, "/"));
    const [organization] = ofType(objects, "EducationalOrganization");
    expect(organization).toBeDefined();
    expect(organization).toMatchObject({ url: `${SITE_URL}/`, address: { "@type": "PostalAddress" }, contactPoint: { "@type": "ContactPoint" } });
    const address = organization!.address as Record<string, unknown>;
    for (const field of ["streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"]) expect(address[field], field).toBeTruthy();
    const contact = organization!.contactPoint as Record<string, unknown>;
    expect(contact.telephone ?? contact.email).toBeTruthy();
    expect(ofType(objects, "WebSite")).toHaveLength(1);
    expect(ofType(objects, "WebSite")[0]).toMatchObject({ url: `${SITE_URL}/` });
  });

  it("describes each article as a BlogPosting with its dates, author and an existing image", () => {
    for (const article of articles) {
      const url = `/articles/${article.slug}/`;
      const [posting, ...others] = ofType(jsonLd(page(december, url)), "BlogPosting");
      expect(others, url).toHaveLength(0);
      expect(posting, url).toBeDefined();
      expect(posting!.headline, url).toBe(article.title);
      expect(posting!.datePublished, url).toMatch(ISO_WITH_OFFSET);
      expect(posting!.dateModified, url).toMatch(ISO_WITH_OFFSET);
      expect(DateTime.fromISO(String(posting!.datePublished)).toMillis(), url).toBe(article.date.toMillis());
      expect(DateTime.fromISO(String(posting!.dateModified)).toMillis(), url).toBe((article.updated ?? article.date).toMillis());
      expect((posting!.author as { name?: unknown } | undefined)?.name, url).toBeTruthy();
      const image = String(posting!.image);
      expect(image.startsWith(`${SITE_URL}/`), url).toBe(true);
      expect(existsSync(fileForUrl(december, new URL(image).pathname)), `${url}: ${image}`).toBe(true);
    }
  });
});

describe("social image SVG", () => {
  const LONG = "Understanding the Differences Between Distributed Version Control Systems and Centralised Repositories for Enterprise Teams";

  it("wraps a title into lines of at most 28 characters", () => {
    const title = "How to Write a Training Budget Proposal That Gets Approved";
    const lines = wrapTitle(title);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(28);
    expect(lines.join(" ")).toBe(title);
  });

  it("lets a single word longer than a line stand alone instead of breaking it", () => {
    const word = "Supercalifragilisticexpialidocious-Antidisestablishmentarianism";
    const lines = wrapTitle(`Learn ${word} today`);
    expect(lines).toEqual(["Learn", word, "today"]);
  });

  it("keeps at most four lines and ends a cut title with an ellipsis", () => {
    const lines = wrapTitle(LONG);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)!.endsWith("…")).toBe(true);
    for (const line of lines) expect(line.replace(/…$/, "").length, line).toBeLessThanOrEqual(28);
    // What is kept is the start of the title, word for word.
    expect(LONG.startsWith(lines.join(" ").replace(/…$/, ""))).toBe(true);
  });

  it("does not add an ellipsis to a title that fits", () => {
    expect(wrapTitle("Java Fundamentals")).toEqual(["Java Fundamentals"]);
    expect(wrapTitle("Java Fundamentals").join("")).not.toContain("…");
  });

  it("escapes < and & in the title so the SVG stays well-formed", () => {
    const svg = socialImageSvg({ title: "C++ & <Templates> for Teams", eyebrow: "Course · Advanced · 3 days", brand: "A & B", host: "example.com" });
    expect(svg).not.toContain("<Templates>");
    expect(svg).toContain("&lt;Templates&gt;");
    expect(svg).toContain("C++ &amp;");
    expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|#39|#x27|apos);)/);
    const $ = cheerio.load(svg, { xml: true });
    expect($("svg").attr("width")).toBe("1200");
    expect($("svg").attr("height")).toBe("630");
    expect($("text.title").map((_, element) => $(element).text()).get().join(" ")).toBe("C++ & <Templates> for Teams");
  });
});
