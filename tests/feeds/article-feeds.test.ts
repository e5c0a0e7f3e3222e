import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { publishedArticles as publishedAt, rawArticles, readYaml, type RawArticle as SourceArticle, siteUrl } from "../support/raw-content.ts";
import { allPages, buildDir, page } from "../support/site-output.ts";

// Expectations come from the fixture's article files (tests/fixture-site), read without src/.
const SITE_URL = siteUrl();
const DRAFT = rawArticles().find((article) => article.draft)!.slug;
const SCHEDULED = rawArticles().find((article) => !article.draft && article.date > DateTime.fromISO(CLOCKS.december))!.slug;

/** Letters and digits only, lower case: compares prose whatever the typographer did to quotes and dashes. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** The opening of an article's first paragraph, without Markdown syntax. */
function openingWords(body: string): string {
  const paragraph = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block.length > 0 && !/^(#|-|\*|\d+\.|>|```|\|)/.test(block));
  if (!paragraph) throw new Error("article has no paragraph");
  return squash(paragraph.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")).slice(0, 80);
}

/** Root-relative links the Markdown makes, e.g. "/courses/python-programming/". */
const rootRelativeLinks = (body: string) => [...body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1]!);

/** site.yaml's feedEntries, or the schema's default. */
const FEED_ENTRIES = readYaml<{ feedEntries?: number }>("_data/site.yaml").feedEntries ?? 20;
const expected = publishedAt(CLOCKS.december).slice(0, FEED_ENTRIES);
const bySlugUrl = new Map(expected.map((article) => [`${SITE_URL}${article.url}`, article]));
const withUpdated = expected.filter((article) => article.updated);
const withLinks = expected.filter((article) => rootRelativeLinks(article.body).length > 0);

/** The JSON Feed items as the test reads them. */
interface JsonFeedItem {
  id: unknown;
  url: unknown;
  title: unknown;
  content_html: unknown;
  date_published: unknown;
  date_modified?: unknown;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function readFeeds(name: "december" | "development") {
  const dir = buildDir(name);
  const atomText = readFileSync(path.join(dir, "feed.xml"), "utf8");
  const atom = parseFeed(atomText);
  const json = JSON.parse(readFileSync(path.join(dir, "feed.json"), "utf8")) as { version: unknown; title: unknown; items: JsonFeedItem[] };
  return { atomText, atom, json };
}

/** Checks that the content of one entry is the whole article, with its links made absolute. */
function expectFullContent(html: string, article: SourceArticle, where: string) {
  const $ = cheerio.load(html);
  // Sections survive: an article with `##` headings keeps them as <h2> in the feed.
  expect($("h2").length > 0, `${where}: <h2> in the content`).toBe(/^## /m.test(article.body));
  expect(squash($.root().text()), `${where}: the article's opening paragraph`).toContain(openingWords(article.body));
  const targets = $("[href], [src]")
    .map((_, element) => $(element).attr("href") ?? $(element).attr("src"))
    .get();
  for (const target of targets) expect(target, `${where}: a link left root-relative`).not.toMatch(/^\//);
  for (const link of rootRelativeLinks(article.body)) expect(targets, where).toContain(`${SITE_URL}${link}`);
}

describe("article feeds (SITE_NOW 2026-12-01)", () => {
  const { atomText, atom, json } = readFeeds("december");

  it("computes a non-trivial expectation: several articles, the draft and the scheduled one left out", () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.map((article) => article.slug)).not.toContain(DRAFT);
    expect(expected.map((article) => article.slug)).not.toContain(SCHEDULED);
    expect(rawArticles().map((article) => article.slug)).toEqual(expect.arrayContaining([DRAFT, SCHEDULED]));
    expect(withUpdated.length).toBeGreaterThan(0);
    expect(withLinks.length).toBeGreaterThan(0);
  });

  it("the Atom feed parses with an independent parser and is an Atom 1.0 feed", () => {
    expect(atom.meta.type).toBe("atom");
    expect(atom.meta.version).toBe("1.0");
    expect(atom.title).toBeTruthy();
    expect(atom.self).toBe(`${SITE_URL}/feed.xml`);
  });

  it("both feeds hold exactly the newest published articles (at most feedEntries), newest first, in the same order", () => {
    const expectedUrls = expected.map((article) => `${SITE_URL}${article.url}`);
    expect(atom.items.map((item) => item.url)).toEqual(expectedUrls);
    expect(json.items.map((item) => item.url)).toEqual(expectedUrls);
    const published = atom.items.map((item) => item.published!.getTime());
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it("never mentions the draft or the scheduled article", () => {
    const jsonText = JSON.stringify(json);
    for (const text of [atomText, jsonText]) {
      expect(text).not.toContain(DRAFT);
      expect(text).not.toContain(SCHEDULED);
    }
  });

  it("gives every entry an absolute URL and id on the site, in the file itself and not only after parsing", () => {
    const origin = `${SITE_URL}/`;
    for (const item of atom.items) {
      expect(item.url!.startsWith(origin), item.url!).toBe(true);
      expect(item.id).toBe(item.url);
    }
    // The parser resolves relative links against the feed, so check the raw XML as well.
    const $ = cheerio.load(atomText, { xml: true });
    const links = $("link").map((_, element) => $(element).attr("href")).get();
    const ids = $("id").map((_, element) => $(element).text().trim()).get();
    expect(ids).toHaveLength(expected.length + 1);
    for (const value of [...links, ...ids]) expect(value.startsWith(origin), value).toBe(true);
    for (const item of json.items) {
      expect(String(item.id).startsWith(origin), String(item.id)).toBe(true);
      expect(item.url).toBe(item.id);
    }
  });

  it("carries each article's full content, with root-relative links made absolute", () => {
    for (const item of atom.items) expectFullContent(item.content ?? "", bySlugUrl.get(item.url!)!, `feed.xml ${item.url}`);
    for (const item of json.items) expectFullContent(String(item.content_html), bySlugUrl.get(String(item.url))!, `feed.json ${String(item.url)}`);
  });

  it("dates each entry with its publication date, and reports `updated:` as the entry's update", () => {
    for (const item of atom.items) {
      const article = bySlugUrl.get(item.url!)!;
      expect(item.published?.getTime(), item.url!).toBe(article.date.toMillis());
      expect(item.updated?.getTime(), item.url!).toBe((article.updated ?? article.date).toMillis());
    }
    for (const item of json.items) {
      const article = bySlugUrl.get(String(item.url))!;
      expect(Date.parse(String(item.date_published)), String(item.url)).toBe(article.date.toMillis());
      expect(Date.parse(String(item.date_modified)), String(item.url)).toBe((article.updated ?? article.date).toMillis());
    }
    const python = atom.items.find((item) => item.url === `${SITE_URL}/articles/python-for-system-administrators/`);
    expect(python?.updated?.toISOString()).toBe("2024-02-20T07:00:00.000Z");
  });

  it("the JSON feed has the JSON Feed 1.1 basics", () => {
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof json.title).toBe("string");
    expect(String(json.title).length).toBeGreaterThan(0);
    expect(Array.isArray(json.items)).toBe(true);
    for (const item of json.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.url).toBe("string");
      expect(typeof item.title).toBe("string");
      expect(typeof item.content_html).toBe("string");
      expect(item.date_published).toMatch(RFC3339);
      expect(item.date_modified).toMatch(RFC3339);
    }
    expect(new Set(json.items.map((item) => item.id)).size).toBe(json.items.length);
  });

  it("every page links both feeds from its head", async () => {
    const dir = buildDir("december");
    for (const file of await allPages(dir)) {
      const $ = page(dir, file);
      expect($('head link[rel="alternate"][type="application/atom+xml"][href="/feed.xml"]'), file).toHaveLength(1);
      expect($('head link[rel="alternate"][type="application/feed+json"][href="/feed.json"]'), file).toHaveLength(1);
    }
  });
});

describe("article feeds of a development build", () => {
  it("still hold only the published articles, though drafts have pages there", () => {
    const { atom, json } = readFeeds("development");
    const expectedUrls = expected.map((article) => `${SITE_URL}${article.url}`);
    expect(atom.items.map((item) => item.url)).toEqual(expectedUrls);
    expect(json.items.map((item) => item.url)).toEqual(expectedUrls);
  });
});
