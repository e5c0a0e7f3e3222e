import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { checkInProcess, scaffoldInProcess } from "../support/in-process-commands.ts";
import { copySampleProject, type SampleProject } from "../support/sample-project.ts";

// One copy of the fixture gets one of each kind of content from `npm run new`; it is checked once and built once
// for production and once as a deploy preview, and the tests below read those results. The last test removes the
// draft lines too early. (Drafts in the site model, without a build, are in drafts.test.ts.)
// The scaffolds, checks and builds run in this process, through the functions the commands call: a spawned
// `node --import tsx` costs about 1.5 CPU-seconds before any work. The misspelt course id alone is scaffolded by
// the real command line, so its exit status and printed refusal stay tested (the suite's one spawned scaffold).
const COURSE = "kotlin-for-java-developers";
const PROMOTION = "Winter Sale on Java Classes";

let project: SampleProject;
/** A class of a course the fixture already has, so its end, seats and mode can be compared with the earlier classes. */
let existingCourse: string;
type Output = { status: number | null; stdout: string; stderr: string };
const outputs: Record<string, Output> = {};
let check: Output;
/** The production build's and the deploy preview's output folders. */
let production: string;
let preview: string;

const sessionsOf = (root: string) => parse(readFileSync(path.join(root, "_data/schedule.yaml"), "utf8")) as { id: string; course: string; start: string; end: string; mode: string; seats: number; added?: string; draft?: boolean }[];
const read = (file: string) => readFileSync(path.join(project.root, file), "utf8");
const pathIn = (stdout: string) => /(?:Created|Added to) (\S+)/.exec(stdout)?.[1];
const pageOf = (site: string, url: string) => path.join(site, url, "index.html");
const addedSession = (course: string) => sessionsOf(project.root).filter((session) => session.course === course).at(-1)!;

/** Every HTML page of a build, as text. */
function builtPages(site: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".html")) pages.push(readFileSync(file, "utf8"));
    }
  };
  walk(site);
  return pages;
}

/**
 * The production build of the copy with Netlify's CONTEXT, into its own `folder` so that the next build starts
 * afresh; rejects where `npm run build` would fail. (Moving a finished build into `_site/` is tests/scripts/build.test.ts's.)
 */
async function buildInto(context: string, folder: string): Promise<string> {
  return buildSite(project.root, CLOCKS.december, "build", path.join(project.root, folder), { CONTEXT: context });
}

beforeAll(async () => {
  project = await copySampleProject();
  existingCourse = sessionsOf(project.root)[0]!.course;
  const scaffold = (...args: string[]) => scaffoldInProcess(project.root, args);
  outputs.article = await scaffold("article", "Estimating Without Guesswork");
  outputs.course = await scaffold("course", "Kotlin for Java Developers");
  outputs.session = await scaffold("session", COURSE, "2027-09-13");
  outputs.existingSession = await scaffold("session", existingCourse, "2027-09-13");
  outputs.promotion = await scaffold("promotion", PROMOTION);
  outputs.service = await scaffold("service", "Legacy Modernisation");
  outputs.typo = project.scaffold("session", `${existingCourse.slice(0, -2)}${existingCourse.slice(-1)}`, "2027-09-13");
  check = await checkInProcess(project.root);
  // Netlify's production context builds at the real time (SITE_NOW is ignored there); a draft is absent whenever it is built.
  production = await buildInto("production", "_production");
  preview = await buildInto("deploy-preview", "_preview");
}, 300_000);
afterAll(() => project?.remove());

