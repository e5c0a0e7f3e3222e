import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent, type KeptLoads, type LoadReuse } from "../../src/content/load-content.ts";
import { ContentError, type ContentProblem } from "../../src/content/problems.ts";
import { createFixture, loadProblems, type Fixture } from "../support/content-fixture.ts";

const UNKNOWN_FIELD = expect.stringMatching(/^unknown field /);

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe("loadContent: a valid project", () => {
  it("loads every file into typed data", async () => {
    const content = await loadContent(fixture.root);

    expect(content.site).toMatchObject({ name: "Test Software Group", url: "https://www.example.com", timeZone: "America/Denver", fewSeatsLeft: 3 });
    expect(content.authors).toEqual({
      "jane-doe": { id: "jane-doe", name: "Jane Doe", role: "Writer", bio: "Writes articles.", imageJobs: [] },
      hsg: { id: "hsg", name: "HSG", role: "Editorial team", bio: "The team.", imageJobs: [] },
    });
    expect(Object.keys(content.instructors)).toEqual(["elena-marsh"]);
    expect(content.locations["denver-downtown"]).toMatchObject({ id: "denver-downtown", name: "HSG Training Center", postalCode: "80202" });
    expect(content.categories["programming-languages"]).toMatchObject({ id: "programming-languages", name: "Programming Languages" });
    expect(Object.keys(content.courses).sort()).toEqual(["advanced-java", "java-fundamentals"]);
    expect(content.courses["java-fundamentals"]).toMatchObject({ id: "java-fundamentals", level: "introductory", priceUSD: 2495, prerequisites: [], relatedCourses: ["advanced-java"] });
    expect(content.courses["advanced-java"]?.priceUSD).toBeUndefined();
    expect(content.services.map((service) => service.id)).toEqual(["mentoring"]);
    expect(content.redirects).toEqual([{ from: "/old-courses/", to: "/courses/" }]);
  });

  it("reads session, promotion and article dates as luxon DateTimes in America/Denver", async () => {
    const content = await loadContent(fixture.root);
    const [winter, summer] = content.sessions;
    expect(winter?.start).toBeInstanceOf(DateTime);
    expect(winter?.start.toISO()).toBe("2027-01-12T09:00:00.000-07:00");
    expect(winter?.start.zoneName).toBe("America/Denver");
    expect(summer?.start.toISO()).toBe("2027-07-12T09:00:00.000-06:00");
    expect(summer).toMatchObject({ id: "advanced-java-2027-07-online", enrolled: 0, status: "scheduled", guaranteedToRun: false });
    expect(content.promotions[0]?.validFrom?.toISO()).toBe("2027-01-01T00:00:00.000-07:00");
    expect(content.articles.map((article) => article.date.toISO())).toEqual(["2026-11-02T00:00:00.000-07:00", "2026-11-20T08:00:00.000-07:00"]);
  });

  it("keeps each article's slug, file, body and front matter", async () => {
    const content = await loadContent(fixture.root);
    const [first, second] = content.articles;
    expect(first).toMatchObject({
      slug: "first-article",
      file: "content/articles/first-article.md",
      title: "First Article",
      author: "jane-doe",
      tags: ["Java", "Project Management"],
      relatedCourses: ["java-fundamentals"],
      aliases: ["/blog/first-article/"],
      draft: false,
    });
    expect(first?.body.trim()).toBe("Hello **world**.");
    expect(second).toMatchObject({ slug: "second-article", author: "hsg", tags: ["project-management"], relatedCourses: [], aliases: [] });
  });

  it("sorts services by order, not by file name", async () => {
    await fixture.write(
      "_data/services/aaa-audit.yaml",
      "title: Code Audit\nsummary: We read your code.\nbody: Audits.\nofferings: [Report]\nengagement: Two weeks.\norder: 2\n",
    );
    const content = await loadContent(fixture.root);
    expect(content.services.map((service) => service.id)).toEqual(["mentoring", "aaa-audit"]);
  });

  it("treats redirects.yaml as optional, missing or empty", async () => {
    await fixture.remove("_data/redirects.yaml");
    expect((await loadContent(fixture.root)).redirects).toEqual([]);
    await fixture.write("_data/redirects.yaml", "# no redirects yet\n");
    expect((await loadContent(fixture.root)).redirects).toEqual([]);
  });

  it("loads a project with no articles", async () => {
    await fixture.remove("content/articles/first-article.md");
    await fixture.remove("content/articles/second-article.md");
    expect((await loadContent(fixture.root)).articles).toEqual([]);
  });
});

