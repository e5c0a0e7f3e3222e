import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFingerprinted, looksFingerprinted } from "../../src/assets/fingerprint.ts";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { PICTURE_FOLDER } from "../../src/netlify/header-policy.ts";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { pageTableOf, type PageTable } from "../../src/pages/page-table.ts";
import { searchMark } from "../../src/plugins/pagefind-plugin.ts";
import { readSiteNow } from "../../src/time/clock.ts";
import { ADMIN_FOLDER, outputFileUrl, SEARCH_BUNDLE_FOLDER, writtenFileOf } from "../../src/urls/site-urls.ts";
import { CLOCKS } from "../support/build-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { allFiles, buildDir, page, setupProject, urlOfFile } from "../support/site-output.ts";

/**
 * Files the table does not list, by a rule rather than a list of pages: names that carry their content's hash
 * (the stylesheet, the scripts; checked against the bytes), pictures (named by their hash too), the site's fonts
 * (copied as they are from npm), Pagefind's bundle, and the editor's bundle beside its one page.
 */
function unlisted(dir: string, file: string): boolean {
  if (looksFingerprinted(file) && isFingerprinted(file, readFileSync(path.join(dir, file)))) return true;
  if (file.startsWith(PICTURE_FOLDER) || file.endsWith(".woff2")) return true;
  if (file.startsWith(`/${SEARCH_BUNDLE_FOLDER}/`)) return true;
  return file.startsWith(`/${ADMIN_FOLDER}/`) && file !== `/${ADMIN_FOLDER}/index.html`;
}

/** The file a table URL is written to, as a site path: a page's URL is its folder. */
const fileOf = (url: string) => outputFileUrl(writtenFileOf(url));

const december = () => buildDir("december");
let table: PageTable;
const previousNow = process.env.SITE_NOW;

beforeAll(async () => {
  // The December build's model, loaded as the build loads it, from the same project copy (its files' dates too).
  process.env.SITE_NOW = CLOCKS.december;
  table = pageTableOf(await new SiteModelSource(setupProject("fixture")).get());
}, 120_000);

afterAll(() => {
  if (previousNow === undefined) delete process.env.SITE_NOW;
  else process.env.SITE_NOW = previousNow;
});

