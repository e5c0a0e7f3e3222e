import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentLinks } from "../../src/filters/content-urls.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";

const folder = mkdtempSync(path.join(tmpdir(), "content-urls-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The global data a page sees, with one entry of each kind. */
const ctx = {
  services: [{ id: "team-mentoring", url: "/consulting/team-mentoring/" }],
  catalog: { courses: [{ id: "kubernetes-admin", url: "/courses/kubernetes-admin/" }], levels: [{ id: "introductory", url: "/courses/level/introductory/" }] },
};

/** What `report` throws, or undefined. */
function reported(links: ContentLinks): unknown {
  try {
    links.report();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("links to content by id in templates", () => {
  it("give the page of a service, course or level that exists, and report nothing", () => {
    const links = new ContentLinks();
    const page = { inputPath: "./content/pages/x.njk" };
    expect(links.filters.serviceUrl.call({ ctx, page }, "team-mentoring")).toBe("/consulting/team-mentoring/");
    expect(links.filters.courseUrl.call({ ctx, page }, "kubernetes-admin")).toBe("/courses/kubernetes-admin/");
    expect(links.filters.levelUrl.call({ ctx, page }, "introductory")).toBe("/courses/level/introductory/");
    expect(reported(links)).toBeUndefined();
  });

  it("stop the build with the template's line and a suggestion when the id does not exist, once per link", () => {
    const template = path.join(folder, "mentoring.njk");
    writeFileSync(template, '<h1>Mentoring</h1>\n<a href="{{ "team-mentorin" | serviceUrl }}">Mentoring</a>\n');
    const links = new ContentLinks();
    // The same template rendered for two pages.
    for (let page = 0; page < 2; page += 1) links.filters.serviceUrl.call({ ctx, page: { inputPath: template } }, "team-mentorin");
    const error = reported(links);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual([
      `${template}:2: serviceUrl: links to service "team-mentorin", which this build does not have (see _data/services/); did you mean "team-mentoring"?`,
    ]);
    links.reset();
    expect(reported(links)).toBeUndefined();
  });
});