describe("loadContent: problems are collected, not thrown one at a time", () => {
  it("reports problems in several files in one ContentError, each with file, line and field", async () => {
    await fixture.edit("_data/site.yaml", (text) => text.replace("email: info@example.com", "email: not an email"));
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("seats: 20", "seats: 0"));
    await fixture.edit("_data/courses/advanced-java.yaml", (text) => text.replace("durationDays: 3", "durationDays: 0"));
    await fixture.edit("_data/authors.yaml", (text) => text.replace("  bio: The team.\n", ""));
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("summary: The second article.", `summary: ${"x".repeat(201)}`));

    const error = await loadContent(fixture.root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toHaveLength(5);
    for (const problem of problems) {
      expect(problem.file).toMatch(/^(_data|content)\//);
      expect(problem.line).toEqual(expect.any(Number));
      expect(problem.field).not.toBe("");
      expect(problem.message).not.toBe("");
    }
    expect(problems.map(({ file, line, field }) => ({ file, line, field }))).toEqual(
      expect.arrayContaining([
        { file: "_data/site.yaml", line: 6, field: "email" },
        { file: "_data/schedule.yaml", line: 16, field: "[1].seats" },
        { file: "_data/courses/advanced-java.yaml", line: 4, field: "durationDays" },
        { file: "_data/authors.yaml", line: 5, field: "hsg.bio" },
      ]),
    );
    expect(problems.find((problem) => problem.file === "content/articles/second-article.md")).toMatchObject({
      field: "summary",
      message: "must be at most 200 characters",
    });
  });

  it("sorts the problems by file and line and lists them in the message", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("seats: 20", "seats: 0").replace("enrolled: 3", "enrolled: 30"));
    await fixture.edit("_data/site.yaml", (text) => text.replace("timeZone: America/Denver", "timeZone: Europe/Berlin"));
    const error = await loadContent(fixture.root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const { problems, message } = error as ContentError;
    expect(problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(["_data/schedule.yaml:9", "_data/schedule.yaml:16", "_data/site.yaml:14"]);
    expect(message.split("\n")).toEqual([
      "Content has 3 problems:",
      "  _data/schedule.yaml:9: [0].enrolled: is 30 but only 12 seats are offered",
      "  _data/schedule.yaml:16: [1].seats: must be at least 1",
      '  _data/site.yaml:14: timeZone: must be "America/Denver" (the zone the build reads dates in, set in src/time/zone.ts)',
    ]);
  });

  it("reports each unknown key of an entry on its own line", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  mode: online\n", "  mode: online\n  seat: 20\n  instuctor: elena-marsh\n"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 15, field: "[1].seat", message: UNKNOWN_FIELD },
      { file: "_data/schedule.yaml", line: 16, field: "[1].instuctor", message: UNKNOWN_FIELD },
    ]);
  });

  it("refuses an unquoted date in a data file, on its line", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace('start: "2027-07-12T09:00"', "start: 2027-07-12T09:00:00"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 12, field: "[1].start", message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)' },
    ]);
  });

  it("refuses a session starting inside the daylight-saving gap", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace('start: "2027-07-12T09:00"', 'start: "2027-03-14T02:30"'));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 12, field: "[1].start", message: '"2027-03-14T02:30" does not exist in America/Denver (clocks skip it at the daylight-saving change)' },
    ]);
  });

  it("refuses a map file written as a list, and a list file written as a map", async () => {
    await fixture.write("_data/categories.yaml", "- name: Programming Languages\n  description: Languages.\n");
    await fixture.write("_data/promotions.yaml", "spring:\n  title: Spring\n");
    expect(await loadProblems(fixture.root)).toEqual(
      expect.arrayContaining([
        { file: "_data/categories.yaml", line: 1, field: "", message: "must hold entries by id: each starts at the beginning of a line with its id and a colon, with its fields indented below" },
        { file: "_data/promotions.yaml", line: 1, field: "", message: 'must be a list (each entry starting with "- ")' },
      ]),
    );
  });

  it("refuses a map key that is not an id", async () => {
    await fixture.edit("_data/locations.yaml", (text) => `${text}Denver Tech Center:\n  name: DTC\n  street: 1 DTC Parkway\n  city: Denver\n  region: CO\n  postalCode: "80111"\n  country: US\n`);
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/locations.yaml", line: 8, field: "Denver Tech Center", message: 'id "Denver Tech Center" must be lowercase letters, digits and single hyphens' },
    ]);
  });

  it("refuses a course file name that is not an id", async () => {
    await fixture.write("_data/courses/Python_Basics.yaml", await fixture.read("_data/courses/advanced-java.yaml"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/courses/Python_Basics.yaml", line: 1, field: "", message: 'file name "Python_Basics" must be lowercase letters, digits and single hyphens' },
    ]);
  });
});

