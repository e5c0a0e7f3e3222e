import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";
import { copySampleProject, type SampleProject } from "../support/sample-project.ts";

const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;
const COURSE = "kotlin-for-java-developers";

// One copy of the fixture gets one of each kind from `npm run new`; it is checked and built as scaffolded, then
// with the draft lines removed too early.
let project: SampleProject;
const scaffolded: Record<string, { status: number | null; stdout: string; stderr: string }> = {};
const read = (file: string) => readFileSync(path.join(project.root, file), "utf8");
const fileOf = (stdout: string) => /(?:Created|Added to) (\S+)/.exec(stdout)![1]!;
const site = (url: string) => path.join(project.root, "_site", url, "index.html");

/** Every HTML page of the copy's last build, as text. */
function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".html")) pages.push(readFileSync(file, "utf8"));
    }
  };
  walk(path.join(project.root, "_site"));
  return pages;
}

beforeAll(async () => {
  project = await copySampleProject();
  scaffolded.article = project.scaffold("article", "Estimating Without Guesswork");
  scaffolded.course = project.scaffold("course", "Kotlin for Java Developers");
  scaffolded.session = project.scaffold("session", COURSE, "2027-09-13");
  scaffolded.promotion = project.scaffold("promotion", "Winter Sale");
  scaffolded.service = project.scaffold("service", "Legacy Modernisation");
}, 120_000);
afterAll(() => project?.remove());

describe("what npm run new writes", () => {
  it("is a draft, for every kind", () => {
    for (const [kind, output] of Object.entries(scaffolded)) {
      expect(output.status, output.stderr).toBe(0);
      expect(read(fileOf(output.stdout)), kind).toMatch(/^\s*draft: true\b/m);
    }
  });

  it("gives the class the guide's id pattern (course, year, month, place) and the day it was added", () => {
    const added = (parse(read("_data/schedule.yaml")) as { id: string; course: string; mode: string; added?: string; draft?: boolean }[]).at(-1)!;
    expect(added.course).toBe(COURSE);
    expect(added.id).toMatch(new RegExp(`^${COURSE}-2027-09-[a-z0-9-]+$`));
    expect(added.id).not.toContain("2027-09-13");
    expect(added.added).toBe("2026-12-01");
    expect(added.draft).toBe(true);
  });

  it("passes npm run check, which lists each placeholder still to fill in at its file and line", () => {
    const result = project.check();
    expect(result.status, result.stderr).toBe(0);
    const promotionLine = read("_data/promotions.yaml").split("\n").findIndex((line) => line.includes("What the offer is")) + 1;
    expect(result.stderr).toContain(`_data/promotions.yaml:${promotionLine}:`);
    expect(result.stderr).toMatch(new RegExp(`_data/courses/${COURSE}\\.yaml:\\d+: summary: warning: still to fill in`));
    expect(result.stderr).toMatch(/content\/articles\/estimating-without-guesswork(\/index)?\.md:\d+: summary: warning: still to fill in/);
    expect(result.stderr).toMatch(/_data\/services\/legacy-modernisation\.yaml:\d+: offerings\[0\]: warning: still to fill in/);
  });

  it("is never published by a production build: no page, no placeholder, no draft promotion", () => {
    const build = project.build({ CONTEXT: "production" });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(site(`courses/${COURSE}`))).toBe(false);
    expect(existsSync(site("articles/estimating-without-guesswork"))).toBe(false);
    expect(existsSync(site("consulting/legacy-modernisation"))).toBe(false);
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(10);
    for (const text of pages) {
      expect(text).not.toContain("TODO:");
      expect(text).not.toContain("Winter Sale");
      expect(text).not.toContain("Kotlin for Java Developers");
      expect(text).not.toContain("Legacy Modernisation");
    }
  }, 240_000);

  it("is shown in a preview, marked as a draft", async () => {
    await rm(path.join(project.root, "_site"), { recursive: true, force: true });
    const build = project.build({ CONTEXT: "deploy-preview" });
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(site(`courses/${COURSE}`), "utf8")).toContain("Draft: Kotlin for Java Developers");
    expect(readFileSync(site(""), "utf8")).toContain("Draft: Winter Sale");
    expect(readFileSync(site("consulting/legacy-modernisation"), "utf8")).toContain("Draft: Legacy Modernisation");
  }, 240_000);

  it("is refused by the check at file:line when draft: true is removed before the placeholders", async () => {
    await project.edit(`_data/courses/${COURSE}.yaml`, (text) => text.replace(/^draft: true.*\n/m, ""));
    await project.edit("_data/promotions.yaml", (text) => text.replace(/^ {2}draft: true.*\n(?![\s\S]*draft: true)/m, ""));
    const result = project.check();
    expect(result.status).toBe(1);
    const summaryLine = read(`_data/courses/${COURSE}.yaml`).split("\n").findIndex((line) => line.startsWith("summary:")) + 1;
    expect(result.stderr).toContain(`_data/courses/${COURSE}.yaml:${summaryLine}: summary: still holds the placeholder written by npm run new`);
    expect(result.stderr).toMatch(/_data\/promotions\.yaml:\d+: \[\d+\]\.body: still holds the placeholder/);
    // The class is still a draft, so it is not the problem; the article is still a draft, so its placeholders only warn.
    expect(result.stderr).not.toMatch(/schedule\.yaml.*draft course/);
  });
});

