import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { rawCourses, rawSessions, readYaml, ZONE } from "../support/raw-content.ts";
import { buildDir, urlExists } from "../support/site-output.ts";

/** What became of one content file or entry in the December production build. */
interface Accounted {
  source: string;
  /** The page it must have produced, or undefined when it must produce none (and why). */
  page: string | undefined;
  reason?: string;
}

const list = (folder: string, extension: string) =>
  readdirSync(path.join(FIXTURE_ROOT, folder))
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${folder}/${name}`);

/** The data files that are shared tables rather than one page each: each must still be read (by `npm run check`). */
const SHARED_TABLES = ["authors", "categories", "instructors", "learning-paths", "locations", "policies", "promotions", "redirects", "schedule", "site"].map((name) => `_data/${name}.yaml`);

describe("every content and data file of the fixture site is accounted for", () => {
  const now = DateTime.fromISO(CLOCKS.december, { setZone: true });
  const production = buildDir("december");
  const development = buildDir("development");

  const articles: Accounted[] = list("content/articles", ".md").map((file) => {
    const front = parse(readFileSync(path.join(FIXTURE_ROOT, file), "utf8").split(/^---$/m)[1] ?? "") as { date: string; draft?: boolean };
    const url = `/articles/${path.basename(file, ".md")}/`;
    if (front.draft) return { source: file, page: undefined, reason: "draft" };
    if (DateTime.fromISO(front.date, { zone: ZONE }) > now) return { source: file, page: undefined, reason: "scheduled" };
    return { source: file, page: url };
  });
  const courses: Accounted[] = rawCourses().map((course) => ({ source: `_data/courses/${course.id}.yaml`, page: `/courses/${course.id}/` }));
  const services: Accounted[] = list("_data/services", ".yaml").map((file) => ({ source: file, page: `/consulting/${path.basename(file, ".yaml")}/` }));
  const sessions: Accounted[] = rawSessions().map((session) =>
    session.endAt > now ? { source: `_data/schedule.yaml#${session.id}`, page: `/schedule/${session.id}/` } : { source: `_data/schedule.yaml#${session.id}`, page: undefined, reason: "ended" },
  );

  it("knows every file in the content folders, so a new kind of file cannot go unnoticed", () => {
    const known = new Set([...articles, ...courses, ...services].map((entry) => entry.source).concat(SHARED_TABLES));
    const onDisk = ["content/articles", "_data", "_data/courses", "_data/services"]
      .flatMap((folder) => list(folder, ""))
      .filter((file) => statSync(path.join(FIXTURE_ROOT, file)).isFile());
    const unaccounted = onDisk.filter((file) => !known.has(file));
    expect(unaccounted).toEqual([]);
    expect(articles.length + courses.length + services.length + SHARED_TABLES.length).toBe(new Set(onDisk).size);
  });

  it("gives every published article, course, service and upcoming class its page, and no page to the others", () => {
    const all = [...articles, ...courses, ...services, ...sessions];
    const missing = all.filter((entry) => entry.page !== undefined && !urlExists(production, entry.page)).map((entry) => `${entry.source} -> ${entry.page}`);
    expect(missing).toEqual([]);
    const invented = [...articles, ...sessions]
      .filter((entry) => entry.page === undefined)
      .map((entry) => ({ ...entry, url: entry.source.startsWith("content/articles/") ? `/articles/${path.basename(entry.source, ".md")}/` : `/schedule/${entry.source.split("#")[1]}/` }))
      .filter((entry) => urlExists(production, entry.url))
      .map((entry) => `${entry.source} (${entry.reason}) -> ${entry.url}`);
    expect(invented).toEqual([]);
    // Drafts and scheduled articles are not lost: a development build shows them.
    for (const entry of articles.filter((item) => item.page === undefined)) expect(urlExists(development, `/articles/${path.basename(entry.source, ".md")}/`), entry.source).toBe(true);
    expect(all.filter((entry) => entry.page !== undefined).length).toBeGreaterThan(0);
  });

  it("writes every redirect of _data/redirects.yaml into _redirects", () => {
    const rules = readFileSync(path.join(production, "_redirects"), "utf8").split("\n").filter((line) => line.startsWith("/")).map((line) => line.split(/\s+/));
    for (const redirect of readYaml<{ from: string; to: string }[]>("_data/redirects.yaml")) expect(rules, redirect.from).toContainEqual([redirect.from, redirect.to, "301"]);
  });
});
