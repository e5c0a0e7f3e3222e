import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawArticles, rawSessions, siteUrl, ZONE } from "../support/raw-content.ts";
import { sitemapFiles, sitemapFileUrls, sitemapPages } from "../../src/feeds/sitemap.ts";
import { allPages, buildDir, page, urlOfFile } from "../support/site-output.ts";

// Expectations come from the fixture's content files (tests/fixture-site), read without src/.
const SITE_URL = siteUrl();
const DRAFT = rawArticles().find((article) => article.draft)!.slug;
/** An article dated between the two clocks: unpublished in December, published in March. */
const SCHEDULED = rawArticles().find((article) => !article.draft && article.date > DateTime.fromISO(CLOCKS.december) && article.date <= DateTime.fromISO(CLOCKS.march))!.slug;

/** Session ids whose end has passed at `now`, from _data/schedule.yaml. */
const endedSessions = (now: string): string[] => rawSessions().filter((session) => session.endAt <= DateTime.fromISO(now)).map((session) => session.id);

/** The sitemap of a build, parsed as XML. */
function readSitemap(dir: string) {
  const text = readFileSync(path.join(dir, "sitemap.xml"), "utf8");
  const $ = cheerio.load(text, { xml: true });
  const entries = $("urlset > url")
    .map((_, element) => ({ loc: $(element).children("loc").text().trim(), lastmod: $(element).children("lastmod").text().trim() }))
    .get();
  return { text, $, entries };
}

/** The URLs a sitemap must list, found by reading every built page: not the 404 page, nothing marked noindex. */
async function publicPages(dir: string): Promise<{ all: string[]; noindex: string[] }> {
  const all: string[] = [];
  const noindex: string[] = [];
  for (const file of await allPages(dir)) {
    if (file === "/404.html") continue;
    const $ = page(dir, file);
    const robots = $('meta[name="robots"]').attr("content") ?? "";
    (robots.includes("noindex") ? noindex : all).push(urlOfFile(file));
  }
  return { all, noindex };
}