describe("loadContent: references between files", () => {
  type Case = { name: string; file: string; from: string; to: string; expected: ContentProblem };
  const cases: Case[] = [
    {
      name: "session course",
      file: "_data/schedule.yaml",
      from: "course: java-fundamentals",
      to: "course: java-fundamental",
      expected: { file: "_data/schedule.yaml", line: 2, field: "[0].course", message: 'course "java-fundamental" does not exist; did you mean "java-fundamentals"? (see _data/courses/)' },
    },
    {
      name: "session instructor",
      file: "_data/schedule.yaml",
      from: "  instructor: elena-marsh\n  seats: 20",
      to: "  instructor: elena-mars\n  seats: 20",
      expected: { file: "_data/schedule.yaml", line: 15, field: "[1].instructor", message: 'instructor "elena-mars" does not exist; did you mean "elena-marsh"? (see _data/instructors.yaml)' },
    },
    {
      name: "session location",
      file: "_data/schedule.yaml",
      from: "location: denver-downtown",
      to: "location: denver-downtwn",
      expected: { file: "_data/schedule.yaml", line: 6, field: "[0].location", message: 'location "denver-downtwn" does not exist; did you mean "denver-downtown"? (see _data/locations.yaml)' },
    },
    {
      name: "course category",
      file: "_data/courses/java-fundamentals.yaml",
      from: "category: programming-languages",
      to: "category: programing-languages",
      expected: {
        file: "_data/courses/java-fundamentals.yaml",
        line: 2,
        field: "category",
        message: 'category "programing-languages" does not exist; did you mean "programming-languages"? (see _data/categories.yaml)',
      },
    },
    {
      name: "course related course",
      file: "_data/courses/java-fundamentals.yaml",
      from: "  - advanced-java",
      to: "  - advanced-jave",
      expected: { file: "_data/courses/java-fundamentals.yaml", line: 19, field: "relatedCourses[0]", message: 'course "advanced-jave" does not exist; did you mean "advanced-java"? (see _data/courses/)' },
    },
    {
      name: "service related course",
      file: "_data/services/mentoring.yaml",
      from: "  - java-fundamentals",
      to: "  - java-fundamentals-2",
      expected: { file: "_data/services/mentoring.yaml", line: 8, field: "relatedCourses[0]", message: 'course "java-fundamentals-2" does not exist; did you mean "java-fundamentals"? (see _data/courses/)' },
    },
    {
      name: "session course far from any id",
      file: "_data/schedule.yaml",
      from: "course: advanced-java",
      to: "course: cobol-basics",
      expected: { file: "_data/schedule.yaml", line: 11, field: "[1].course", message: 'course "cobol-basics" does not exist (see _data/courses/)' },
    },
  ];

  it.each(cases)("reports a dangling $name with its line", async ({ file, from, to, expected }) => {
    await fixture.edit(file, (text) => text.replace(from, to));
    expect(await loadProblems(fixture.root)).toEqual([expected]);
  });

  it("reports a dangling article author, suggesting the close id", async () => {
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("author: jane-doe", "author: jane-do"));
    const problems = await loadProblems(fixture.root);
    expect(problems).toEqual([
      {
        file: "content/articles/first-article.md",
        line: expect.any(Number),
        field: "author",
        message: 'author "jane-do" does not exist; did you mean "jane-doe"? (see _data/authors.yaml)',
      },
    ]);
  });

  it("reports a dangling article related course, suggesting the close id", async () => {
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("relatedCourses: [java-fundamentals]", "relatedCourses: [advanced-java, java-fundamentalz]"));
    expect(await loadProblems(fixture.root)).toEqual([
      {
        file: "content/articles/first-article.md",
        line: expect.any(Number),
        field: "relatedCourses[1]",
        message: 'course "java-fundamentalz" does not exist; did you mean "java-fundamentals"? (see _data/courses/)',
      },
    ]);
  });

  it("refuses a misspelt session status and names the spelling the schema knows", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  enrolled: 3\n", "  enrolled: 3\n  status: canceled\n"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 10, field: "[0].status", message: '"canceled" is not one of "scheduled", "cancelled", "postponed"; did you mean "cancelled"?' },
    ]);
  });

  describe("promotions and the markers that place them", () => {
    const STANDING = "- id: tools\n  title: Tools\n  body: Learn the tools.\n  courses: [java-fundamentals, advanced-java]\n";
    // Appends Markdown to the first article and returns the file line of each appended line, counted in the file itself.
    const appendToArticle = async (...added: string[]) => {
      await fixture.edit("content/articles/first-article.md", (text) => `${text}\n${added.join("\n")}\n`);
      const text = await fixture.read("content/articles/first-article.md");
      return added.map((line) => text.split("\n").indexOf(line) + 1);
    };

    it("accepts markers naming a promotion and courses that exist", async () => {
      await fixture.edit("_data/promotions.yaml", (text) => text + STANDING);
      await appendToArticle("[[promotion: tools]]", "", "[[courses: advanced-java]]");
      const content = await loadContent(fixture.root);
      expect(content.promotions.find((promotion) => promotion.id === "tools")?.courses).toEqual(["java-fundamentals", "advanced-java"]);
    });

    it("reports an unknown promotion, course or kind at the marker's line in the file, with a suggestion", async () => {
      await fixture.edit("_data/promotions.yaml", (text) => text + STANDING);
      const [promotionLine, coursesLine, kindLine, emptyLine] = await appendToArticle("[[promotion: tool]]", "[[courses: advanced-java, advanced-jav]]", "[[promotions: tools]]", "[[courses: ]]");
      const file = "content/articles/first-article.md";
      expect(await loadProblems(fixture.root)).toEqual([
        { file, line: promotionLine, field: "body", message: '[[promotion: tool]]: promotion "tool" does not exist; did you mean "tools"? (see _data/promotions.yaml)' },
        { file, line: coursesLine, field: "body", message: '[[courses: advanced-java, advanced-jav]]: course "advanced-jav" does not exist; did you mean "advanced-java"? (see _data/courses/)' },
        { file, line: kindLine, field: "body", message: '[[promotions: tools]]: unknown marker "promotions"; did you mean "promotion"? (markers are [[promotion: id]] and [[courses: id, id]])' },
        { file, line: emptyLine, field: "body", message: "[[courses: ]] names nothing: give course ids from _data/courses/ after the colon" },
      ]);
    });

    it("refuses two promotions in one marker", async () => {
      await fixture.edit("_data/promotions.yaml", (text) => text + STANDING);
      const [line] = await appendToArticle("[[promotion: tools, tools]]");
      expect(await loadProblems(fixture.root)).toEqual([
        { file: "content/articles/first-article.md", line, field: "body", message: "[[promotion: tools, tools]] names 2 promotions: place one per line" },
      ]);
    });

    it("checks a promotion's courses and refuses a repeated promotion id", async () => {
      await fixture.edit("_data/promotions.yaml", (text) => text + STANDING + STANDING.replace("advanced-java]", "advanced-jav]"));
      expect(await loadProblems(fixture.root)).toEqual([
        { file: "_data/promotions.yaml", line: 9, field: "[2].id", message: '"tools" is already used at line 5; promotion ids must be unique' },
        { file: "_data/promotions.yaml", line: 12, field: "[2].courses[1]", message: 'course "advanced-jav" does not exist; did you mean "advanced-java"? (see _data/courses/)' },
      ]);
    });
  });

  it("refuses a course that lists itself as related", async () => {
    await fixture.edit("_data/courses/java-fundamentals.yaml", (text) => text.replace("  - advanced-java", "  - advanced-java\n  - java-fundamentals"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/courses/java-fundamentals.yaml", line: 18, field: "relatedCourses", message: "must not list the course itself" },
    ]);
  });

  it("refuses a duplicate session id, pointing at the first use", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("id: advanced-java-2027-07-online", "id: java-fundamentals-2027-01-den"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 10, field: "[1].id", message: '"java-fundamentals-2027-01-den" is already used at line 1; session ids must be unique' },
    ]);
  });

  it("refuses a session priced away from its course's list price without a priceNote, and accepts it with one", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  enrolled: 3\n", "  enrolled: 3\n  priceUSD: 1\n"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 10, field: "[0].priceUSD", message: expect.stringMatching(/^is \$1 but the course has .*: add a priceNote saying why/) },
    ]);
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  priceUSD: 1\n", "  priceUSD: 1\n  priceNote: Staff rate\n"));
    expect((await loadContent(fixture.root)).sessions[0]!.priceNote).toBe("Staff rate");
  });

  it("refuses a policy override naming a clause that does not exist, suggesting the close one", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("  enrolled: 3\n", "  enrolled: 3\n  policies:\n    customer-cancelation: Never refunded.\n"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 11, field: "[0].policies.customer-cancelation", message: 'clause "customer-cancelation" does not exist; did you mean "customer-cancellation"? (see _data/policies.yaml)' },
    ]);
  });

  it("counts listed meetings as the teaching days that must match the course's length", async () => {
    await fixture.edit("_data/schedule.yaml", (text) =>
      text.replace("  enrolled: 3\n", '  enrolled: 3\n  meetings:\n    - { start: "2027-01-12T09:00", end: "2027-01-12T16:30" }\n    - { start: "2027-01-13T09:00", end: "2027-01-13T12:00" }\n'),
    );
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 10, field: "[0].meetings", message: expect.stringMatching(/^gives 2 teaching days \(meetings listed\), but course "java-fundamentals" lasts 5/) },
    ]);
  });

  it("refuses meetings outside the session's days, and a meeting that ends before it starts", async () => {
    await fixture.edit("_data/schedule.yaml", (text) =>
      text.replace("  enrolled: 3\n", '  enrolled: 3\n  meetings:\n    - { start: "2027-01-11T09:00", end: "2027-01-11T16:30" }\n    - { start: "2027-01-13T16:00", end: "2027-01-13T09:00" }\n'),
    );
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/schedule.yaml", line: 11, field: "[0].meetings[0].start", message: "must fall between the session's start and end days" },
      { file: "_data/schedule.yaml", line: 12, field: "[0].meetings[1].end", message: "must be after its start" },
    ]);
  });

  it("refuses two services with the same order", async () => {
    await fixture.write("_data/services/training.yaml", (await fixture.read("_data/services/mentoring.yaml")).replace("title: Team Mentoring", "title: Training"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/services/training.yaml", line: 9, field: "order", message: "1 is already used by _data/services/mentoring.yaml" },
    ]);
  });

  it("refuses a tag with no letters or digits", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("tags: [project-management]", 'tags: [project-management, "!!!"]'));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "content/articles/second-article.md", line: expect.any(Number), field: "tags[1]", message: '"!!!" has no letters or digits to make a tag page from' },
    ]);
  });
});