describe("what npm run new writes", () => {
  it("prints the path of each new file, and each exists", () => {
    for (const kind of ["article", "course", "session", "existingSession", "promotion", "service"]) {
      expect(outputs[kind]!.status, outputs[kind]!.stderr).toBe(0);
      const file = pathIn(outputs[kind]!.stdout);
      expect(file, kind).toBeDefined();
      expect(existsSync(path.join(project.root, file!)), file).toBe(true);
    }
  });

  it("is a draft, for every kind", () => {
    for (const kind of ["article", "course", "promotion", "service"]) expect(read(pathIn(outputs[kind]!.stdout)!), kind).toMatch(/^\s*draft: true\b/m);
    for (const course of [COURSE, existingCourse]) expect(addedSession(course).draft, course).toBe(true);
  });

  it("gives the article a free slug and today's date in Denver", () => {
    const file = pathIn(outputs.article!.stdout)!;
    expect(file).toMatch(/^content\/articles\/estimating-without-guesswork(\/index)?\.md$/);
    expect(read(file)).toMatch(/^date: "2026-12-01"/m);
  });

  it("gives the class the guide's id pattern (course, year, month, place) and the day it was added", () => {
    const added = addedSession(COURSE);
    expect(added.id).toMatch(new RegExp(`^${COURSE}-2027-09-[a-z0-9-]+$`));
    expect(added.id).not.toContain("2027-09-13");
    expect(added.added).toBe("2026-12-01");
  });

  it("appends a class whose end, seats and mode come from the course", () => {
    const added = addedSession(existingCourse);
    const courseYaml = parse(read(`_data/courses/${existingCourse}.yaml`)) as { durationDays: number };
    expect(added.id).toMatch(new RegExp(`^${existingCourse}-2027-09-[a-z]+$`));
    expect(added.start.startsWith("2027-09-13T")).toBe(true);
    // A Monday start: the last teaching day is durationDays - 1 weekdays later.
    const lastDay = new Date(Date.UTC(2027, 8, 13));
    for (let day = 1; day < courseYaml.durationDays; day++) {
      do lastDay.setUTCDate(lastDay.getUTCDate() + 1);
      while ([0, 6].includes(lastDay.getUTCDay()));
    }
    expect(added.end.slice(0, 10)).toBe(lastDay.toISOString().slice(0, 10));
    const earlier = sessionsOf(project.root).filter((session) => session.course === existingCourse && session !== added).sort((a, b) => b.start.localeCompare(a.start))[0];
    expect(earlier, "the fixture has an earlier class of the course").toBeDefined();
    expect({ mode: added.mode, seats: added.seats }).toEqual({ mode: earlier!.mode, seats: earlier!.seats });
  });

  it("gives the promotion a free id, so an article can place it, running from today", () => {
    const promotions = parse(read("_data/promotions.yaml")) as { id?: string; title: string; validFrom?: string }[];
    expect(promotions.at(-1)).toMatchObject({ id: "winter-sale-on-java-classes", title: PROMOTION, validFrom: "2026-12-01" });
  });

  it("refuses a misspelt course id and suggests the right one", () => {
    expect(outputs.typo!.status).toBe(1);
    expect(outputs.typo!.stderr).toContain(`Did you mean ${existingCourse}?`);
  });

  it("passes npm run check at once, which lists each placeholder still to fill in at its file and line", () => {
    expect(check.status, check.stderr).toBe(0);
    const promotionLine = read("_data/promotions.yaml").split("\n").findIndex((line) => line.includes("What the offer is")) + 1;
    expect(check.stderr).toContain(`_data/promotions.yaml:${promotionLine}:`);
    expect(check.stderr).toMatch(new RegExp(`_data/courses/${COURSE}\\.yaml:\\d+: summary: warning: still to fill in`));
    expect(check.stderr).toMatch(/content\/articles\/estimating-without-guesswork(\/index)?\.md:\d+: summary: warning: still to fill in/);
    expect(check.stderr).toMatch(/_data\/services\/legacy-modernisation\.yaml:\d+: offerings\[0\]: warning: still to fill in/);
  });

  it("is never published by a production build: no page, no placeholder, no draft promotion, no preview banner", () => {
    for (const url of [`courses/${COURSE}`, `schedule/${addedSession(COURSE).id}`, `schedule/${addedSession(existingCourse).id}`, "articles/estimating-without-guesswork", "consulting/legacy-modernisation"]) {
      expect(existsSync(pageOf(production, url)), url).toBe(false);
    }
    const pages = builtPages(production);
    expect(pages.length).toBeGreaterThan(10);
    for (const text of pages) {
      expect(text).not.toContain("TODO:");
      expect(text).not.toContain("Winter Sale");
      expect(text).not.toContain("Kotlin for Java Developers");
      expect(text).not.toContain("Legacy Modernisation");
      expect(text).not.toContain("preview-banner");
    }
  });

  it("is shown in a deploy preview, every kind marked as a draft, under a Preview banner", () => {
    const article = readFileSync(pageOf(preview, "articles/estimating-without-guesswork"), "utf8");
    expect(article).toContain("Estimating Without Guesswork");
    expect(article).toMatch(/<p class="notice preview-banner" role="note"><strong>Preview<\/strong>/);
    expect(readFileSync(pageOf(preview, `courses/${COURSE}`), "utf8")).toContain("Draft: Kotlin for Java Developers");
    expect(existsSync(pageOf(preview, `schedule/${addedSession(COURSE).id}`))).toBe(true);
    expect(existsSync(pageOf(preview, `schedule/${addedSession(existingCourse).id}`))).toBe(true);
    expect(readFileSync(pageOf(preview, ""), "utf8")).toContain(`Draft: ${PROMOTION}`);
    expect(readFileSync(pageOf(preview, "consulting/legacy-modernisation"), "utf8")).toContain("Draft: Legacy Modernisation");
  });

  it("is refused by the check at file:line when draft: true is removed before the placeholders", async () => {
    await project.edit(`_data/courses/${COURSE}.yaml`, (text) => text.replace(/^draft: true.*\n/m, ""));
    await project.edit("_data/promotions.yaml", (text) => text.replace(/^ {2}draft: true.*\n(?![\s\S]*draft: true)/m, ""));
    const result = await checkInProcess(project.root);
    expect(result.status).toBe(1);
    const summaryLine = read(`_data/courses/${COURSE}.yaml`).split("\n").findIndex((line) => line.startsWith("summary:")) + 1;
    expect(result.stderr).toContain(`_data/courses/${COURSE}.yaml:${summaryLine}: summary: still holds the placeholder written by npm run new`);
    expect(result.stderr).toMatch(/_data\/promotions\.yaml:\d+: \[\d+\]\.body: still holds the placeholder/);
    // The classes are still drafts, so they are not the problem; the article is still a draft, so its placeholders only warn.
    expect(result.stderr).not.toMatch(/schedule\.yaml.*draft course/);
  });
});
