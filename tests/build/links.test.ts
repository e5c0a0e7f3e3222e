import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks } from "../support/link-check.ts";
import { removeFolder } from "../support/project-copy.ts";
import { buildDir } from "../support/site-output.ts";

describe("internal links", () => {
  it.each(["december", "march", "development", "sample"] as const)("every link, asset and #fragment resolves in the %s build", async (build) => {
    expect(await brokenLinks(buildDir(build))).toEqual([]);
  });
});

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

describe("the link check itself", () => {
  it("follows the build's redirects to a page, lets a section go that time may take from its page at the build's clock, and nothing more", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hsg-links-"));
    folders.push(dir);
    const links = [
      "/schedule/java-2027-01-den/", // a class that has ended: redirected to its course
      "/schedule/gone-2027-01-den/", // redirected to a page the build did not write
      "/schedule/never-written/", // no page, no redirect
      "/schedule/#month-2027-01", // a month's section, gone with the month's last class
      "/schedule/#month-2027-03", // a month to come, which the schedule should have
      "/schedule/java-2027-02-den/#register", // a class's registration form, gone when registration closes
      "/courses/java/#register", // a course page never had one
      "/schedule/#later", // a section no page ever had
      "/courses/java/#outline",
    ];
    const pages: Record<string, string> = {
      "/": `<link rel="canonical" href="https://www.example.com/">${links.map((href) => `<a href="${href}">x</a>`).join("")}`,
      "/schedule/": '<body data-template="schedule"><h2 id="month-2027-02">February 2027</h2></body>',
      "/schedule/java-2027-02-den/": '<body data-template="session"><h1>Java, February</h1></body>',
      "/courses/java/": '<body data-template="course"><h1>Java</h1></body>',
      // allPages takes fewer than ten pages for a build that did not run.
      ...Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`/page-${index}/`, "<p>Filler</p>"])),
    };
    for (const [url, html] of Object.entries(pages)) {
      await mkdir(path.join(dir, url), { recursive: true });
      await writeFile(path.join(dir, url, "index.html"), html);
    }
    await writeFile(path.join(dir, "_redirects"), "# rules\n/schedule/java-2027-01-den/ /courses/java/ 301\n/schedule/gone-2027-01-den/ /courses/gone/ 301\n");
    await writeFile(path.join(dir, "next-change.json"), JSON.stringify({ builtAt: "2027-02-01T16:00:00Z", nextChange: null }));
    expect(await brokenLinks(dir)).toEqual([
      '/index.html: href="/schedule/gone-2027-01-den/" does not exist, and its redirect leads to /courses/gone/, which does not either',
      '/index.html: href="/schedule/never-written/" does not exist',
      '/index.html: href="/schedule/#month-2027-03" has no element with id "month-2027-03"',
      '/index.html: href="/courses/java/#register" has no element with id "register"',
      '/index.html: href="/schedule/#later" has no element with id "later"',
      '/index.html: href="/courses/java/#outline" has no element with id "outline"',
    ]);
  });
});
