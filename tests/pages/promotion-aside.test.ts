import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { publishedArticles, rawCourses, readYaml } from "../support/raw-content.ts";
import { allPages, buildDir, fileForUrl, page, urlExists } from "../support/site-output.ts";

const december = buildDir("december");

interface PromotionData {
  id?: string;
  title: string;
  body: string;
  courses?: string[];
}
const promotions = readYaml<PromotionData[]>("_data/promotions.yaml");
const courseTitles = new Map(rawCourses().map((course) => [course.id, course.title]));

// Every marker line in the published fixture articles, as the files state it, with what its aside should hold.
const placements = publishedArticles(CLOCKS.december).flatMap((article) =>
  [...article.body.matchAll(/^\[\[(promotion|courses):([^\]]*)\]\]$/gm)].map((match) => {
    const ids = match[2]!.split(",").map((id) => id.trim());
    const promotion = match[1] === "promotion" ? promotions.find((entry) => entry.id === ids[0]) : undefined;
    return { url: article.url, marker: match[0], promotion, courses: promotion ? (promotion.courses ?? []) : ids };
  }),
);

describe("promotions placed in an article (SITE_NOW 2026-12-01)", () => {
  it("the fixture places a promotion and a list of courses", () => {
    expect(placements.filter((placement) => placement.promotion)).not.toHaveLength(0);
    expect(placements.filter((placement) => !placement.promotion)).not.toHaveLength(0);
  });

  it.each(placements)("$url shows $marker as an aside in the article's text, linking its courses by title", ({ url, promotion, courses }) => {
    const $ = page(december, url);
    const asides = $("article .prose aside.promotion-aside");
    const aside = promotion ? asides.filter((_, element) => $(element).find(".promotion-aside__title").text() === promotion.title) : asides.filter((_, element) => $(element).find("a").length === courses.length);
    expect(aside).toHaveLength(1);
    if (promotion) expect(aside.text().replace(/\s+/g, " ")).toContain(promotion.body);
    const links = aside.find("a").map((_, link) => ({ href: $(link).attr("href"), text: $(link).text() })).get();
    expect(courses.length).toBeGreaterThan(0);
    expect(links).toEqual(courses.map((id) => ({ href: `/courses/${id}/`, text: courseTitles.get(id) })));
    for (const { href } of links) expect(urlExists(december, href!), href).toBe(true);
  });

  it("shows the marker text nowhere", () => {
    for (const { url } of placements) expect(page(december, url)("main").text(), url).not.toContain("[[");
  });
});

describe.each(["december", "sample"] as const)("the %s build", (name) => {
  it("leaves no marker placeholder in any page or feed", async () => {
    const dir = buildDir(name);
    const files = [...(await allPages(dir)), "/feed.xml", "/feed.json"];
    const leftovers = files.filter((file) => readFileSync(fileForUrl(dir, file), "utf8").includes("promotion-marker"));
    expect(leftovers).toEqual([]);
  });
});