describe("the page table of the fixture site", () => {
  it("lists exactly the files the build wrote, both ways", async () => {
    const written = (await allFiles(december())).filter((file) => !unlisted(december(), file));
    const listed = table.entries.map((entry) => fileOf(entry.url));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((file) => !written.includes(file)), "in the table, not written").toEqual([]);
    expect(written.filter((file) => !listed.includes(file)), "written, not in the table").toEqual([]);
  });

  it("names for each page the template that wrote it (its data-template)", () => {
    let compared = 0;
    for (const entry of table.entries.filter((candidate) => fileOf(candidate.url).endsWith(".html"))) {
      const shown = page(december(), entry.url)("body").attr("data-template");
      // The editor's shell is a page of its own, without the site's layout.
      if (shown === undefined) continue;
      expect(shown, entry.url).toBe(entry.template);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("marks data-pagefind-body (through searchMark) exactly on the pages the table puts in the search index", () => {
    for (const entry of table.entries.filter((candidate) => fileOf(candidate.url).endsWith(".html"))) {
      const marked = page(december(), entry.url)("[data-pagefind-body]").length > 0;
      expect(entry.inSearch, entry.url).toBe(marked);
      expect(searchMark(table, entry.url) !== "", entry.url).toBe(marked);
    }
    expect(() => searchMark(table, "/no-such-page/")).toThrow(/not a page of the page table/);
  });

  it("gives templates their permalink and refuses one for a page it does not list", () => {
    const instructor = table.entriesFor("instructor")[0]!;
    expect(table.url("instructor", instructor.item!)).toBe(instructor.url);
    expect(table.url("about")).toBe(table.entriesFor("about")[0]!.url);
    expect(() => table.url("instructor", {})).toThrow('the page table has no page of the template "instructor" for this object');
    expect(() => table.url("instructor")).toThrow('the page table has several pages of the template "instructor"');
  });

  it("gives each page with its own social image an entry for the image", () => {
    const withImage = table.entries.filter((entry) => entry.socialImage);
    expect(withImage.length).toBeGreaterThan(0);
    for (const entry of withImage) expect(table.at(entry.socialImage!)?.template, entry.url).toBe("social-image");
  });
});

describe("the sitemap", () => {
  it("lists exactly the table's sitemap entries, each with the table's lastmod or the build's date", () => {
    const $ = cheerio.load(readFileSync(path.join(december(), "sitemap.xml"), "utf8"), { xml: true });
    const siteUrl = new URL($("urlset > url > loc").first().text()).origin;
    const listed = $("urlset > url")
      .map((_, element) => ({ url: $(element).find("loc").text().slice(siteUrl.length), lastmod: $(element).find("lastmod").text() }))
      .get();
    const buildDate = readSiteNow({ SITE_NOW: CLOCKS.december }).toISODate();
    const expected = table.entries.filter((entry) => entry.inSitemap).map((entry) => ({ url: entry.url, lastmod: entry.lastmod ?? buildDate }));
    expect(listed.sort((a, b) => a.url.localeCompare(b.url))).toEqual(expected.sort((a, b) => a.url.localeCompare(b.url)));
  });

  it("leaves out every page that asks search engines not to index it, and the error page", () => {
    for (const entry of table.entries.filter((candidate) => fileOf(candidate.url).endsWith(".html"))) {
      const robots = page(december(), entry.url)('meta[name="robots"]').attr("content") ?? "";
      if (robots.includes("noindex") || entry.template === "not-found") expect(entry.inSitemap, entry.url).toBe(false);
      else expect(entry.inSitemap, entry.url).toBe(true);
    }
  });
});

describe("links from an article to every kind of page", () => {
  let project: string;
  /** One URL per template of the December build's pages, and one per kind of file (folder and extension). */
  let targets: string[];
  /** An instructor's page, as built. */
  let instructorPage: string;
  const ARTICLE = "content/articles/links-to-everything.md";
  const article = (links: readonly string[]) =>
    `---\ntitle: "Links to every kind of page"\ndate: "2026-01-05"\nauthor: hsg\nsummary: "One link to a page of every kind the site writes."\ntags: [Training]\n---\n\n${links.map((link) => `- [a page](${link})`).join("\n")}\n`;
  const check = () => loadCheckedModel(project, { now: readSiteNow({ SITE_NOW: CLOCKS.december }), includeUnpublished: false }, undefined, { pictures: false });

  beforeAll(async () => {
    project = await copyProject("fixture");
    const files = (await allFiles(december())).filter((file) => !unlisted(december(), file) && !path.basename(file).startsWith("_"));
    const byKind = new Map<string, string>();
    for (const file of files) {
      const folder = path.posix.dirname(file);
      // Files at the root (feeds, next-change.json, robots.txt, brand files) are each a kind of their own.
      const kind = file.endsWith(".html")
        ? (page(december(), file)("body").attr("data-template") ?? file)
        : folder === "/" ? file : `${folder} ${path.extname(file)}`;
      // Page 2 of a list is its own kind: its URL is made differently from the first page's.
      const key = /\/page\/\d+\/index\.html$/.test(file) ? `${kind} page` : kind;
      byKind.set(key, byKind.get(key) ?? urlOfFile(file));
    }
    targets = [...byKind.values()];
    instructorPage = urlOfFile(files.find((file) => file.startsWith("/instructors/"))!);
  }, 120_000);

  afterAll(() => removeFolder(project));

  it("reaches instructors, venues, paths, months, facets, calendars, feeds, next-change.json and list pages", () => {
    for (const pattern of [/^\/instructors\//, /^\/venues\//, /^\/paths\/./, /^\/schedule\/\d{4}-\d{2}\/$/, /^\/schedule\/(format|location|category)\//, /\.ics$/, /^\/feed\./, /next-change\.json$/, /\/page\/2\/$/, /^\/courses\/./, /^\/authors\//, /^\/articles\/tags\/./]) {
      expect(targets.some((target) => pattern.test(target)), String(pattern)).toBe(true);
    }
  });

  it("accepts a link to one page of every kind the site writes", async () => {
    await writeFile(path.join(project, ARTICLE), article(targets));
    const result = await check().then(
      () => [],
      (error: unknown) => (error instanceof ContentError ? error.problems.map(formatProblem) : [String(error)]),
    );
    expect(result).toEqual([]);
  });

  it("refuses a misspelt instructor's page at file:line, naming the page it nearly is", async () => {
    const misspelt = instructorPage.replace(/([a-z])\/$/, "/");
    await writeFile(path.join(project, ARTICLE), article(["/courses/", misspelt]));
    const error = await check().then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      `${ARTICLE}:10: body: link "${misspelt}" leads to no page of this site: did you mean "${instructorPage}"?`,
    ]);
  });
});