describe("loadContent: a broken file is reported once", () => {
  it("a course with an unknown field does not make its sessions and related courses report it missing", async () => {
    await fixture.edit("_data/courses/advanced-java.yaml", (text) => text.replace("level: advanced\n", "level: advanced\nlevle: advanced\n"));
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/courses/advanced-java.yaml", line: 4, field: "levle", message: UNKNOWN_FIELD }]);
  });

  it("an author with a missing field does not make its articles report it missing", async () => {
    await fixture.edit("_data/authors.yaml", (text) => text.replace("  role: Editorial team\n", ""));
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/authors.yaml", line: 5, field: "hsg.role", message: "is required" }]);
  });

  it("an invalid instructor and location do not make sessions report them missing", async () => {
    await fixture.edit("_data/instructors.yaml", (text) => text.replace("  bio: Teaches Java.", "  bio: ''"));
    await fixture.edit("_data/locations.yaml", (text) => text.replace('postalCode: "80202"', "postalCode: 80202"));
    const problems = await loadProblems(fixture.root);
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual(["_data/instructors.yaml elena-marsh.bio", "_data/locations.yaml denver-downtown.postalCode"]);
  });

  it("a course with a YAML syntax error is reported with its line", async () => {
    await fixture.edit("_data/courses/advanced-java.yaml", (text) => text.replace("level: advanced\n", "level: advanced\nlevel: intermediate\n"));
    const problems = await loadProblems(fixture.root);
    expect(problems).toContainEqual({ file: "_data/courses/advanced-java.yaml", line: 4, field: "", message: "level is written twice at the same level (first on line 3): keep one" });
  });

  it("an authors file with a YAML syntax error does not make articles report their authors missing", async () => {
    await fixture.edit("_data/authors.yaml", (text) => text.replace("  role: Writer\n", "  role: Writer\n  role: Editor\n"));
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/authors.yaml", line: 4, field: "", message: "role is written twice at the same level (first on line 3): keep one" }]);
  });

  it("a missing instructors file does not make sessions report their instructor missing", async () => {
    await fixture.remove("_data/instructors.yaml");
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/instructors.yaml", field: "", message: "cannot be read: the file is missing" }]);
  });

  it("a course with a YAML syntax error does not make its sessions report it missing", async () => {
    await fixture.edit("_data/courses/advanced-java.yaml", (text) => text.replace("level: advanced\n", "level: advanced\nlevel: intermediate\n"));
    const problems = await loadProblems(fixture.root);
    expect(problems.filter((problem) => problem.message.includes("does not exist"))).toEqual([]);
  });
});

