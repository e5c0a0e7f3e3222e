import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildHighlights } from "../../src/collections/highlights.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { createFixture } from "../support/content-fixture.ts";
import { publishedArticles } from "../support/raw-content.ts";
import { copySampleProject, type SampleProject } from "../support/sample-project.ts";

const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;

/** Three offers running at the December clock, one ended, one standing (only articles place it). */
const PROMOTIONS = `- title: Winter Books Offer
  body: Half price on books for students.
  validFrom: "2026-11-01"
  validUntil: "2027-01-31"
- title: December Team Discount
  body: Teams of three or more save 15 percent.
  validFrom: "2026-12-01"
  validUntil: "2026-12-31"
- title: Year-End Cloud Bundle
  body: Two cloud courses for the price of one and a half.
  validFrom: "2026-11-15"
  validUntil: "2026-12-15"
- title: Spring Offer That Has Ended
  body: Over.
  validFrom: "2026-03-01"
  validUntil: "2026-04-30"
- id: standing-offer
  title: Standing Offer Only Articles Place
  body: Always on.
`;
const RUNNING = ["Winter Books Offer", "December Team Discount", "Year-End Cloud Bundle"];
const NOT_RUNNING = ["Spring Offer That Has Ended", "Standing Offer Only Articles Place"];

describe("running promotions in the model", () => {
  it("are all featured, in file order, and no ended or standing one", async () => {
    const fixture = await createFixture();
    try {
      await fixture.write("_data/promotions.yaml", PROMOTIONS);
      const highlights = buildHighlights(await loadContent(fixture.root), { now: NOW, includeUnpublished: false }, []);
      expect(highlights.promotions.map((promotion) => promotion.title)).toEqual(RUNNING);
    } finally {
      await fixture.cleanup();
    }
  });
});

describe("running promotions in a build (SITE_NOW 2026-12-01)", () => {
  let project: SampleProject;
  /** The titles of every promotion running at the clock, the fixture's and the three above, in file order. */
  let running: string[] = [];
  const page = (url: string) => load(readFileSync(path.join(project.root, "_site", url, "index.html"), "utf8"));

  beforeAll(async () => {
    project = await copySampleProject();
    // Added after the fixture's own, which articles place by id.
    await project.edit("_data/promotions.yaml", (text) => `${text}${PROMOTIONS}`);
    const all = parse(readFileSync(path.join(project.root, "_data/promotions.yaml"), "utf8")) as { title: string; validFrom?: string; validUntil?: string }[];
    const day = (date: string) => DateTime.fromISO(date, { zone: "America/Denver" });
    running = all.filter(({ validFrom, validUntil }) => validFrom && validUntil && day(validFrom).startOf("day") <= NOW && NOW <= day(validUntil).endOf("day")).map(({ title }) => title);
    // In this process, from the copy's warm cache: a spawned `npm run build` would add a node start and nothing the
    // test reads. At the December clock, which the expectations above are computed at (Netlify's production
    // context would ignore SITE_NOW and build at the real time, so the offers running would change with the date).
    await buildSite(project.root, CLOCKS.december, "build", path.join(project.root, "_site"));
  }, 240_000);
  afterAll(() => project?.remove());

  it("shows every running promotion beside every article, and no other", () => {
    expect(running.slice(-3)).toEqual(RUNNING);
    const urls = publishedArticles(CLOCKS.december).map((article) => article.url);
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) {
      const $ = page(url);
      const shown = $(".sidebar .promotion .promotion__title").map((_, title) => $(title).text().trim()).get();
      expect(shown, url).toEqual(running);
      for (const title of NOT_RUNNING) expect($(".sidebar").text(), url).not.toContain(title);
    }
  });

  it("shows every running promotion on the home page, and no other", () => {
    const $ = page("");
    const shown = $(".promotion .promotion__title").map((_, title) => $(title).text().trim()).get();
    expect(shown).toEqual(running);
    for (const title of NOT_RUNNING) expect($("main").text()).not.toContain(title);
  });
});
