import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { renderedFragmentLinks, type LinkTargets, type RenderedFragmentLink } from "../../src/checks/check-links.ts";
import { checkRenderedFragments } from "../../src/checks/check-rendered-fragments.ts";
import { linksToRenderedFragments } from "../../src/checks/check-site.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";
import { createFixture, MINIMAL_PROJECT } from "../support/content-fixture.ts";
import { removeFolder } from "../support/project-copy.ts";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map(removeFolder)));

/** An output folder holding `pages` (URL -> HTML) where a build writes them. */
async function written(pages: Record<string, string>): Promise<string> {
  const output = await mkdtemp(path.join(os.tmpdir(), "hsg-fragments-"));
  folders.push(output);
  for (const [url, html] of Object.entries(pages)) {
    await mkdir(path.join(output, url), { recursive: true });
    await writeFile(path.join(output, url, "index.html"), html);
  }
  return output;
}

const link = (href: string, sitePath: string, fragment: string, line = 7, passing = false): RenderedFragmentLink => ({ file: "content/articles/a.md", line, field: "body", href, sitePath, fragment, passing });

describe("checkRenderedFragments", () => {
  it("reports a link whose #fragment the written page lacks, at the link's line, with the nearest id, and passes the ids it has", async () => {
    const output = await written({
      "about/": '<main id="main"><section id="faculty"><h2 id="faculty-heading">Faculty</h2></section><p id="q&amp;a">Q</p></main>',
      "schedule/": '<h2 id="month-2027-01">January 2027</h2>',
      "schedule/java-2027-01-den/": '<h1 id="class">Java</h1>',
    });
    expect(
      await checkRenderedFragments(output, [
        link("/about/#faculty", "/about/", "faculty"),
        link("/about/#q%26a", "/about/", "q&a"),
        link("/about/#facullty", "/about/", "facullty", 9),
        link("/schedule/#month-2026-11", "/schedule/", "month-2026-11", 12, true),
        link("/courses/#x", "/courses/", "x", 14),
        link("/schedule/java-2027-01-den/#register", "/schedule/java-2027-01-den/", "register", 16, true),
        link("/schedule/java-2027-01-den/#registr", "/schedule/java-2027-01-den/", "registr", 17),
      ]),
    ).toEqual([
      { file: "content/articles/a.md", line: 9, field: "body", message: 'link "/about/#facullty" names #facullty, which /about/ does not have as this build writes it: did you mean "#faculty"?' },
      // Sections that time may take from their page (a month gone by, a class's closed registration) are warnings; a typo is not one.
      { file: "content/articles/a.md", line: 12, field: "body", severity: "warning", message: 'link "/schedule/#month-2026-11" names #month-2026-11, a section /schedule/ shows only for a while, and not as this build writes it: link "/schedule/" itself' },
      // A page the output does not hold is said so at the link's line, not thrown as a file error.
      { file: "content/articles/a.md", line: 14, field: "body", message: 'link "/courses/#x" names #x of /courses/, which this build did not write as a page' },
      { file: "content/articles/a.md", line: 16, field: "body", severity: "warning", message: 'link "/schedule/java-2027-01-den/#register" names #register, a section /schedule/java-2027-01-den/ shows only for a while, and not as this build writes it: link "/schedule/java-2027-01-den/" itself' },
      { file: "content/articles/a.md", line: 17, field: "body", message: expect.stringMatching(/^link "\/schedule\/java-2027-01-den\/#registr" names #registr, which \/schedule\/java-2027-01-den\/ does not have as this build writes it/) },
    ]);
  });
});

describe("linksToRenderedFragments", () => {
  it("lists the site's links to a #fragment of an HTML page other than an article, by the page's own URL, and none to a feed or a file", async () => {
    const article = `---\ntitle: "Links to sections"\ndate: "2026-01-05"\nauthor: hsg\nsummary: "An article whose links name sections of other pages, to see which the build checks."\ntags: [Testing]\n---\n\nSee [the courses](/courses/#dated-classes), [the outline](/courses/advanced-java#outline), [the feed](/feed.xml#top), [the rules](/_redirects#x) and [the start](#links-to-sections).\n`;
    const fixture = await createFixture({ ...MINIMAL_PROJECT, "content/articles/links-to-sections.md": article });
    folders.push(fixture.root);
    const model = buildSiteModel(await loadContent(fixture.root), { now: DateTime.fromISO("2026-12-01T09:00", { zone: SITE_ZONE }) as DateTime<true>, includeUnpublished: false });
    expect(linksToRenderedFragments(model, pageTableOf(model)).map((found) => `${found.line} ${found.sitePath}#${found.fragment}`)).toEqual(["9 /courses/#dated-classes", "9 /courses/advanced-java/#outline"]);
  });
});

describe("renderedFragmentLinks", () => {
  const targets: LinkTargets = {
    origin: "https://www.example.com",
    paths: new Set(["/", "/about/", "/articles/first-post/"]),
    redirects: new Map(),
    fragments: new Map([["/articles/first-post/", new Set(["setup"])]]),
  };
  it("lists the links to a #fragment of a written page whose ids the content check does not know, and no other", () => {
    const hrefs = ["/about/#faculty", "https://www.example.com/#home-courses", "/about/", "/articles/first-post/#setup", "/articles/first-post/#nowhere", "/gone/#x", "https://other.example/#y"];
    const body = { file: "content/articles/a.md", pageUrl: "/articles/first-post/", links: hrefs.map((href, index) => ({ href, line: 20 + index })) };
    expect(renderedFragmentLinks([body], targets)).toEqual([
      { file: "content/articles/a.md", line: 20, field: "body", href: "/about/#faculty", sitePath: "/about/", fragment: "faculty" },
      { file: "content/articles/a.md", line: 21, field: "body", href: "https://www.example.com/#home-courses", sitePath: "/", fragment: "home-courses" },
    ]);
  });
});
