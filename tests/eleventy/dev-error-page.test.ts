import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { get } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { freePort } from "../support/free-port.ts";
import { copyProject } from "../support/project-copy.ts";
import { COMMANDS, commandEnv, copyWarmCache } from "../support/sample-project.ts";

/**
 * `npm start` with bad content: the real start script (scripts/start.ts, Eleventy's serve mode) in a copy of the
 * fixture project. The server starts although a file is broken at launch, and shows the problem list until it is
 * fixed; after that a broken heading turns every page the server answers into the list, and fixing it brings the
 * pages back. One server for both, as starting one costs a full build; the copy starts with the run's warm
 * `.cache/` (social images, pictures, parsed content, stylesheet), so that build renders only the pages.
 */

/** The page of the article the tests break. */
const ARTICLE_URL = "/articles/profile-before-you-rewrite/";

describe("npm start with a content error", { timeout: 240_000 }, () => {
  let project: string;
  let server: ChildProcess;
  let log = "";
  let base = "";
  const builds = () => (log.match(/Wrote \d+ files|Problem writing Eleventy templates/g) ?? []).length;

  /** Saves `change` and waits for the build it starts to end, well or badly; saves again if the watcher missed it. */
  async function save(target: string, text: string): Promise<void> {
    const before = builds();
    const mark = log.length;
    writeFileSync(target, text);
    const started = Date.now();
    let saved = started;
    while (builds() === before) {
      if (Date.now() - started > 120_000 || server.exitCode !== null) throw new Error(`no build after the save:\n${log.slice(-3000)}`);
      if (Date.now() - saved > 15_000 && !/File changed/.test(log.slice(mark))) {
        writeFileSync(target, readFileSync(target));
        saved = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * A page as a browser navigating to it gets it: the dev server adds its live-reload script only then. node:http,
   * because fetch may not send Sec-Fetch-Mode (a header browsers alone set).
   */
  const page = (url: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = get(new URL(url, base), { headers: { accept: "text/html", "sec-fetch-mode": "navigate" } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }));
      });
      request.on("error", reject);
    });

  /** The article broken at launch, its good text and the line of the heading the tests break. */
  let launchArticle = "";
  let launchGood = "";
  let launchLine = 0;

  beforeAll(async () => {
    project = await copyProject("fixture");
    await copyWarmCache("fixture", project);
    launchArticle = path.join(project, "content/articles/profile-before-you-rewrite.md");
    launchGood = readFileSync(launchArticle, "utf8");
    const heading = /^## (.+)$/m.exec(launchGood)!;
    launchLine = launchGood.slice(0, heading.index).split("\n").length;
    // Broken before the server starts: Eleventy's own CLI would exit here.
    writeFileSync(launchArticle, launchGood.replace(heading[0], `# ${heading[1]}`));
    const port = await freePort();
    server = spawn(process.execPath, [...COMMANDS.start, `--port=${port}`, "--quiet"], {
      cwd: project,
      env: commandEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    // The dev server prints its address once it listens (it may take the next port, or answer on ::1 only).
    while (!/Server at\S*\s+(http:\S+)/.test(log)) {
      if (server.exitCode !== null || Date.now() - started > 150_000) throw new Error(`eleventy --serve did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    base = /Server at\S*\s+(http:\S+)/.exec(log)![1]!.replace(/\x1b\[[0-9;]*m/g, "");
  });

  afterAll(async () => {
    server?.kill();
    if (project) await rm(project, { recursive: true, force: true });
  });

  /** The article's problem at `line`, as every page the server answers shows it. */
  function expectShown(body: string, line: number, url = ARTICLE_URL): void {
    expect(body, url).toContain("<title>The content has 1 problem</title>");
    expect(body, url).toMatch(new RegExp(`content/articles/profile-before-you-rewrite\\.md:${line}</span>: body: `));
  }

  /** The terminal's output says the problem at `line` once, at file:line, without a stack trace. */
  function expectPrintedOnce(printed: string, line: number): void {
    expect(printed.match(new RegExp(`profile-before-you-rewrite\\.md:${line}:`, "g"))).toHaveLength(1);
    expect(printed).not.toMatch(/stack trace|\n\s+at /);
  }

  /** Saves the good text again: the article's page is the article once more. */
  async function expectBackAfterFix(): Promise<void> {
    await save(launchArticle, launchGood);
    const after = await page(ARTICLE_URL);
    expect(after.body).toContain("<article");
    expect(after.body).not.toContain("The content has");
  }

  it("starts with a file broken at launch, shows its problem at file:line, and serves the pages once it is fixed", async () => {
    expect(server.exitCode).toBeNull();
    expectShown((await page(ARTICLE_URL)).body, launchLine);
    expectPrintedOnce(log, launchLine);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(new URL(ARTICLE_URL, base).href);
      expect(await tab.title()).toBe("The content has 1 problem");
      expect(await tab.locator("li").first().textContent()).toContain(`content/articles/profile-before-you-rewrite.md:${launchLine}: body: `);
      await expectBackAfterFix();
      // The open tab turns back into the article by itself: the dev server's live reload, nobody navigating.
      await tab.waitForFunction(() => document.querySelector("article") !== null, undefined, { timeout: 60_000 });
    } finally {
      await browser.close();
    }
  });

  it("shows the problem list on every page until the file is fixed, then the pages again", async () => {
    const heading = /^## (.+)$/m.exec(launchGood)!;
    expect((await page(ARTICLE_URL)).body).toContain("<article");

    const mark = log.length;
    await save(launchArticle, launchGood.replace(heading[0], `# ${heading[1]} <b>`));
    for (const url of ["/", ARTICLE_URL, "/courses/", "/no-such-page/"]) {
      const shown = await page(url);
      expect(shown.type).toMatch(/^text\/html/);
      expectShown(shown.body, launchLine, url);
      // The editor's own text is escaped, never markup.
      expect(shown.body).not.toContain(" <b>");
      // No inline script or style of ours: the stylesheet is a file, the only script the dev server's reload client.
      expect(shown.body).not.toMatch(/<style|style=|<script(?![^>]*src="\/\.11ty\/reload-client\.js)/);
      expect(shown.body).toMatch(/<link rel="stylesheet" href="\/\.hsg-dev\/problems\.css">/);
      // The live reload that brings the site back after the fix.
      expect(shown.body).toMatch(/<script type="module"[^>]* src="\/\.11ty\/reload-client\.js"><\/script>/);
    }
    const stylesheet = await fetch(new URL("/.hsg-dev/problems.css", base));
    expect(stylesheet.headers.get("content-type")).toMatch(/^text\/css/);
    // Files the pages use are still served.
    expect((await fetch(new URL("/.11ty/reload-client.js", base))).status).toBe(200);

    expectPrintedOnce(log.slice(mark), launchLine);
    await expectBackAfterFix();
  });
});
