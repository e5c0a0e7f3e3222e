import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import type { Article } from "../collections/views.ts";
import { escapeHtml } from "../html/escape-html.ts";
import type { Site } from "../schemas/site.ts";
import { SITE_PATHS } from "../urls/site-urls.ts";

/** What both feeds are made from. */
export interface FeedInput {
  site: Site;
  /** Published articles, newest first. */
  articles: readonly Article[];
}

/** Feed paths, as linked from every page's head. */
export const FEED_PATHS = { atom: SITE_PATHS.atomFeed, json: SITE_PATHS.jsonFeed } as const;

const rfc3339 = (value: DateTime) => value.toUTC().toISO({ suppressMilliseconds: true })!;
const lastChange = (article: Article) => article.updated ?? article.date;

// Both feeds need the same conversion. `npm start` hands an unchanged article's object to later builds too
// (src/collections/articles.ts), whose site address may differ: the conversion is kept with what it was made from.
const absoluteHtml = new WeakMap<Article, { url: string; html: string; absolute: Promise<string> }>();

/** The articles with their full HTML made absolute, so links and images work in a feed reader. */
async function absoluteEntries(input: FeedInput) {
  return Promise.all(
    input.articles.map(async (article) => {
      const url = `${input.site.url}${article.url}`;
      const html = article.html;
      let kept = absoluteHtml.get(article);
      if (kept?.url !== url || kept.html !== html) absoluteHtml.set(article, (kept = { url, html, absolute: convertHtmlToAbsoluteUrls(html, url) }));
      return { article, url, html: await kept.absolute };
    }),
  );
}

function feedUpdated(input: FeedInput): DateTime | undefined {
  return input.articles.map(lastChange).reduce<DateTime | undefined>((newest, date) => (!newest || date > newest ? date : newest), undefined);
}

/** An Atom 1.0 feed of the published articles, full content; every value goes through the escaping helper. */
export async function atomFeed(input: FeedInput): Promise<string> {
  const { site } = input;
  const updated = feedUpdated(input);
  const entries = await absoluteEntries(input);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US">`,
    `  <title>${escapeHtml(`${site.name}: articles`)}</title>`,
    `  <subtitle>${escapeHtml(site.tagline)}</subtitle>`,
    `  <id>${escapeHtml(`${site.url}/`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(site.url + FEED_PATHS.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(`${site.url}${SITE_PATHS.articles}`)}"/>`,
    `  <updated>${updated ? rfc3339(updated) : "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>${escapeHtml(site.name)}</name><email>${escapeHtml(site.email)}</email></author>`,
    ...entries.flatMap(({ article, url, html }) => [
      `  <entry>`,
      `    <title>${escapeHtml(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
      `    <id>${escapeHtml(url)}</id>`,
      `    <published>${rfc3339(article.date)}</published>`,
      `    <updated>${rfc3339(lastChange(article))}</updated>`,
      `    <author><name>${escapeHtml(article.byline.name)}</name><uri>${escapeHtml(site.url + article.byline.url)}</uri></author>`,
      ...article.tags.map((tag) => `    <category term="${escapeHtml(tag.slug)}" label="${escapeHtml(tag.label)}"/>`),
      `    <summary>${escapeHtml(article.summary)}</summary>`,
      `    <content type="html">${escapeHtml(html)}</content>`,
      `  </entry>`,
    ]),
    `</feed>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** A JSON Feed 1.1 of the published articles, full content. */
export async function jsonFeed(input: FeedInput): Promise<string> {
  const { site } = input;
  const entries = await absoluteEntries(input);
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: `${site.name}: articles`,
    description: site.tagline,
    language: "en-US",
    home_page_url: `${site.url}${SITE_PATHS.articles}`,
    feed_url: site.url + FEED_PATHS.json,
    authors: [{ name: site.name, url: `${site.url}/` }],
    items: entries.map(({ article, url, html }) => ({
      id: url,
      url,
      title: article.title,
      summary: article.summary,
      content_html: html,
      date_published: rfc3339(article.date),
      date_modified: rfc3339(lastChange(article)),
      authors: [{ name: article.byline.name, url: site.url + article.byline.url }],
      tags: article.tags.map((tag) => tag.label),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