describe.each([
  { name: "december", now: CLOCKS.december },
  { name: "march", now: CLOCKS.march },
] as const)("sitemap.xml of the $name build", ({ name, now }) => {
  const dir = buildDir(name);
  const { text, $, entries } = readSitemap(dir);
  const clock = DateTime.fromISO(now);
  const articles = rawArticles();
  const published = articles.filter((article) => !article.draft && article.date <= clock);
  const locs = entries.map((entry) => entry.loc);

  it("is a sitemaps.org urlset", () => {
    expect(text.startsWith("<?xml")).toBe(true);
    expect($("urlset").attr("xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(entries.length).toBeGreaterThan(50);
  });

  it("lists exactly the public pages of the build, each once", async () => {
    const { all, noindex } = await publicPages(dir);
    // The noindex pages exist, so leaving them out is a real choice the sitemap has to make.
    expect(noindex.filter((url) => url.startsWith("/thanks/")).length).toBeGreaterThan(0);
    expect(noindex.filter((url) => /^\/training\/private\/[^/]+\/$/.test(url)).length).toBeGreaterThan(0);
    expect(new Set(locs).size).toBe(locs.length);
    expect(entries).toHaveLength(all.length);
    expect([...locs].sort()).toEqual(all.map((url) => `${SITE_URL}${url}`).sort());
    for (const url of [...noindex, "/404.html"]) expect(locs, url).not.toContain(`${SITE_URL}${url}`);
  });

  it("gives every entry an absolute loc on the site and a YYYY-MM-DD lastmod", () => {
    for (const { loc, lastmod } of entries) {
      expect(new URL(loc).origin, loc).toBe(new URL(SITE_URL).origin);
      expect(loc.startsWith(`${SITE_URL}/`), loc).toBe(true);
      expect(lastmod, loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(DateTime.fromISO(lastmod).isValid, loc).toBe(true);
    }
  });

  it("dates each article by its update, or its publication when it has none", () => {
    expect(published.length).toBeGreaterThan(5);
    for (const article of published) {
      const entry = entries.find((candidate) => candidate.loc === `${SITE_URL}/articles/${article.slug}/`);
      expect(entry, article.slug).toBeDefined();
      expect(entry!.lastmod, article.slug).toBe((article.updated ?? article.date).setZone(ZONE).toISODate());
    }
  });

  it("leaves out drafts, articles not yet published and sessions that have ended", () => {
    const unpublished = articles.filter((article) => article.draft || article.date > clock).map((article) => article.slug);
    expect(unpublished).toContain(DRAFT);
    for (const slug of unpublished) expect(text, slug).not.toContain(`/articles/${slug}/`);
    const ended = endedSessions(now);
    expect(ended.length).toBeGreaterThan(0);
    for (const id of ended) expect(text, id).not.toContain(id);
  });

  if (name === "december") {
    it("does not list the article scheduled for January", () => {
      expect(text).not.toContain(SCHEDULED);
    });
  } else {
    it("lists the January article once its date has passed", () => {
      expect(locs).toContain(`${SITE_URL}/articles/${SCHEDULED}/`);
    });
  }
});

describe("robots.txt", () => {
  it("names the sitemap by its absolute URL", () => {
    const text = readFileSync(path.join(buildDir("december"), "robots.txt"), "utf8");
    expect(text.split("\n")).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(text).toMatch(/^User-agent: \*$/m);
  });
});

describe("sitemapFiles past the URL limit (lowered to 2 here)", () => {
  const build = DateTime.fromISO("2026-12-01T09:00", { zone: ZONE });
  const pages = [
    { url: "/c/", lastmod: "2026-10-01" },
    { url: "/a/", lastmod: "2026-11-05" },
    { url: "/e/" },
    { url: "/b/", lastmod: "2026-09-01" },
    { url: "/d/", lastmod: "2026-08-01" },
  ];

  it("names the same files as the page table lists for them (sitemapFileUrls), whole or in parts", () => {
    for (const count of [2, 5]) expect(sitemapFiles(pages.slice(0, count), "https://example.com", build, 2).map((file) => file.url)).toEqual(sitemapFileUrls(count, 2));
  });

  it("writes one urlset while the pages fit", () => {
    const files = sitemapFiles(pages.slice(0, 2), "https://example.com", build, 2);
    expect(files.map((file) => file.url)).toEqual(["/sitemap.xml"]);
    expect(cheerio.load(files[0]!.xml, { xml: true })("urlset > url")).toHaveLength(2);
  });

  it("turns /sitemap.xml into an index of parts of at most the limit, in URL order, each part dated by its newest page", () => {
    const files = sitemapFiles(pages, "https://example.com", build, 2);
    expect(files.map((file) => file.url)).toEqual(["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"]);
    const index = cheerio.load(files[0]!.xml, { xml: true });
    expect(index("sitemapindex > sitemap > loc").map((_, element) => index(element).text()).get()).toEqual([
      "https://example.com/sitemap-1.xml",
      "https://example.com/sitemap-2.xml",
      "https://example.com/sitemap-3.xml",
    ]);
    expect(index("sitemapindex > sitemap > lastmod").map((_, element) => index(element).text()).get()).toEqual(["2026-11-05", "2026-10-01", "2026-12-01"]);
    const locs = files.slice(1).map((file) => {
      const $ = cheerio.load(file.xml, { xml: true });
      return $("urlset > url > loc").map((_, element) => $(element).text()).get();
    });
    expect(locs).toEqual([
      ["https://example.com/a/", "https://example.com/b/"],
      ["https://example.com/c/", "https://example.com/d/"],
      ["https://example.com/e/"],
    ]);
  });
});

describe("sitemapPages", () => {
  it("lists the entries marked for the sitemap, with their lastmod where they have one", () => {
    const pages = sitemapPages([
      { url: "/about/", lastmod: "2026-05-01", inSitemap: true },
      { url: "/courses/x/", inSitemap: true },
      { url: "/thanks/contact/", inSitemap: false },
      { url: "/feed.xml", lastmod: "2026-01-01", inSitemap: false },
    ]);
    expect(pages).toEqual([{ url: "/about/", lastmod: "2026-05-01" }, { url: "/courses/x/" }]);
  });
});
