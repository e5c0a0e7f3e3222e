import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { checkSite, linksToRenderedFragments } from "../../src/checks/check-site.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { redirectRules } from "../../src/netlify/redirect-rules.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

// The minimal project's classes: Java Fundamentals in January 2027 (ends on the 16th), Advanced Java in July.
const ARTICLE = `---
title: "Links to the schedule"
date: "2026-01-05"
author: hsg
summary: "An article whose links name a class, a month's page and months' sections, to see what time does to them."
tags: [Testing]
---

Join [the January class](/schedule/java-fundamentals-2027-01-den/) or see [January's page](/schedule/2027-01/).

See [January](/schedule/#month-2027-01) and [July](/schedule/#month-2027-07) on the schedule.
`;

async function checkedAt(now: string) {
  const fixture = await createFixture({ ...MINIMAL_PROJECT, "content/articles/schedule-links.md": ARTICLE });
  folders.push(fixture.root);
  const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO(now, { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
  const pages = pageTableOf(model);
  return { problems: checkSite(model, pages).map(formatProblem), fragmentLinks: linksToRenderedFragments(model, pages).map((link) => `${link.line} ${link.sitePath}#${link.fragment}${link.passing ? " (may pass)" : ""}`) };
}

describe("checkSite: links that time breaks warn, and never stop a build", () => {
  it("passes links to a class, its month's page and sections before the class has ended, leaving the sections to the build", async () => {
    const { problems, fragmentLinks } = await checkedAt("2026-12-01T09:00");
    expect(problems).toEqual([]);
    // Neither month has begun: the schedule must have both sections, or the build stops.
    expect(fragmentLinks).toEqual(["11 /schedule/#month-2027-01", "11 /schedule/#month-2027-07"]);
  });

  it("warns, once the class has ended, that its page and its month's page now redirect to its course and the schedule", async () => {
    const { problems, fragmentLinks } = await checkedAt("2027-02-01T09:00");
    expect(problems).toEqual([
      'content/articles/schedule-links.md:9: body: warning: link "/schedule/java-fundamentals-2027-01-den/" goes through a redirect: link to "/courses/java-fundamentals/" directly',
      'content/articles/schedule-links.md:9: body: warning: link "/schedule/2027-01/" goes through a redirect: link to "/schedule/" directly',
    ]);
    // The sections are the build's to check in the written page: January has begun, so its is a warning when gone.
    expect(fragmentLinks).toEqual(["11 /schedule/#month-2027-01 (may pass)", "11 /schedule/#month-2027-07"]);
  });

  it("leads an editor's redirect to a class that has ended on to its course, with a warning, and lets an editor's rule for an old address stand", async () => {
    const redirects = "- from: /java-in-january/\n  to: /schedule/java-fundamentals-2027-01-den/\n- from: /schedule/2027-01/\n  to: /courses/\n";
    // A draft class that has ended too: production never published its page, so nothing redirects from it.
    const draftClass = '- id: java-fundamentals-2027-01-draft\n  course: java-fundamentals\n  start: "2027-01-19T09:00"\n  end: "2027-01-23T16:30"\n  mode: online\n  instructor: elena-marsh\n  seats: 12\n  draft: true\n';
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "_data/redirects.yaml": redirects, "_data/schedule.yaml": `${MINIMAL_PROJECT["_data/schedule.yaml"]}${draftClass}` });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2027-02-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    const rules = redirectRules(model).map((rule) => `${rule.from} ${rule.to}`);
    expect(rules).toEqual([
      // The minimal project's article alias, then the editor's rules, then the classes' and months' gone with time.
      "/blog/first-article/ /articles/first-article/",
      "/java-in-january/ /courses/java-fundamentals/",
      "/schedule/2027-01/ /courses/",
      "/schedule/java-fundamentals-2027-01-den/ /courses/java-fundamentals/",
      "/schedule/java-fundamentals-2027-01-den.ics /courses/java-fundamentals.ics",
      "/schedule/2027-01.ics /schedule.ics",
    ]);
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([
      '_data/redirects.yaml:2: [0].to: warning: "/schedule/java-fundamentals-2027-01-den/" is gone with time (a class that has ended, or a month with no class left): the redirect leads on to "/courses/java-fundamentals/", so write that instead',
    ]);
  });

  it("checks an article whose date has not come as the build that publishes it will, so that build (maybe the hourly one) cannot fail on it", async () => {
    const scheduled = (slug: string, date: string, body: string, frontMatter = "", tags = "Java") =>
      [`content/articles/${slug}.md`, `---\ntitle: "${slug}"\ndate: "${date}"\nauthor: jane-doe\nsummary: "An article for later, to see what the check says of it now."\ntags: [${tags}]\n${frontMatter}---\n\n${body}\n`] as const;
    const fixture = await createFixture({
      ...MINIMAL_PROJECT,
      ...Object.fromEntries([
        scheduled("later-a", "2027-03-01", "See [nothing](/articles/nothing/), [b](/articles/later-b/#later-b-part), [c](/articles/later-c/) and [July](/schedule/#month-2027-07).\n\nMore on [Kotlin](/articles/tags/kotlin/) and [Scala](/articles/tags/scala/).", "aliases: [/articles/first-article/]\n"),
        scheduled("later-b", "2027-02-15", "## Later b part\n\nText.", "", "Kotlin"),
        scheduled("later-c", "2027-04-01", "Text."),
      ]),
    });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2027-02-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    const pages = pageTableOf(model);
    expect(checkSite(model, pages).filter((problem) => problem.file.includes("later-")).map(formatProblem)).toEqual([
      'content/articles/later-a.md:10: body: link "/articles/nothing/" leads to no page of this site: did you mean "/articles/"?',
      // later-c is published a month after later-a: the link would lead nowhere for that month.
      'content/articles/later-a.md:10: body: link "/articles/later-c/" leads to no page of this site: did you mean "/articles/later-b/"?',
      // The tag page later-b brings is there when later-a is published; one no article brings is not.
      'content/articles/later-a.md:12: body: link "/articles/tags/scala/" leads to no page of this site: did you mean "/articles/tags/java/"?',
      'content/articles/later-a.md:7: aliases[0]: "/articles/first-article/" is a page of this site; a redirect from it would never be followed',
    ]);
    // Its links to sections of other pages are the build's to check in the written pages, as a published article's are.
    expect(linksToRenderedFragments(model, pages).map((link) => `${link.file}:${link.line} ${link.sitePath}#${link.fragment}`)).toEqual(["content/articles/later-a.md:10 /schedule/#month-2027-07"]);
  });

  it("refuses a redirect from a page a scheduled article will bring, and passes a link to an offer placed in an article after the offer ends", async () => {
    const article = (slug: string, date: string, body: string, frontMatter = "", tags = "Java") =>
      [`content/articles/${slug}.md`, `---\ntitle: "${slug}"\ndate: "${date}"\nauthor: jane-doe\nsummary: "An article to see what the check says of redirects and offers."\ntags: [${tags}]\n${frontMatter}---\n\n${body}\n`] as const;
    const fixture = await createFixture({
      ...MINIMAL_PROJECT,
      "_data/promotions.yaml": '- id: half-price-books\n  title: Half-price books\n  body: Buy books cheaply.\n  validFrom: "2027-01-01"\n  validUntil: "2027-01-31"\n',
      "_data/redirects.yaml": "- from: /articles/tags/kotlin/\n  to: /courses/\n",
      ...Object.fromEntries([
        // The offer runs in January only; a link to its aside written then must not fail the build in February.
        article("with-offer", "2026-12-20", "Text.\n\n[[promotion: half-price-books]]\n\nMore text."),
        article("pointing", "2026-12-21", "See [the offer](/articles/with-offer/#promotion-aside-4).", "aliases: [/articles/coming/]\n"),
        article("coming", "2027-03-01", "Text.", "", "Kotlin"),
      ]),
    });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2027-02-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([
      'content/articles/pointing.md:7: aliases[0]: "/articles/coming/" becomes a page of this site when content/articles/coming.md is published on 2027-03-01: a redirect from it would stop being followed then',
      '_data/redirects.yaml:1: [0].from: "/articles/tags/kotlin/" becomes a page of this site when content/articles/coming.md is published on 2027-03-01: a redirect from it would stop being followed then',
    ]);
  });
});