describe("loadContent: articles", () => {
  it("reports front matter problems with field and message", async () => {
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("summary: The first article.\n", `summary: ${"s".repeat(201)}\ntitel: Typo\n`));
    const problems = await loadProblems(fixture.root);
    expect(problems).toEqual([
      { file: "content/articles/first-article.md", line: expect.any(Number), field: "summary", message: "must be at most 200 characters" },
      { file: "content/articles/first-article.md", line: expect.any(Number), field: "titel", message: UNKNOWN_FIELD },
    ]);
    expect(problems[1]!.line! - problems[0]!.line!).toBe(1);
  });

  it("reports front matter problems on their line in the file (front matter starts on line 2)", async () => {
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("summary: The first article.\n", `summary: ${"s".repeat(201)}\ntitel: Typo\n`));
    const problems = await loadProblems(fixture.root);
    expect(problems.map((problem) => problem.line)).toEqual([5, 6]);
  });

  it("reports a dangling author on the author line (line 4)", async () => {
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("author: jane-doe", "author: jane-do"));
    expect((await loadProblems(fixture.root))[0]?.line).toBe(4);
  });

  it("refuses an unquoted date in front matter", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace('date: "2026-11-20T08:00"', "date: 2026-11-20"));
    expect(await loadProblems(fixture.root)).toEqual([
      {
        file: "content/articles/second-article.md",
        line: expect.any(Number),
        field: "date",
        message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)',
      },
    ]);
  });

  it("refuses an article without front matter", async () => {
    await fixture.write("content/articles/no-front-matter.md", "# Just a heading\n\nSome text.\n");
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "content/articles/no-front-matter.md", line: 1, field: "", message: "must start with front matter between --- lines" },
    ]);
  });

  it("reports a front matter syntax error for its file", async () => {
    let line = 0;
    await fixture.edit("content/articles/second-article.md", (text) => {
      line = text.split("\n").findIndex((row) => row.startsWith("tags: [project-management]")) + 1;
      return text.replace("tags: [project-management]", "tags: [project-management");
    });
    expect(line).toBeGreaterThan(0);
    expect(await loadProblems(fixture.root)).toContainEqual(
      expect.objectContaining({ file: "content/articles/second-article.md", line, field: "", message: expect.stringMatching(/^a \[ opened on this line is never closed/) }),
    );
  });

  it("refuses an article file name that is not an id", async () => {
    await fixture.write("content/articles/My_Article.md", await fixture.read("content/articles/second-article.md"));
    expect(await loadProblems(fixture.root)).toEqual([
      expect.objectContaining({ file: "content/articles/My_Article.md", field: "", message: 'file name "My_Article" must be lowercase letters, digits and single hyphens' }),
    ]);
  });
});

