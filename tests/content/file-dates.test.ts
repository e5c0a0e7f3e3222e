import { execFileSync } from "node:child_process";
import { mkdtemp, rm, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { parseGitLog, readFileDates } from "../../src/content/file-dates.ts";
import { articleJsonLd } from "../../src/structured-data/site.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

const git = (cwd: string, args: string[], date?: string) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    encoding: "utf8",
  });

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(() => fixture.cleanup());

/** Commits the fixture in two steps: everything on 20 November, then the first article again on 25 November. */
async function commitFixture(): Promise<void> {
  git(fixture.root, ["init", "-q"]);
  git(fixture.root, ["add", "."]);
  git(fixture.root, ["commit", "-q", "-m", "first"], "2026-11-20T10:00:00-07:00");
  await fixture.edit("content/articles/first-article.md", (text) => `${text}\nMore.\n`);
  git(fixture.root, ["commit", "-q", "-am", "second"], "2026-11-25T15:30:00-07:00");
}

describe("last-modified dates", () => {
  it("parses one git log for every file, keeping each file's newest commit", () => {
    const log = "\u00002026-11-25T15:30:00-07:00\n\ncontent/a.md\n\u00002026-11-20T10:00:00-07:00\n\ncontent/a.md\n_data/b.yaml\n";
    expect(Object.fromEntries(parseGitLog(log))).toEqual({ "content/a.md": "2026-11-25T15:30:00-07:00", "_data/b.yaml": "2026-11-20T10:00:00-07:00" });
  });

  it("come from the last commit touching each file, for BlogPosting and the sitemap", async () => {
    await commitFixture();
    const warnings: string[] = [];
    const dates = await readFileDates(fixture.root, [], (message) => warnings.push(message));
    expect(dates.source).toBe("git");
    expect(warnings).toEqual([]);
    expect(dates.of("content/articles/first-article.md")?.toISO()).toBe("2026-11-25T15:30:00.000-07:00");
    expect(dates.of("content/copy/about.md")?.toISODate()).toBe("2026-11-20");

    const previous = process.env.SITE_NOW;
    process.env.SITE_NOW = "2026-12-01T09:00:00-07:00";
    try {
      const model = await new SiteModelSource(fixture.root).get();
      const first = model.articles.list.find((article) => article.slug === "first-article")!;
      expect(articleJsonLd(first, model.content.site).dateModified).toBe("2026-11-25T15:30:00-07:00");
      const second = model.articles.list.find((article) => article.slug === "second-article")!;
      expect(second.modified.toISO()).toBe("2026-11-20T10:00:00.000-07:00");
      // An article committed before its publication time is not "modified" before it was published.
      for (const article of model.articles.list) expect(article.modified >= article.date, article.slug).toBe(true);
      expect(model.copy.about.lastmod).toBe("2026-11-20");
    } finally {
      if (previous === undefined) delete process.env.SITE_NOW;
      else process.env.SITE_NOW = previous;
    }
  });

  it("are read again after a commit, and stay the same dates (one object) until then", async () => {
    await commitFixture();
    const file = "content/articles/first-article.md";
    const first = await readFileDates(fixture.root, [file]);
    // A save changes a file but not git's history: npm start's next build gets the same dates, unread.
    await fixture.edit(file, (text) => `${text}\nA later paragraph.\n`);
    expect(await readFileDates(fixture.root, [file])).toBe(first);
    git(fixture.root, ["commit", "-q", "-am", "third"], "2026-11-28T08:00:00-07:00");
    const after = await readFileDates(fixture.root, [file]);
    expect(after).not.toBe(first);
    expect(after.of(file)?.toISO()).toBe("2026-11-28T08:00:00.000-07:00");
    expect(first.of(file)?.toISO()).toBe("2026-11-25T15:30:00.000-07:00");
  });

  it("ask git for HEAD only when the files it is resolved from changed: a save asks nothing, a commit or a checkout does", async () => {
    await commitFixture();
    const file = "content/articles/first-article.md";
    // The first call learns where the repository's git folder is; the second keeps HEAD with the stamp of its files.
    await readFileDates(fixture.root, [file]);
    const kept = await readFileDates(fixture.root, [file]);
    const previousPath = process.env.PATH;
    const asked = async () => {
      // With no git to start, an answer that needed git falls back to the files' times and says so.
      process.env.PATH = "";
      try {
        const warnings: string[] = [];
        const dates = await readFileDates(fixture.root, [file], (message) => warnings.push(message));
        return { dates, askedGit: warnings.length > 0 };
      } finally {
        process.env.PATH = previousPath;
      }
    };
    await fixture.edit(file, (text) => `${text}\nA saved paragraph.\n`);
    const afterSave = await asked();
    expect(afterSave.askedGit).toBe(false);
    expect(afterSave.dates).toBe(kept);
    git(fixture.root, ["commit", "-q", "-am", "third"], "2026-11-28T08:00:00-07:00");
    expect((await asked()).askedGit).toBe(true);
    // Asked again with git there: the new commit's dates, then kept once more.
    expect((await readFileDates(fixture.root, [file])).of(file)?.toISO()).toBe("2026-11-28T08:00:00.000-07:00");
    await readFileDates(fixture.root, [file]);
    expect((await asked()).askedGit).toBe(false);
    git(fixture.root, ["checkout", "-q", "HEAD~1"]);
    expect((await asked()).askedGit).toBe(true);
    expect((await readFileDates(fixture.root, [file])).of(file)?.toISO()).toBe("2026-11-25T15:30:00.000-07:00");
  });

  it("fall back to the files' own times on a shallow clone, saying so once", async () => {
    await commitFixture();
    const clone = await mkdtemp(path.join(os.tmpdir(), "hsg-shallow-"));
    try {
      git(os.tmpdir(), ["clone", "-q", "--depth", "1", `file://${fixture.root}`, clone]);
      const file = "content/articles/first-article.md";
      await utimes(path.join(clone, file), new Date("2026-10-01T12:00:00Z"), new Date("2026-10-01T12:00:00Z"));
      const warnings: string[] = [];
      const dates = await readFileDates(clone, [file], (message) => warnings.push(message));
      expect(dates.source).toBe("mtime");
      expect(dates.of(file)?.toUTC().toISO()).toBe("2026-10-01T12:00:00.000Z");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/shallow/);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });

  it("fall back to the files' own times without git", async () => {
    const warnings: string[] = [];
    const dates = await readFileDates(fixture.root, ["content/copy/about.md", "content/missing.md"], (message) => warnings.push(message));
    expect(dates.source).toBe("mtime");
    expect(dates.of("content/copy/about.md")).toBeDefined();
    expect(dates.of("content/missing.md")).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
