import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { checkSite } from "../../src/checks/check-site.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

const article = (slug: string, date: string, frontMatter = "", tags = "Java") =>
  [`content/articles/${slug}.md`, `---\ntitle: "${slug}"\ndate: "${date}"\nauthor: jane-doe\nsummary: "An article for later, to see which pages publishing it will bring."\ntags: [${tags}]\n${frontMatter}---\n\nText.\n`] as const;

describe("checkScheduled: no redirect may lead from a page that publishing a scheduled article will bring", () => {
  it("refuses its own tag page as its alias, a splat over a tag page it brings, and the second page of the article list it fills, each naming the article", async () => {
    // The minimal project publishes two articles by February; "coming" makes three in March, and the eighth of nine
    // more from 1 April the eleventh, which pushes the list of all articles (ten a page) onto a second page.
    const later = Array.from({ length: 9 }, (_, index) => article(`later-${index + 1}`, `2027-04-0${index + 1}`));
    const fixture = await createFixture({
      ...MINIMAL_PROJECT,
      "_data/redirects.yaml": "- from: /articles/page/2/\n  to: /articles/\n- from: /articles/tags/scala/*\n  to: /articles/\n",
      ...Object.fromEntries([article("coming", "2027-03-01", "aliases: [/articles/tags/scala/]\n", "Kotlin, Scala"), ...later]),
    });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2027-02-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([
      '_data/redirects.yaml:1: [0].from: "/articles/page/2/" becomes a page of this site when content/articles/later-8.md is published on 2027-04-08: a redirect from it would stop being followed then',
      '_data/redirects.yaml:3: [1].from: "/articles/tags/scala/*" will cover "/articles/tags/scala/", a page of this site when content/articles/coming.md is published on 2027-03-01: a redirect from it would stop being followed then',
      'content/articles/coming.md:7: aliases[0]: "/articles/tags/scala/" becomes a page of this site when content/articles/coming.md is published on 2027-03-01: a redirect from it would stop being followed then',
    ]);
  });
});