describe("loadContent: missing files", () => {
  it.each(["_data/site.yaml", "_data/authors.yaml", "_data/instructors.yaml", "_data/locations.yaml", "_data/categories.yaml", "_data/schedule.yaml", "_data/promotions.yaml"])(
    "reports a missing %s",
    async (file) => {
      await fixture.remove(file);
      expect(await loadProblems(fixture.root)).toContainEqual({ file, field: "", message: "cannot be read: the file is missing" });
    },
  );

  it("reports only the missing file when nothing refers to its content", async () => {
    await fixture.remove("_data/site.yaml");
    expect(await loadProblems(fixture.root)).toEqual([{ file: "_data/site.yaml", field: "", message: "cannot be read: the file is missing" }]);
  });

  it.each(["_data/courses", "_data/services", "content/articles"])("reports a missing folder %s", async (folder) => {
    await fixture.remove(folder);
    expect(await loadProblems(fixture.root)).toContainEqual({ file: folder, field: "", message: "folder is missing" });
  });
});

describe("loadContent: redirects", () => {
  it("refuses an alias claimed by two articles", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("tags: [project-management]", "tags: [project-management]\naliases: [/blog/first-article/]"));
    expect(await loadProblems(fixture.root)).toEqual([
      {
        file: "content/articles/second-article.md",
        line: expect.any(Number),
        field: "aliases[0]",
        message: '"/blog/first-article/" is already redirected by content/articles/first-article.md',
      },
    ]);
  });

  it("refuses a redirects.yaml entry for a path an article alias already claims, with or without the trailing slash", async () => {
    await fixture.edit("_data/redirects.yaml", (text) => `${text}- from: /blog/first-article\n  to: /articles/first-article/\n`);
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/redirects.yaml", line: 3, field: "[1].from", message: '"/blog/first-article" is already redirected by content/articles/first-article.md' },
    ]);
  });

  it("refuses two redirects.yaml entries for the same path", async () => {
    await fixture.edit("_data/redirects.yaml", (text) => `${text}- from: /old-courses/\n  to: /schedule/\n`);
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/redirects.yaml", line: 3, field: "[1].from", message: '"/old-courses/" is already redirected by _data/redirects.yaml (entry 1)' },
    ]);
  });

  it("accepts different paths", async () => {
    await fixture.edit("_data/redirects.yaml", (text) => `${text}- from: /old-schedule/\n  to: /schedule/\n`);
    expect((await loadContent(fixture.root)).redirects).toHaveLength(2);
  });
});

