import path from "node:path";
import type { CheerioAPI } from "cheerio";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { rawEntries } from "../support/raw-content.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { buildDir, page, urlExists } from "../support/site-output.ts";

// Portraits of instructors and authors (`photo` in _data/instructors.yaml and authors.yaml), checked on the built
// pages; expectations come from the fixture's data files and the picture files themselves.
const dir = buildDir("december");
type PersonData = { id: string; name: string; photo?: string; photoAlt?: string };
const instructors = rawEntries<Omit<PersonData, "id">>("_data/instructors.yaml");
const authors = rawEntries<Omit<PersonData, "id">>("_data/authors.yaml");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** The widths in a srcset ("a.avif 400w, b.avif 480w"). */
const widthsOf = (srcset: string | undefined) => (srcset ?? "").split(",").map((entry) => Number(/(\d+)w$/.exec(entry.trim())?.[1]));
const urlsOf = (srcset: string | undefined) => (srcset ?? "").split(",").map((entry) => entry.trim().split(/\s+/)[0]!);
const expectedAlt = (alt: string) => (alt.trim().toLowerCase() === "decorative" ? "" : alt);

/** Checks the portrait in the heading of a person's page: AVIF and WebP, at the picture's size or smaller, with width, height and alt. */
async function expectPortrait($: CheerioAPI, person: PersonData): Promise<void> {
  const header = $("main h1").closest(".page-heading");
  expect(squash(header.find("h1").text())).toBe(person.name);
  const picture = header.find("picture");
  expect(picture.length, person.id).toBe(1);
  const { width: sourceWidth = 0, height: sourceHeight = 0 } = await sharp(path.join(FIXTURE_ROOT, "content", person.photo!)).metadata();
  const img = picture.find("img");
  // The largest published width is the picture's own (never upscaled) up to 1200; the height keeps its shape.
  const width = Math.min(sourceWidth, 1200);
  expect(Number(img.attr("width")), person.id).toBe(width);
  expect(Number(img.attr("height")), person.id).toBe(Math.round((sourceHeight * width) / sourceWidth));
  expect(img.attr("alt"), person.id).toBe(expectedAlt(person.photoAlt!));
  // At the top of the page: loaded at once, not lazily.
  expect(img.attr("loading"), person.id).toBeUndefined();
  expect(picture.find("source").map((_, element) => $(element).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
  for (const element of [...picture.find("source").toArray(), img.get(0)!]) {
    const srcset = $(element).attr("srcset");
    expect(srcset, person.id).toBeTruthy();
    expect(Math.max(...widthsOf(srcset)), person.id).toBe(width);
    expect($(element).attr("sizes"), person.id).toBeTruthy();
    for (const url of urlsOf(srcset)) expect(urlExists(dir, url), url).toBe(true);
  }
  expect(urlExists(dir, img.attr("src")!), person.id).toBe(true);
}

describe("portraits", () => {
  it("has an instructor and an author with a raster portrait to check", () => {
    for (const people of [instructors, authors]) expect(people.some((person) => /\.(png|jpe?g)$/i.test(person.photo ?? ""))).toBe(true);
  });

  it("shows each instructor's portrait on their page, and none for an instructor without a photo", async () => {
    for (const person of instructors) {
      const $ = page(dir, `/instructors/${person.id}/`);
      if (person.photo) await expectPortrait($, person);
      else expect($("main picture").length, person.id).toBe(0);
    }
  });

  it("shows each author's portrait on the first page of their articles", async () => {
    for (const person of authors) {
      const $ = page(dir, `/authors/${person.id}/`);
      if (person.photo) await expectPortrait($, person);
      else expect($("main .page-heading picture").length, person.id).toBe(0);
    }
  });

  it("shows the portrait on the instructor's card on /about/, lazily", () => {
    const $ = page(dir, "/about/");
    for (const person of instructors) {
      const card = $(`#instructor-${person.id}`);
      expect(card.length, person.id).toBe(1);
      const img = card.find("picture img");
      if (!person.photo) {
        expect(img.length, person.id).toBe(0);
        continue;
      }
      expect(img.attr("alt"), person.id).toBe(expectedAlt(person.photoAlt!));
      expect(img.attr("loading"), person.id).toBe("lazy");
      expect(img.attr("width") && img.attr("height"), person.id).toBeTruthy();
    }
  });
});
