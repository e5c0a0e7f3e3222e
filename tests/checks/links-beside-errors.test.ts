import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { loadCheckedModel } from "../../src/checks/check-site.ts";
import { mayBring } from "../../src/checks/links-beside-errors.ts";
import { withCoursesOnly } from "../../src/collections/drafts.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { ContentCache } from "../../src/content/content-cache.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { FIXTURE_ROOT, removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

const FIRST = "content/articles/first-article.md";
const SECOND = "content/articles/second-article.md";
const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>;

/** The second article's body, one link per line from line 9 on: what it links to decides what is reported. */
function secondWithLinks(...hrefs: string[]): string {
  return MINIMAL_PROJECT[SECOND]!.replace("Second body.\n", hrefs.map((href, index) => `See [link ${index + 1}](${href}).\n`).join(""));
}

/** The errors and warnings `npm run check` and the build report for the project with `files` changed (or `npm start`, with `includeUnpublished`). */
async function outcomeOf(files: Record<string, string>, includeUnpublished = false, now = NOW): Promise<{ errors: string[]; warnings: string[] }> {
  const fixture = await createFixture({ ...MINIMAL_PROJECT, ...files });
  folders.push(fixture.root);
  const error = await loadCheckedModel(fixture.root, { now, includeUnpublished }, undefined, { pictures: false }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContentError);
  return { errors: (error as ContentError).problems.map(formatProblem), warnings: (error as ContentError).warnings.map(formatProblem) };
}

/** Every error of outcomeOf, as formatted lines. */
async function errorsOf(files: Record<string, string>, includeUnpublished = false): Promise<string[]> {
  return (await outcomeOf(files, includeUnpublished)).errors;
}

describe("links are checked in the same round as the errors of article files", () => {
  it("reports a broken link of one article beside another article's broken heading", async () => {
    const errors = await errorsOf({
      [FIRST]: `${MINIMAL_PROJECT[FIRST]}\n## One {#same}\n\n## Two {#same}\n`,
      [SECOND]: secondWithLinks("/courses/no-such-course/", "/articles/second-article/#nope"),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^content\/articles\/first-article\.md:15: body: heading id "\{#same\}" is given to an earlier heading too/),
      `${SECOND}:9: body: link "/courses/no-such-course/" leads to no page of this site`,
      `${SECOND}:10: body: link "/articles/second-article/#nope" names #nope, which /articles/second-article/ does not have`,
    ]);
  });

  it("leaves unjudged a link to a section of an article that failed in its text: the id may be among those it lost", async () => {
    const errors = await errorsOf({
      [FIRST]: `${MINIMAL_PROJECT[FIRST]}\n## One {#same}\n\n## Two {#same}\n`,
      [SECOND]: secondWithLinks("/articles/first-article/#two"),
    });
    expect(errors).toEqual([expect.stringMatching(/^content\/articles\/first-article\.md:15: body: heading id/)]);
  });

  it("leaves unjudged what an article that failed to load would bring (its page, the lists, its author's pages, its aliases) and reports the rest", async () => {
    const errors = await errorsOf({
      [FIRST]: MINIMAL_PROJECT[FIRST]!.replace('date: "2026-11-02"', 'date: "2026-02-30"'),
      [SECOND]: secondWithLinks("/articles/first-article/", "/articles/first-article/#hello", "/articles/tags/java/", "/authors/jane-doe/page/2/", "/blog/first-article/", "/consulting/nope/", "/articles/second-article/#nope"),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^content\/articles\/first-article\.md:3: date: "2026-02-30" is not a real date/),
      `${SECOND}:14: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
      `${SECOND}:15: body: link "/articles/second-article/#nope" names #nope, which /articles/second-article/ does not have`,
    ]);
  });

  it("judges no missing page while a failed article's front matter cannot be read (any address might be its alias), but still a missing section", async () => {
    const errors = await errorsOf({
      [FIRST]: MINIMAL_PROJECT[FIRST]!.replace('date: "2026-11-02"', "date: [2026"),
      [SECOND]: secondWithLinks("/consulting/nope/", "/articles/second-article/#nope"),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^content\/articles\/first-article\.md:3: /),
      `${SECOND}:10: body: link "/articles/second-article/#nope" names #nope, which /articles/second-article/ does not have`,
    ]);
  });

  it("still reports the links when a failed article names an author that does not exist: the failed article is left out of the site", async () => {
    const errors = await errorsOf({
      [FIRST]: MINIMAL_PROJECT[FIRST]!.replace("author: jane-doe", "author: jane-do"),
      [SECOND]: secondWithLinks("/consulting/nope/", "/authors/jane-do/"),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^content\/articles\/first-article\.md:4: author: /),
      `${SECOND}:9: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
    ]);
  });

  it("judges no missing page while a failed article names its author or aliases in a form the schema refuses: the mended ones could be anything", async () => {
    for (const [from, to] of [
      ["aliases: [/blog/first-article/]", "aliases: [blog/first-article/]"],
      ["author: jane-doe", "author: Jane Doe"],
    ] as const) {
      const errors = await errorsOf({ [FIRST]: MINIMAL_PROJECT[FIRST]!.replace(from, to), [SECOND]: secondWithLinks("/blog/first-article/", "/authors/jane-doe/page/2/") });
      expect(errors, to).toEqual([expect.stringMatching(/^content\/articles\/first-article\.md:\d+: /)]);
    }
  });

  it("leaves unjudged the sections of an article written twice (x.md and x/index.md): the one refused may hold the section", async () => {
    const errors = await errorsOf({
      "content/articles/second-article/index.md": `${MINIMAL_PROJECT[SECOND]}\n## Only in the folder\n`,
      [FIRST]: `${MINIMAL_PROJECT[FIRST]}\nSee [the folder's section](/articles/second-article/#only-in-the-folder) and [nothing](/consulting/nope/).\n`,
    });
    expect(errors).toEqual([
      `${FIRST}:13: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
      expect.stringMatching(/^content\/articles\/second-article\/index\.md:1: has the same address as/),
    ]);
  });

  it("reports a redirect to no page beside an article's error, and none to the failed article's page", async () => {
    const errors = await errorsOf({
      [FIRST]: MINIMAL_PROJECT[FIRST]!.replace('date: "2026-11-02"', 'date: "2026-02-30"'),
      "_data/redirects.yaml": "- from: /old-first/\n  to: /articles/first-article/\n- from: /old-nope/\n  to: /consulting/nope/\n",
    });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/redirects\.yaml:4: \[1\]\.to: "\/consulting\/nope\/" is not a page of this site/),
      expect.stringMatching(/^content\/articles\/first-article\.md:3: date: /),
    ]);
  });

  it("never reads a failed article through a symbolic link: one to a pipe is refused at once, not waited on", async () => {
    const fixture = await createFixture({ ...MINIMAL_PROJECT, [SECOND]: secondWithLinks("/consulting/nope/") });
    folders.push(fixture.root);
    execFileSync("mkfifo", [path.join(fixture.root, "pipe")]);
    symlinkSync(path.join(fixture.root, "pipe"), path.join(fixture.root, "content/articles/piped.md"));
    const error = await loadCheckedModel(fixture.root, { now: NOW, includeUnpublished: false }, undefined, { pictures: false }).catch((thrown: ContentError) => thrown);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/articles\/piped\.md: is a symbolic link/)]);
  });

  it("reports the file errors alone while a file the pages are made from fails (the categories): the pages it would bring cannot be told", async () => {
    const errors = await errorsOf({
      "_data/categories.yaml": MINIMAL_PROJECT["_data/categories.yaml"]!.replace("  description: Languages.", "  descripton: Languages."),
      [SECOND]: secondWithLinks("/consulting/nope/"),
    });
    expect(errors).toEqual([expect.stringMatching(/^_data\/categories\.yaml:3: programming-languages\.descripton: /)]);
  });
});

describe("links are checked in the same round as the errors of course, service and class files", () => {
  const COURSE = "_data/courses/advanced-java.yaml";
  const SERVICE = "_data/services/mentoring.yaml";
  // Pages the failed course may bring once mended, or that may list it: its page, its class, the paths, the calendar.
  const COURSE_PAGES = ["/courses/advanced-java/", "/training/private/advanced-java/", "/schedule/advanced-java-2027-07-online/", "/paths/java/", "/schedule.ics", "/assets/social/courses/advanced-java.png"];

  it("leaves unjudged the pages a course that failed to load may bring, its classes' among them, and reports the other links", async () => {
    for (const includeUnpublished of [false, true]) {
      const errors = await errorsOf(
        { [COURSE]: MINIMAL_PROJECT[COURSE]!.replace("durationDays: 3", "durationDays: three"), [SECOND]: secondWithLinks(...COURSE_PAGES, "/consulting/nope/", "/articles/nope/") },
        includeUnpublished,
      );
      expect(errors, `includeUnpublished: ${includeUnpublished}`).toEqual([
        expect.stringMatching(/^_data\/courses\/advanced-java\.yaml:4: durationDays: must be a number/),
        `${SECOND}:15: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
        expect.stringMatching(/^content\/articles\/second-article\.md:16: body: link "\/articles\/nope\/" leads to no page of this site/),
      ]);
    }
  });

  it("leaves a course that failed only in a cross-check out with its own links, which wait for it", async () => {
    const course = MINIMAL_PROJECT[COURSE]!.replace("category: programming-languages", "category: programing-languages").replace("description: A harder course about Java.", "description: See [the notes](/nowhere/).");
    const errors = await errorsOf({ [COURSE]: course, [SECOND]: secondWithLinks("/courses/advanced-java/", "/consulting/nope/") });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/courses\/advanced-java\.yaml:2: category: category "programing-languages" does not exist/),
      `${SECOND}:10: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
    ]);
  });

  it("counts among the pages a failed course, service, classes', paths' or promotions' file may bring every page the fixture site has only with it", async () => {
    const content = await loadContent(FIXTURE_ROOT, { cache: new ContentCache(FIXTURE_ROOT, { disk: false }) });
    for (const includeUnpublished of [true, false]) expectCovered(content, includeUnpublished);
  });

  /** Every page the fixture site has only with one course, one service, its classes, its paths or its promotions, in that kind of build, is one mayBring names. */
  function expectCovered(content: Awaited<ReturnType<typeof loadContent>>, includeUnpublished: boolean): void {
    const urls = (without: typeof content) => new Set(pageTableOf(buildSiteModel(without, { now: NOW, includeUnpublished })).entries.map((entry) => entry.url));
    const all = urls(content);
    const onlyWith = (without: typeof content) => {
      const left = urls(without);
      return [...all].filter((url) => !left.has(url));
    };
    const courses = Object.keys(content.courses);
    const services = content.services.map((service) => service.id);
    expect(courses.length).toBeGreaterThan(1);
    expect(services.length).toBeGreaterThan(1);
    let found = 0;
    for (const id of courses) {
      const gone = onlyWith(withCoursesOnly(content, Object.fromEntries(Object.entries(content.courses).filter(([other]) => other !== id))));
      found += gone.length;
      expect(gone.filter((url) => !mayBring("course", url)), id).toEqual([]);
    }
    for (const id of services) {
      const gone = onlyWith({ ...content, services: content.services.filter((service) => service.id !== id) });
      found += gone.length;
      expect(gone.filter((url) => !mayBring("service", url)), id).toEqual([]);
    }
    const withoutClasses = onlyWith({ ...content, sessions: [] });
    expect(withoutClasses.length).toBeGreaterThan(content.sessions.length);
    expect(withoutClasses.filter((url) => !mayBring("schedule", url))).toEqual([]);
    const withoutPaths = onlyWith({ ...content, learningPaths: [] });
    expect(withoutPaths.length).toBeGreaterThanOrEqual(content.learningPaths.length);
    expect(content.learningPaths.length).toBeGreaterThan(0);
    expect(withoutPaths.filter((url) => !mayBring("learningPaths", url))).toEqual([]);
    expect(content.promotions.length).toBeGreaterThan(0);
    expect(onlyWith({ ...content, promotions: [] }).filter((url) => !mayBring("promotions", url))).toEqual([]);
    expect(found).toBeGreaterThan(courses.length + services.length);
  }

  it("leaves unjudged the schedule's pages while the classes' file fails, and still judges the courses' and the rest", async () => {
    const errors = await errorsOf({
      "_data/schedule.yaml": MINIMAL_PROJECT["_data/schedule.yaml"]!.replace("mode: classroom", "mode: classrom"),
      [SECOND]: secondWithLinks("/schedule/java-fundamentals-2027-01-den/", "/schedule/2027-01/", "/schedule.ics", "/courses/java-fundamentals/", "/courses/nope/", "/consulting/nope/"),
    });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/schedule\.yaml:\d+: \[0\]\.mode: /),
      expect.stringMatching(/^content\/articles\/second-article\.md:13: body: link "\/courses\/nope\/" leads to no page of this site/),
      `${SECOND}:14: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
    ]);
  });

  it("leaves unjudged the sitemap's parts, whose number follows the pages a failed file may bring", async () => {
    const errors = await errorsOf({ [COURSE]: MINIMAL_PROJECT[COURSE]!.replace("durationDays: 3", "durationDays: three"), [SECOND]: secondWithLinks("/sitemap-2.xml", "/sitemap-two.xml") });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/courses\/advanced-java\.yaml:4: durationDays: /),
      expect.stringMatching(/^content\/articles\/second-article\.md:10: body: link "\/sitemap-two\.xml" leads to no page of this site/),
    ]);
  });

  it("gives no warning beside the errors: a class left out with its course may turn a month's live page into a redirect's old path", async () => {
    // The course's one class moved into January, the month the other course's class ends in, seen after that one ended.
    const schedule = MINIMAL_PROJECT["_data/schedule.yaml"]!.replace('start: "2027-07-12T09:00"\n  end: "2027-07-14T16:00"', 'start: "2027-01-25T09:00"\n  end: "2027-01-27T16:00"');
    expect(schedule).not.toBe(MINIMAL_PROJECT["_data/schedule.yaml"]);
    const files = { "_data/schedule.yaml": schedule, [SECOND]: secondWithLinks("/schedule/2027-01/", "/schedule/2027-01.ics", "/consulting/nope/") };
    const january = DateTime.fromISO("2027-01-20T09:00", { zone: SITE_ZONE }) as DateTime<true>;
    const whole = await outcomeOf(files, false, january);
    expect(whole.warnings.filter((warning) => warning.includes("/schedule/2027-01"))).toEqual([]);
    const degraded = await outcomeOf({ ...files, [COURSE]: MINIMAL_PROJECT[COURSE]!.replace("durationDays: 3", "durationDays: three") }, false, january);
    expect(degraded.errors).toEqual([expect.stringMatching(/^_data\/courses\/advanced-java\.yaml:4: /), expect.stringMatching(/^content\/articles\/second-article\.md:11: body: link "\/consulting\/nope\/"/)]);
    expect(degraded.warnings.filter((warning) => warning.includes("/schedule/2027-01"))).toEqual([]);
  });

  it("leaves unjudged the paths' pages while their file fails, and still judges the rest", async () => {
    const paths = "- id: java-developer\n  title: Java developer\n  summary: From first steps to advanced Java.\n  courses: [java-fundamentals, advanced-java]\n";
    const errors = await errorsOf({ "_data/learning-paths.yaml": paths.replace("courses:", "coursse:"), [SECOND]: secondWithLinks("/paths/java-developer/", "/paths/", "/consulting/nope/") });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/learning-paths\.yaml:4: \[0\]\.coursse: unknown field/),
      `${SECOND}:11: body: link "/consulting/nope/" leads to no page of this site: did you mean "/consulting/"?`,
    ]);
  });

  it("judges every link while the promotions' file fails: they bring no page of their own", async () => {
    const promotions = MINIMAL_PROJECT["_data/promotions.yaml"]!.replace('validUntil: "2027-01-31"', 'validUntil: "2027-01-32"');
    expect(promotions).not.toBe(MINIMAL_PROJECT["_data/promotions.yaml"]);
    const errors = await errorsOf({ "_data/promotions.yaml": promotions, [SECOND]: secondWithLinks("/courses/nope/", "/consulting/", "/offers/") });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/promotions\.yaml:4: \[0\]\.validUntil: /),
      expect.stringMatching(/^content\/articles\/second-article\.md:9: body: link "\/courses\/nope\/" leads to no page of this site/),
      expect.stringMatching(/^content\/articles\/second-article\.md:11: body: link "\/offers\/" leads to no page of this site/),
    ]);
  });

  it("leaves unjudged the consulting pages while a service fails, and still judges the courses' pages", async () => {
    const errors = await errorsOf({ [SERVICE]: MINIMAL_PROJECT[SERVICE]!.replace("order: 1", "order: first"), [SECOND]: secondWithLinks("/consulting/mentoring/", "/consulting/nope/", "/courses/nope/") });
    expect(errors).toEqual([
      expect.stringMatching(/^_data\/services\/mentoring\.yaml:\d+: order: must be a number/),
      expect.stringMatching(/^content\/articles\/second-article\.md:11: body: link "\/courses\/nope\/" leads to no page of this site/),
    ]);
  });
});
