import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllRedirects } from "netlify-redirect-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { redirectProblems, type RedirectRule } from "../../src/netlify/redirect-rules.ts";
import { courseCalendarUrl, courseUrl, scheduleFacetCalendarUrl, scheduleFacetUrl, sessionCalendarUrl, sessionUrl, SITE_PATHS } from "../../src/urls/site-urls.ts";
import { clockOf } from "../support/build-site.ts";
import { rawArticles, rawSessions, readYaml } from "../support/raw-content.ts";
import { buildDir, fileForUrl, urlExists } from "../support/site-output.ts";

const december = buildDir("december");
const LEGACY = "/what-are-the-responsibilities-of-an-it-project-manager-vs-an-it-manager/";
const ARTICLE = "/articles/it-manager-vs-it-project-manager/";

/** A redirect as netlify-redirect-parser returns it (its declared type is `unknown`). */
interface ParsedRedirect {
  from: string;
  to: string;
  status: number;
  force: boolean;
  path: string;
}

async function parseBuildRedirects(dir: string) {
  const file = path.join(dir, "_redirects");
  // The parser silently returns nothing for a missing file, so its existence is checked first.
  expect(existsSync(file)).toBe(true);
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [file], configRedirects: [], minimal: false });
  const ruleLines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("#"));
  return { redirects: redirects as ParsedRedirect[], errors, ruleLines };
}

/** Is this site path a page of the build (not merely a folder)? */
const pageExists = (dir: string, url: string) => existsSync(fileForUrl(dir, url.endsWith("/") || /\.[a-z0-9]+$/i.test(url) ? url : `${url}/`));

describe("_redirects of the December build, read by Netlify's parser", async () => {
  const { redirects, errors, ruleLines } = await parseBuildRedirects(december);

  it("parses without errors, one redirect per rule line", () => {
    expect(errors).toEqual([]);
    expect(ruleLines.length).toBeGreaterThan(1);
    expect(redirects).toHaveLength(ruleLines.length);
  });

  it("makes every rule a permanent (301) redirect, not forced", () => {
    for (const redirect of redirects) {
      expect(redirect.status, redirect.from).toBe(301);
      expect(redirect.force, redirect.from).toBe(false);
    }
  });

  it("sends every rule to a page of the build, away from a path that is not one", () => {
    for (const redirect of redirects) {
      expect(pageExists(december, redirect.to), `${redirect.from} -> ${redirect.to}`).toBe(true);
      expect(urlExists(december, redirect.from), `${redirect.from} is a live page`).toBe(false);
    }
  });

  it("redirects the article's legacy path to its new URL", () => {
    expect(redirects).toContainEqual(expect.objectContaining({ from: LEGACY, to: ARTICLE, status: 301 }));
  });

  it("contains every entry of _data/redirects.yaml", () => {
    const entries = readYaml<{ from: string; to: string }[]>("_data/redirects.yaml");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(redirects, entry.from).toContainEqual(expect.objectContaining({ from: entry.from, to: entry.to, status: 301 }));
  });

  it("contains every alias of the published articles", () => {
    for (const { url, aliases } of rawArticles()) {
      if (!urlExists(december, url)) continue;
      for (const alias of aliases) expect(redirects, alias).toContainEqual(expect.objectContaining({ from: alias, to: url }));
    }
  });
});

describe("the schedule's pages that time has taken away, in _redirects", () => {
  // Built at each clock from the same classes: the March build sees more of them ended than the December one.
  it.each(["december", "march"] as const)("sends each ended class of the %s build to its course's page and calendar, and each month with no class left to the schedule's", async (build) => {
    const dir = buildDir(build);
    const { redirects } = await parseBuildRedirects(dir);
    const now = DateTime.fromISO(clockOf(build));
    const ended = rawSessions().filter((session) => session.endAt <= now);
    const running = rawSessions().filter((session) => session.endAt > now);
    expect(ended.length, "the fixture has a class that has ended at this clock").toBeGreaterThan(0);
    for (const session of ended) {
      expect(urlExists(dir, sessionUrl(session.id)), `${session.id} has ended, and has no page`).toBe(false);
      expect(redirects, session.id).toContainEqual(expect.objectContaining({ from: sessionUrl(session.id), to: courseUrl(session.course), status: 301 }));
      expect(redirects, session.id).toContainEqual(expect.objectContaining({ from: sessionCalendarUrl(session.id), to: courseCalendarUrl(session.course), status: 301 }));
    }
    for (const session of running) expect(redirects.map((redirect) => redirect.from), session.id).not.toContain(sessionUrl(session.id));
    const liveMonths = new Set(running.map((session) => session.startAt.toFormat("yyyy-MM")));
    const goneMonths = new Set(ended.map((session) => session.startAt.toFormat("yyyy-MM")).filter((month) => !liveMonths.has(month)));
    // At the December clock November still has a class running; by March, the last three months have gone.
    if (build === "march") expect(goneMonths.size).toBeGreaterThan(0);
    for (const month of goneMonths) {
      expect(redirects, month).toContainEqual(expect.objectContaining({ from: scheduleFacetUrl("month", month), to: SITE_PATHS.schedule }));
      expect(redirects, month).toContainEqual(expect.objectContaining({ from: scheduleFacetCalendarUrl("month", month), to: SITE_PATHS.scheduleCalendar }));
    }
    for (const month of liveMonths) expect(redirects.map((redirect) => redirect.from), month).not.toContain(scheduleFacetUrl("month", month));
  });
});

describe("redirectProblems", () => {
  const live = new Set(["/", "/courses/", "/schedule/", "/articles/a/"]);
  const exists = (url: string) => live.has(url);
  const rule = (from: string, to: string, index = 0): RedirectRule => ({ from, to, file: "_data/redirects.yaml", field: [index, "to"] });

  it("accepts a rule from an old path to a live page", () => {
    expect(redirectProblems([rule("/old-courses/", "/courses/")], exists)).toEqual([]);
    expect(redirectProblems([{ from: "/blog/a/", to: "/articles/a/", file: "content/articles/a.md", field: ["aliases", 0] }], exists)).toEqual([]);
  });

  it("reports a target that is not a page, with file and field", () => {
    const problems = redirectProblems([rule("/old-page/", "/no-such-page/", 2)], exists);
    expect(problems).toEqual([expect.objectContaining({ file: "_data/redirects.yaml", field: "[2].to", message: expect.stringContaining("/no-such-page/") })]);
  });

  it("names the line when it can", () => {
    const problems = redirectProblems([rule("/old-page/", "/no-such-page/", 2)], exists, (file, field) => (file === "_data/redirects.yaml" && field[0] === 2 ? 9 : undefined));
    expect(problems).toEqual([expect.objectContaining({ line: 9, field: "[2].to" })]);
  });

  it("reports a redirect from a live page on its `from` field", () => {
    const problems = redirectProblems([rule("/schedule/", "/courses/", 3)], exists);
    expect(problems).toEqual([expect.objectContaining({ file: "_data/redirects.yaml", field: "[3].from", message: expect.stringContaining("/schedule/") })]);
  });

  it("reports a live page claimed by an article alias on the alias field", () => {
    const problems = redirectProblems([{ from: "/courses/", to: "/articles/a/", file: "content/articles/a.md", field: ["aliases", 1] }], exists);
    expect(problems).toEqual([expect.objectContaining({ file: "content/articles/a.md", field: "aliases[1]" })]);
  });
});
