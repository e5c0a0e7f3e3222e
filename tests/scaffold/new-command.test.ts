import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copySampleProject, type SampleProject } from "../support/sample-project.ts";

// One copy of the project gets one of each kind of new content; its check and a production build are then inspected.
let project: SampleProject;
const outputs: Record<string, { stdout: string; stderr: string; status: number | null }> = {};
const sessionsOf = (root: string) => parse(readFileSync(path.join(root, "_data/schedule.yaml"), "utf8")) as { id: string; course: string; start: string; end: string; mode: string; seats: number }[];
const courseIds = (root: string) => {
  const sessions = sessionsOf(root);
  return [...new Set(sessions.map((session) => session.course))];
};
const read = (file: string) => readFileSync(path.join(project.root, file), "utf8");
const pathIn = (stdout: string) => /(?:Created|Added to) (\S+)/.exec(stdout)?.[1];

beforeAll(async () => {
  project = await copySampleProject();
  const course = courseIds(project.root)[0]!;
  outputs.article = project.scaffold("article", "Estimating Without Guesswork");
  outputs.course = project.scaffold("course", "Kotlin for Java Developers");
  outputs.session = project.scaffold("session", course, "2027-09-13");
  outputs.promotion = project.scaffold("promotion", "Winter Sale on Java Classes");
  outputs.typo = project.scaffold("session", `${course.slice(0, -2)}${course.slice(-1)}`, "2027-09-13");
}, 120_000);
afterAll(() => project?.remove());

describe("npm run new", () => {
  it("prints the path of each new file, and each exists", () => {
    for (const kind of ["article", "course", "session", "promotion"]) {
      expect(outputs[kind]!.status, outputs[kind]!.stderr).toBe(0);
      const file = pathIn(outputs[kind]!.stdout);
      expect(file, kind).toBeDefined();
      expect(existsSync(path.join(project.root, file!)), file).toBe(true);
    }
  });

  it("gives the article a free slug and today's date in Denver, as a draft", () => {
    const file = pathIn(outputs.article!.stdout)!;
    expect(file).toMatch(/^content\/articles\/estimating-without-guesswork(\/index)?\.md$/);
    expect(read(file)).toMatch(/^date: "2026-12-01"/m);
    expect(read(file)).toMatch(/^draft: true/m);
  });

  it("appends a class whose end, seats and mode come from the course", () => {
    const course = courseIds(project.root)[0]!;
    const added = sessionsOf(project.root).at(-1)!;
    const courseYaml = parse(read(`_data/courses/${course}.yaml`)) as { durationDays: number };
    expect(added.course).toBe(course);
    expect(added.id).toMatch(new RegExp(`^${course}-2027-09-[a-z]+$`));
    expect(added.start.startsWith("2027-09-13T")).toBe(true);
    // A Monday start: the last teaching day is durationDays - 1 weekdays later.
    const lastDay = new Date(Date.UTC(2027, 8, 13));
    for (let day = 1; day < courseYaml.durationDays; day++) {
      do lastDay.setUTCDate(lastDay.getUTCDate() + 1);
      while ([0, 6].includes(lastDay.getUTCDay()));
    }
    expect(added.end.slice(0, 10)).toBe(lastDay.toISOString().slice(0, 10));
    const earlier = sessionsOf(project.root).filter((session) => session.course === course && session !== added).sort((a, b) => b.start.localeCompare(a.start))[0];
    if (earlier) expect({ mode: added.mode, seats: added.seats }).toEqual({ mode: earlier.mode, seats: earlier.seats });
  });

  it("gives the promotion a free id, so an article can place it, running from today", () => {
    const promotions = parse(read("_data/promotions.yaml")) as { id?: string; title: string; validFrom?: string }[];
    expect(promotions.at(-1)).toMatchObject({ id: "winter-sale-on-java-classes", title: "Winter Sale on Java Classes", validFrom: "2026-12-01" });
  });

  it("refuses a misspelt course id and suggests the right one", () => {
    const course = courseIds(project.root)[0]!;
    expect(outputs.typo!.status).toBe(1);
    expect(outputs.typo!.stderr).toContain(`Did you mean ${course}?`);
  });

  it("leaves content that passes npm run check at once", () => {
    const result = project.check();
    expect(result.status, result.stderr).toBe(0);
  });

  it("builds: every new draft (course, class, promotion, article) only in a preview, under a Preview banner", async () => {
    // A local production build: Netlify's CONTEXT=production would ignore the test's SITE_NOW clock.
    const output = await buildSite(project.root, CLOCKS.december, "build", path.join(project.root, "_site"), { CONTEXT: "" });
    const sessionId = sessionsOf(project.root).at(-1)!.id;
    expect(existsSync(path.join(output, "courses/kotlin-for-java-developers/index.html"))).toBe(false);
    expect(existsSync(path.join(output, `schedule/${sessionId}/index.html`))).toBe(false);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).not.toContain("Winter Sale on Java Classes");
    expect(existsSync(path.join(output, "articles/estimating-without-guesswork/index.html"))).toBe(false);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).not.toContain("preview-banner");

    const preview = await buildSite(project.root, CLOCKS.december, "build", path.join(project.root, "_preview"), { CONTEXT: "deploy-preview" });
    const article = readFileSync(path.join(preview, "articles/estimating-without-guesswork/index.html"), "utf8");
    expect(article).toContain("Estimating Without Guesswork");
    expect(article).toMatch(/<p class="notice preview-banner" role="note"><strong>Preview<\/strong>/);
    expect(existsSync(path.join(preview, "courses/kotlin-for-java-developers/index.html"))).toBe(true);
    expect(existsSync(path.join(preview, `schedule/${sessionId}/index.html`))).toBe(true);
    expect(readFileSync(path.join(preview, "index.html"), "utf8")).toContain("Draft: Winter Sale on Java Classes");
  }, 240_000);
});
