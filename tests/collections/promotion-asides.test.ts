import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promotionAside } from "../../src/collections/promotion-asides.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

const NOW = DateTime.fromISO("2027-01-15T09:00", { zone: "America/Denver" }) as DateTime<true>;

const PROMOTIONS = `- id: tools
  title: Tools <for> "Teams"
  body: Learn the tools & win.
  courses: [advanced-java, java-fundamentals]
- id: winter
  title: Winter Offer
  body: Runs in January.
  validFrom: "2027-01-01"
  validUntil: "2027-01-31"
- id: autumn
  title: Autumn Offer
  body: Ran in the autumn.
  validFrom: "2026-09-01"
  validUntil: "2026-11-30"
`;

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
  await fixture.write("_data/promotions.yaml", PROMOTIONS);
});
afterEach(async () => {
  await fixture.cleanup();
});

/** The first fixture article's HTML in a model built at NOW, after appending `markdown` to its body. */
async function articleHtml(markdown: string): Promise<cheerio.CheerioAPI> {
  await fixture.edit("content/articles/first-article.md", (text) => `${text}\n${markdown}\n`);
  const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
  return cheerio.load(model.articles.list.find((article) => article.slug === "first-article")!.html);
}

describe("promotionAsides", () => {
  it("renders a promotion marker as an aside with the promotion's words and links to its courses", async () => {
    const $ = await articleHtml("[[promotion: tools]]");
    const aside = $("aside.promotion-aside");
    expect(aside).toHaveLength(1);
    expect(aside.find(".promotion-aside__title").text()).toBe('Tools <for> "Teams"');
    expect(aside.find(`#${aside.attr("aria-labelledby")}`).text()).toBe('Tools <for> "Teams"');
    expect(aside.is("[data-pagefind-ignore]")).toBe(true);
    expect(aside.find("p").eq(1).text()).toBe("Learn the tools & win.");
    expect(aside.find("a").map((_, link) => $(link).attr("href")).get()).toEqual(["/courses/advanced-java/", "/courses/java-fundamentals/"]);
    expect(aside.find("a").first().text()).toBe("Advanced Java");
  });

  it("renders a courses marker as an aside listing those courses", async () => {
    const $ = await articleHtml("[[courses: java-fundamentals]]");
    expect($("aside.promotion-aside a").map((_, link) => $(link).attr("href")).get()).toEqual(["/courses/java-fundamentals/"]);
  });

  it("shows a dated promotion only while it runs, as the sidebar does", async () => {
    const $ = await articleHtml("[[promotion: winter]]\n\n[[promotion: autumn]]");
    expect($(".promotion-aside__title").map((_, title) => $(title).text()).get()).toEqual(["Winter Offer"]);
    expect(new Set($("[id]").map((_, element) => $(element).attr("id")).get()).size).toBe($("[id]").length);
    expect($.html()).not.toContain("promotion-marker");
  });

  it("keeps the rest of the article as rendered", async () => {
    const $ = await articleHtml("[[promotion: tools]]");
    expect($("strong").first().text()).toBe("world");
  });
});

describe("promotionAside", () => {
  it("escapes every text it is given", () => {
    const course = { url: "/courses/x/", title: "<b>X</b>", levelLabel: "Advanced", lengthLabel: "1 day" };
    const html = promotionAside("t", "<script>", "a & b", [course]).value;
    expect(html).not.toMatch(/<script>|<b>/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("1 day");
  });

  it("leaves out the sentence and the list when there is nothing to show", () => {
    const $ = cheerio.load(promotionAside("t", "Title", undefined, []).value);
    expect($("aside p")).toHaveLength(1);
    expect($("aside ul")).toHaveLength(0);
  });
});