describe("loadContent: encodings", () => {
  it("accepts files with a byte-order mark and Windows line ends, with the same lines and values", async () => {
    await fixture.edit("_data/courses/advanced-java.yaml", (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    await fixture.edit("content/articles/first-article.md", (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    const content = await loadContent(fixture.root);
    expect(content.courses["advanced-java"]?.title).toBe("Advanced Java");
    expect(content.articles.find((article) => article.slug === "first-article")).toMatchObject({ title: "First Article", body: "\nHello **world**.\n" });
    expect(content.lineOf("_data/courses/advanced-java.yaml", ["durationDays"])).toBe(4);
  });

  it("refuses a file that is not UTF-8, naming it and the line, and reports nothing else about it", async () => {
    const latin1 = (await fixture.read("_data/courses/advanced-java.yaml")).replace("summary: More Java.", "summary: Mehr Java für Entwickler.");
    await writeFile(path.join(fixture.root, "_data/courses/advanced-java.yaml"), Buffer.from(latin1, "latin1"));
    expect(await loadProblems(fixture.root)).toEqual([
      { file: "_data/courses/advanced-java.yaml", line: 5, field: "", message: "is not UTF-8 text: save the file as UTF-8 (the first character that is not is on this line)" },
    ]);
  });

  it("refuses an article that is not UTF-8", async () => {
    await writeFile(path.join(fixture.root, "content/articles/second-article.md"), Buffer.from((await fixture.read("content/articles/second-article.md")).replace("Second body.", "Zweiter Text für alle."), "latin1"));
    expect(await loadProblems(fixture.root)).toEqual([expect.objectContaining({ file: "content/articles/second-article.md", line: 9, message: expect.stringContaining("is not UTF-8") })]);
  });
});

describe("loadContent: a class and its course's length", () => {
  it("accepts a class whose weekdays from start to end match the course's days, weekends skipped", async () => {
    // java-fundamentals (5 days) from Thursday to the next Wednesday: Thu, Fri, Mon, Tue, Wed.
    await fixture.edit("_data/schedule.yaml", (text) => text.replace('start: "2027-01-12T09:00"', 'start: "2027-01-14T09:00"').replace('end: "2027-01-16T16:30"', 'end: "2027-01-20T16:30"'));
    await expect(loadContent(fixture.root)).resolves.toBeDefined();
  });

  it.each([
    ["too short", '"2027-01-13T16:30"', "gives 2 teaching days"],
    ["too long", '"2027-01-21T16:30"', "gives 8 teaching days"],
  ])("refuses a class %s for its course, on the end line", async (_, end, message) => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace('end: "2027-01-16T16:30"', `end: ${end}`));
    expect(await loadProblems(fixture.root)).toEqual([
      {
        file: "_data/schedule.yaml",
        line: 4,
        field: "[0].end",
        message: `${message} (weekdays from start to end), but course "java-fundamentals" lasts 5 (durationDays in _data/courses/java-fundamentals.yaml)`,
      },
    ]);
  });

  it("says nothing about length when the course itself is missing", async () => {
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("course: java-fundamentals", "course: cobol-basics"));
    expect((await loadProblems(fixture.root)).map((problem) => problem.field)).toEqual(["[0].course"]);
  });
});

describe("loadContent: tags that collide", () => {
  it("accepts spellings that differ only in case, spaces or hyphens", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("tags: [project-management]", "tags: [project-management, PROJECT  management, java]"));
    await expect(loadContent(fixture.root)).resolves.toBeDefined();
  });

  it("refuses two different tags that would share one page, naming the first", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("tags: [project-management]", "tags: [project-management, Project/Management]"));
    expect(await loadProblems(fixture.root)).toEqual([
      {
        file: "content/articles/second-article.md",
        line: 6,
        field: "tags[1]",
        message: '"Project/Management" and "Project Management" (in content/articles/first-article.md) would share the page /articles/tags/project-management/: use one spelling',
      },
    ]);
  });
});

