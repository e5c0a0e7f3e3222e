import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { publishedArticles, rawArticles, rawEntries, ZONE } from "../support/raw-content.ts";
import { allPages, buildDir, page, urlExists } from "../support/site-output.ts";

// Expectations come from the fixture's article files (tests/fixture-site), read without src/.
const december = buildDir("december");
const development = buildDir("development");
const PER_PAGE = 10;
const published = publishedArticles(CLOCKS.december);
const all = rawArticles();
const draft = all.find((article) => article.draft)!;
const scheduled = all.find((article) => !article.draft && article.date > DateTime.fromISO(CLOCKS.december))!;
const authors = rawEntries<{ name: string }>("_data/authors.yaml");
const authorName = (id: string) => authors.find((author) => author.id === id)!.name;
const DRAFT = draft.slug;
const SCHEDULED = scheduled.slug;

describe("article pages (SITE_NOW 2026-12-01)", () => {
  it("the fixture has a draft, a scheduled article and more than one page of published ones", () => {
    expect(draft).toBeDefined();
    expect(scheduled).toBeDefined();
    expect(published.length).toBeGreaterThan(PER_PAGE);
    expect(published.length).toBeLessThanOrEqual(2 * PER_PAGE);
  });

  it("writes the home page, the article list, the 404 page and every published article", () => {
    for (const url of ["/", "/articles/", "/articles/tags/", "/404.html", ...published.map((article) => article.url)]) {
      expect(urlExists(december, url), url).toBe(true);
    }
  });

  it("lists articles newest first, ten a page, with date, author, summary and reading time", () => {
    const first = page(december, "/articles/");
    const titles = first(".article-card .card__title").map((_, el) => first(el).text().trim()).get();
    expect(titles).toHaveLength(PER_PAGE);
    expect(titles[0]).toBe(published[0]!.title);
    const dates = first(".article-card time").map((_, el) => first(el).attr("datetime")).get();
    expect([...dates].sort().reverse()).toEqual(dates);
    const card = first(".article-card").first();
    const newest = published[0]!;
    const shownDate = newest.date.setZone(ZONE).setLocale("en-US").toFormat("LLLL d, yyyy");
    expect(card.find(".meta").text().replace(/\s+/g, " ")).toContain(shownDate);
    expect(card.find(".meta").text()).toContain(authorName(newest.author));
    expect(card.find(".meta").text()).toMatch(/\d+ min read/);
    expect(card.find(".card__summary").text().length).toBeGreaterThan(40);

    const second = page(december, "/articles/page/2/");
    expect(second(".article-card")).toHaveLength(published.length - PER_PAGE);
    expect(second('a[rel="prev"]').attr("href")).toBe("/articles/");
    expect(first('a[rel="next"]').attr("href")).toBe("/articles/page/2/");
  });

  it("shows each article with its date in Denver, author, tags, reading time, neighbours, related articles and courses", () => {
    const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const oldestFirst = [...published].reverse();
    oldestFirst.forEach((article, index) => {
      const $ = page(december, article.url);
      expect($("h1"), article.slug).toHaveLength(1);
      expect($("h1").text(), article.slug).toBe(article.title);
      expect($(".article__header time").first().attr("datetime"), article.slug).toBe(article.date.toISODate());
      expect($(".article__header .meta").first().text(), article.slug).toContain(authorName(article.author));
      expect($(".article__header .meta").first().text(), article.slug).toMatch(/\d+ min read/);
      expect($('a[rel="tag"]').map((_, el) => $(el).attr("href")).get(), article.slug).toEqual([...new Set(article.tags.map((tag) => `/articles/tags/${tagSlug(tag)}/`))]);
      expect($('a[rel="prev"]').attr("href"), article.slug).toBe(oldestFirst[index - 1]?.url);
      expect($('a[rel="next"]').attr("href"), article.slug).toBe(oldestFirst[index + 1]?.url);
      expect($("#related-courses + ul a").map((_, el) => $(el).attr("href")).get(), article.slug).toEqual(article.relatedCourses.map((id) => `/courses/${id}/`));
    });
  });

  it("offers three other articles that share tags", () => {
    const $ = page(december, "/articles/it-manager-vs-it-project-manager/");
    const related = $("#other-articles + ul a").map((_, el) => $(el).attr("href")).get();
    expect(related).toHaveLength(3);
    expect(related).not.toContain("/articles/it-manager-vs-it-project-manager/");
  });

  it("treats tag spellings that differ in case or hyphens as one tag, with one page", () => {
    const $ = page(december, "/articles/tags/project-management/");
    const hrefs = $(".article-card .card__title a").map((_, el) => $(el).attr("href")).get();
    expect(hrefs).toContain("/articles/uml-use-cases-people-read/");
    expect(hrefs).toContain("/articles/it-manager-vs-it-project-manager/");
    expect($("h1").text()).toBe("Articles on Project Management");
  });

  it("writes a page per author listing their published articles, across the author's pages", () => {
    const writers = authors.filter((author) => published.some((article) => article.author === author.id));
    expect(writers.length).toBeGreaterThan(1);
    for (const author of writers) {
      const $ = page(december, `/authors/${author.id}/`);
      expect($("h1").text(), author.id).toBe(author.name);
      const listed: string[] = [];
      // Follow the pager's "Older articles" links: a prolific author's list is split like /articles/.
      for (let url: string | undefined = `/authors/${author.id}/`; url; ) {
        const current = page(december, url);
        listed.push(...current(".article-card .card__title a").map((_, el) => current(el).attr("href")).get());
        url = current('.pager a[rel="next"]').attr("href");
      }
      expect([...listed].sort(), author.id).toEqual(published.filter((article) => article.author === author.id).map((article) => article.url).sort());
    }
  });

  it("leaves drafts and scheduled articles out of a production build everywhere", async () => {
    expect(urlExists(december, `/articles/${DRAFT}/`)).toBe(false);
    expect(urlExists(december, `/articles/${SCHEDULED}/`)).toBe(false);
    for (const file of await allPages(december)) {
      const html = await readFile(path.join(december, file), "utf8");
      expect(html, file).not.toContain(DRAFT);
      expect(html, file).not.toContain(SCHEDULED);
      expect(html, file).not.toContain(draft.title);
    }
  });

  it("shows drafts and scheduled articles in a development build, marked", () => {
    const draft = page(development, `/articles/${DRAFT}/`);
    expect(draft(".badge--draft").text()).toBe("Draft");
    const scheduled = page(development, `/articles/${SCHEDULED}/`);
    expect(scheduled(".badge--scheduled").text()).toBe("Scheduled");
    const list = page(development, "/articles/");
    expect(list(".badge--scheduled")).toHaveLength(1);
  });

  // Also on the real sample content: any valid content must give pages like these.
  it.each(["december", "sample"] as const)("gives every page of the %s build one h1, a title and a meta description", async (build) => {
    const dir = buildDir(build);
    for (const file of await allPages(dir)) {
      const $ = page(dir, file);
      expect($("h1"), file).toHaveLength(1);
      expect($("title").text().trim().length, file).toBeGreaterThan(5);
      expect($('meta[name="description"]').attr("content")?.trim().length, file).toBeGreaterThan(20);
    }
  });
});
