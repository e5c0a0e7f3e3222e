import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/build-site.ts";
import { rawCourses, readYaml } from "../support/raw-content.ts";
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

// Every `[[promotion: id]]` line in the sample articles, as the files state it.
const placements = readdirSync(path.join(REPO_ROOT, "content/articles"))
  .filter((name) => name.endsWith(".md"))
  .flatMap((name) => {
    const text = readFileSync(path.join(REPO_ROOT, "content/articles", name), "utf8");
    const ids = [...text.matchAll(/^\[\[promotion:\s*([a-z0-9-]+)\s*\]\]$/gm)].map((match) => match[1]!);
    return ids.map((id) => ({ url: `/articles/${name.replace(/\.md$/, "")}/`, promotion: promotions.find((promotion) => promotion.id === id)! }));
  })
  .filter(({ url }) => urlExists(december, url));

describe("a promotion placed in an article (SITE_NOW 2026-12-01)", () => {
  it("is placed by at least one published article", () => {
    expect(placements.length).toBeGreaterThan(0);
  });

  it.each(placements)("$url shows $promotion.id as an aside inside the article text", ({ url, promotion }) => {
    const $ = page(december, url);
    const aside = $("article .prose aside.promotion-aside").filter((_, element) => $(element).find(".promotion-aside__title").text() === promotion.title);
    expect(aside).toHaveLength(1);
    expect(aside.text().replace(/\s+/g, " ")).toContain(promotion.body);
  });

  it.each(placements)("$url links the courses $promotion.id names, in its order, by their titles", ({ url, promotion }) => {
    const $ = page(december, url);
    const aside = $("aside.promotion-aside").filter((_, element) => $(element).find(".promotion-aside__title").text() === promotion.title);
    const links = aside.find("a").map((_, link) => ({ href: $(link).attr("href"), text: $(link).text() })).get();
    expect(promotion.courses?.length).toBeGreaterThan(0);
    expect(links).toEqual(promotion.courses!.map((id) => ({ href: `/courses/${id}/`, text: courseTitles.get(id) })));
    for (const { href } of links) expect(urlExists(december, href!), href).toBe(true);
  });

  it("leaves no marker placeholder in any page or feed", async () => {
    const files = [...(await allPages(december)), "/feed.xml", "/feed.json"];
    const leftovers = files.filter((file) => readFileSync(fileForUrl(december, file), "utf8").includes("promotion-marker"));
    expect(leftovers).toEqual([]);
  });
});