describe("loadContent in npm start: a file not reported changed since the last load is taken from it", () => {
  /** A load that records its results, taking from `previous` every file not in `changed`. */
  const reusing = (previous: KeptLoads, changed: ReadonlySet<string> | undefined): LoadReuse => ({ previous, changed, into: new Map() });
  const titles = async (reuse: LoadReuse) => (await loadContent(fixture.root, { reuse })).articles.map((article) => article.title);
  const retitle = (file: string, title: string) => fixture.edit(file, (text) => text.replace(/^title: .*$/m, `title: ${title}`));

  it("reads the reported files and takes the others from the last load, unread: the watcher's report is trusted", async () => {
    const first = reusing(new Map(), undefined);
    expect(await titles(first)).toEqual(["First Article", "Second Article"]);
    // Every file the load read is recorded, data files and articles alike.
    expect([...first.into.keys()]).toEqual(expect.arrayContaining(["_data/site.yaml", "_data/schedule.yaml", "_data/courses/java-fundamentals.yaml", "content/articles/first-article.md", "content/articles/second-article.md"]));
    await retitle("content/articles/first-article.md", "First, Edited");
    await retitle("content/articles/second-article.md", "Second, Edited");
    const second = reusing(first.into, new Set(["content/articles/first-article.md"]));
    expect(await titles(second)).toEqual(["First, Edited", "Second Article"]);
    expect([...second.into.keys()].sort()).toEqual([...first.into.keys()].sort());
    expect(second.into.get("_data/site.yaml")).toBe(first.into.get("_data/site.yaml"));
  });

  it("reads every file when the changes are not known (the first builds, or a change to code or templates)", async () => {
    const first = reusing(new Map(), undefined);
    await titles(first);
    await retitle("content/articles/second-article.md", "Second, Edited");
    expect(await titles(reusing(first.into, undefined))).toEqual(["First Article", "Second, Edited"]);
  });

  it("lists the folders again: an added article is loaded and a removed one is gone", async () => {
    const first = reusing(new Map(), undefined);
    await titles(first);
    await fixture.write("content/articles/third-article.md", (await fixture.read("content/articles/second-article.md")).replace("title: Second Article", "title: Third Article"));
    await fixture.remove("content/articles/first-article.md");
    const second = reusing(first.into, new Set(["content/articles/third-article.md", "content/articles/first-article.md"]));
    expect(await titles(second)).toEqual(["Second Article", "Third Article"]);
    expect(second.into.has("content/articles/first-article.md")).toBe(false);
  });

  it("reads again a file whose picture was added or deleted, reported or not (Eleventy's watcher reports no deletion)", async () => {
    await fixture.edit("content/articles/second-article.md", (text) => text.replace("Second body.", "Second body.\n\n![The classroom](/images/room.png)"));
    const first = reusing(new Map(), undefined);
    const problems = await loadContent(fixture.root, { reuse: first }).then(() => [], (error: unknown) => (error as ContentError).problems.map((problem) => problem.message));
    expect(problems).toEqual([expect.stringMatching(/image "\/images\/room.png" .*does not exist/)]);
    await mkdir(path.join(fixture.root, "content/images"), { recursive: true });
    await sharp({ create: { width: 500, height: 300, channels: 3, background: "#336699" } }).png().toFile(path.join(fixture.root, "content/images/room.png"));
    const second = reusing(first.into, new Set());
    const article = (await loadContent(fixture.root, { reuse: second })).articles.find((candidate) => candidate.slug === "second-article");
    expect(article?.html).toMatch(/<picture>.*room/s);
    await fixture.remove("content/images/room.png");
    await expect(loadContent(fixture.root, { reuse: reusing(second.into, new Set()) })).rejects.toThrow(/does not exist/);
  });

  it("places a data file again even when its last load is kept: a deleted one is reported missing", async () => {
    const first = reusing(new Map(), undefined);
    await titles(first);
    await fixture.remove("_data/promotions.yaml");
    const problems = await loadContent(fixture.root, { reuse: reusing(first.into, new Set()) }).then(() => [], (error: unknown) => (error as ContentError).problems.map((problem) => `${problem.file}: ${problem.message}`));
    expect(problems).toContainEqual(expect.stringMatching(/^_data\/promotions\.yaml: /));
  });
});