/** Runs `test` on a fresh minimal project, deleted afterwards. */
async function withFixture(test: (fixture: Fixture) => Promise<void>): Promise<void> {
  const fixture = await createFixture();
  try {
    await test(fixture);
  } finally {
    await fixture.cleanup();
  }
}

describe("drafts in the model", () => {
  it("leaves draft courses, classes, promotions, services and paths out of production and keeps them, marked, in development", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/advanced-java.yaml", (text) => `${text}draft: true\n`);
      await fixture.edit("_data/schedule.yaml", (text) => text.replace(/^(- id: .*)$/m, "$1\n  draft: true"));
      await fixture.edit("_data/promotions.yaml", (text) => text.replace(/^(- title: .*)$/m, "$1\n  draft: true"));
      await fixture.edit("_data/services/mentoring.yaml", (text) => `${text}draft: true\n`);
      await fixture.write(
        "_data/learning-paths.yaml",
        `- id: java-developer\n  title: Java developer\n  summary: From first steps to advanced Java.\n  courses: [java-fundamentals, advanced-java]\n  draft: true\n`,
      );
      const content = await loadContent(fixture.root);
      const production = buildSiteModel(content, { now: NOW, includeUnpublished: false });
      expect(production.catalog.byId["advanced-java"]).toBeUndefined();
      expect(production.catalog.byId["java-fundamentals"]!.relatedCourses).not.toContain("advanced-java");
      expect(production.content.sessions.filter((session) => session.draft)).toEqual([]);
      expect(production.content.promotions.filter((promotion) => promotion.draft)).toEqual([]);
      expect(production.services.map((service) => service.id)).not.toContain("mentoring");
      expect(production.learningPaths.paths).toEqual([]);
      const development = buildSiteModel(content, { now: NOW, includeUnpublished: true });
      expect(development.catalog.byId["advanced-java"]!.title).toMatch(/^Draft: /);
      expect(development.content.sessions.some((session) => session.draft)).toBe(true);
      expect(development.content.promotions.find((promotion) => promotion.draft)!.title).toMatch(/^Draft: /);
      expect(development.services.find((service) => service.id === "mentoring")!.title).toMatch(/^Draft: /);
      expect(development.learningPaths.paths.map((path) => path.title)).toEqual(["Draft: Java developer"]);
    });
  });

  it("leaves a draft course out of a published learning path, and the path out when fewer than two courses remain", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/advanced-java.yaml", (text) => `${text}draft: true\n`);
      await fixture.edit("_data/schedule.yaml", (text) => text.replace(/^(- id: advanced-java.*)$/m, "$1\n  draft: true"));
      await fixture.write("_data/learning-paths.yaml", `- id: java-developer\n  title: Java developer\n  summary: From first steps to advanced Java.\n  courses: [java-fundamentals, advanced-java]\n`);
      const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
      expect(model.learningPaths.paths).toEqual([]);
      expect(model.problems).toEqual([]);
    });
  });

  it("refuses a published class of a draft course with a message that says what to do", async () => {
    await withFixture(async (fixture) => {
      await fixture.edit("_data/courses/java-fundamentals.yaml", (text) => `${text}draft: true\n`);
      const content = await loadContent(fixture.root);
      const { problems } = buildSiteModel(content, { now: NOW, includeUnpublished: true });
      const lines = (await fixture.read("_data/schedule.yaml")).split("\n");
      expect(problems).toContainEqual({
        file: "_data/schedule.yaml",
        line: lines.findIndex((line) => line.includes("course: java-fundamentals")) + 1,
        field: "[0].course",
        message: expect.stringMatching(/^java-fundamentals is a draft course, so the class \S+ cannot be published: add draft: true to the class too, or publish the course/),
      });
    });
  });
});