describe("checkSite: links to an article's Markdown file", () => {
  it("passes a link to an existing article's file and its heading, and names a missing file as the editor wrote it", async () => {
    const body = "---\ntitle: \"Links to files\"\ndate: \"2026-01-05\"\nauthor: hsg\nsummary: \"An article that links other articles by their files, as GitHub's preview and most editors do.\"\ntags: [Testing]\n---\n\nSee [the first](first-article.md), [its end](./first-article.md#nowhere) and [a lost one](lost-article.md) and [its part](lost-article.md#установка).\n";
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "content/articles/file-links.md": body });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/articles\/file-links\.md:9: body: link "\.\/first-article\.md#nowhere" names #nowhere, which \/articles\/first-article\/ does not have/),
      expect.stringMatching(/^content\/articles\/file-links\.md:9: body: link "lost-article\.md" leads to no page of this site/),
      expect.stringMatching(/^content\/articles\/file-links\.md:9: body: link "lost-article\.md#установка" leads to no page of this site/),
    ]);
  });
});

describe("checkSite: a course or service saved as .yml", () => {
  it("names the file as it is spelt, at the line, for its links, its placeholders and a class of it while it is a draft", async () => {
    const { "_data/courses/advanced-java.yaml": course, "_data/services/mentoring.yaml": service, ...rest } = MINIMAL_PROJECT;
    const fixture = await createFixture({
      ...rest,
      "_data/courses/advanced-java.yml": `${course!.replace("description: A harder course about Java.", "description: See [the notes](/notes/).").replace("summary: More Java.", "summary: \"TODO: one sentence.\"")}draft: true\n`,
      "_data/services/mentoring.yml": service!.replace("body: Mentoring **works**.", "body: Mentoring [works](/proof/)."),
    });
    folders.push(fixture.root);
    const now = DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>;
    const content = await loadContent(fixture.root);
    const development = buildSiteModel(content, { now, includeUnpublished: true });
    const problems = [...development.problems, ...checkSite(development, pageTableOf(development))].map(formatProblem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^_data\/courses\/advanced-java\.yml:5: summary: warning: still to fill in/),
        expect.stringMatching(/^_data\/courses\/advanced-java\.yml:6: description: link "\/notes\/" leads to no page of this site/),
        expect.stringMatching(/^_data\/services\/mentoring\.yml:3: body: link "\/proof\/" leads to no page of this site/),
        expect.stringMatching(/^_data\/schedule\.yaml:\d+: \[\d\]\.course: advanced-java is a draft course, .*remove draft: true from _data\/courses\/advanced-java\.yml\)$/),
      ]),
    );
    expect(problems.filter((problem) => problem.includes(".yaml") && /courses|services/.test(problem.split(":")[0]!))).toEqual([]);
  });
});

describe("checkSite: the links of the fixed pages' copy", () => {
  it("checks the body's and each block's links against the pages, at their file lines and fields", async () => {
    const about = MINIMAL_PROJECT["content/copy/about.md"]!.replace('contact: "[Write to us](/contact/)."', 'contact: "[Write to us](/contact-us/)."').replace("We exist to be **tested**.", "We exist to be **tested**.\n\nSee [our courses](/courses/) and [our rooms](/rooms/).");
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "content/copy/about.md": about });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/copy\/about\.md:13: body: link "\/rooms\/" leads to no page of this site/),
      expect.stringMatching(/^content\/copy\/about\.md:8: blocks\.contact: link "\/contact-us\/" leads to no page of this site/),
    ]);
  });

  it("checks the policies' links too, at their lines", async () => {
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "_data/policies.yaml": "- id: customer-cancellation\n  title: If you cancel\n  body: Write to [our office](/office/).\n" });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(checkSite(model, pageTableOf(model)).map(formatProblem)).toEqual([expect.stringMatching(/^_data\/policies\.yaml:3: \[0\]\.body: link "\/office\/" leads to no page of this site/)]);
  });
});
