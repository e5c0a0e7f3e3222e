import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allPages, buildDir, page, urlExists } from "../support/site-output.ts";

const december = buildDir("december");
const development = buildDir("development");
const DRAFT = "evaluating-training-vendors-checklist";
const SCHEDULED = "planning-your-2027-training-calendar";

describe("article pages (SITE_NOW 2026-12-01)", () => {
  it("writes the home page, the article list, the 404 page and every published article", () => {
    for (const url of ["/", "/articles/", "/articles/tags/", "/404.html", "/articles/it-manager-vs-it-project-manager/", "/articles/writing-a-training-budget-proposal/"]) {
      expect(urlExists(december, url), url).toBe(true);
    }
  });

  it("lists articles newest first, ten a page, with date, author, summary and reading time", () => {
    const first = page(december, "/articles/");
    const titles = first(".article-card .card__title").map((_, el) => first(el).text().trim()).get();
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe("How to Write a Training Budget Proposal That Gets Approved");
    const dates = first(".article-card time").map((_, el) => first(el).attr("datetime")).get();
    expect([...dates].sort().reverse()).toEqual(dates);
    const card = first(".article-card").first();
    expect(card.find(".meta").text()).toMatch(/October 6, 2026.*HSG.*\d+ min read/s);
    expect(card.find(".card__summary").text().length).toBeGreaterThan(40);

    const second = page(december, "/articles/page/2/");
    expect(second(".article-card")).toHaveLength(2);
    expect(second('a[rel="prev"]').attr("href")).toBe("/articles/");
    expect(first('a[rel="next"]').attr("href")).toBe("/articles/page/2/");
  });

  it("shows an article with its date in Denver, author, tags, reading time, neighbours, related articles and courses", () => {
    const $ = page(december, "/articles/python-for-system-administrators/");
    expect($("h1")).toHaveLength(1);
    expect($("h1").text()).toBe("Python for System Administrators: Where to Start");
    expect($(".article__header time").first().attr("datetime")).toBe("2019-11-05");
    expect($(".article__header .meta").first().text()).toContain("Dana Whitfield");
    expect($(".article__header .meta").first().text()).toMatch(/\d+ min read/);
    expect($('a[rel="tag"]').map((_, el) => $(el).attr("href")).get()).toEqual([
      "/articles/tags/python/",
      "/articles/tags/system-administration/",
      "/articles/tags/linux/",
    ]);
    expect($('a[rel="prev"]').attr("href")).toBe("/articles/staff-augmentation-vs-placement-agency/");
    expect($('a[rel="next"]').attr("href")).toBe("/articles/uml-use-cases-people-read/");
    expect($("#related-courses + ul a").map((_, el) => $(el).attr("href")).get()).toEqual(["/courses/python-programming/", "/courses/linux-administration/"]);
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

  it("writes a page per author listing their articles", () => {
    const $ = page(december, "/authors/dana-whitfield/");
    expect($("h1").text()).toBe("Dana Whitfield");
    expect($(".article-card")).toHaveLength(6);
    expect(urlExists(december, "/authors/hsg/")).toBe(true);
  });

  it("leaves drafts and scheduled articles out of a production build everywhere", async () => {
    expect(urlExists(december, `/articles/${DRAFT}/`)).toBe(false);
    expect(urlExists(december, `/articles/${SCHEDULED}/`)).toBe(false);
    for (const file of await allPages(december)) {
      const html = await readFile(path.join(december, file), "utf8");
      expect(html, file).not.toContain(DRAFT);
      expect(html, file).not.toContain(SCHEDULED);
      expect(html, file).not.toContain("Evaluating Technical Training Vendors");
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

  it("gives every page one h1, a title and a meta description", async () => {
    for (const file of await allPages(december)) {
      const $ = page(december, file);
      expect($("h1"), file).toHaveLength(1);
      expect($("title").text().trim().length, file).toBeGreaterThan(5);
      expect($('meta[name="description"]').attr("content")?.trim().length, file).toBeGreaterThan(20);
    }
  });
});
