import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_URL_FILTERS, contentUrl } from "../../src/filters/content-urls.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";

const folder = mkdtempSync(path.join(tmpdir(), "content-urls-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The global data a page sees, with one entry of each kind. */
const ctx = {
  services: [{ id: "team-mentoring", url: "/consulting/team-mentoring/" }],
  catalog: { courses: [{ id: "kubernetes-admin", url: "/courses/kubernetes-admin/" }], levels: [{ id: "introductory", url: "/courses/level/introductory/" }] },
};

describe("links to content by id in templates", () => {
  it("give the page of a service, course or level that exists", () => {
    const page = { inputPath: "./content/pages/x.njk" };
    expect(CONTENT_URL_FILTERS.serviceUrl.call({ ctx, page }, "team-mentoring")).toBe("/consulting/team-mentoring/");
    expect(CONTENT_URL_FILTERS.courseUrl.call({ ctx, page }, "kubernetes-admin")).toBe("/courses/kubernetes-admin/");
    expect(CONTENT_URL_FILTERS.levelUrl.call({ ctx, page }, "introductory")).toBe("/courses/level/introductory/");
  });

  it("stop the build at the template's line, with a suggestion, when the id does not exist", () => {
    const template = path.join(folder, "mentoring.njk");
    writeFileSync(template, '<h1>Mentoring</h1>\n<a href="{{ "team-mentorin" | serviceUrl }}">Mentoring</a>\n');
    let thrown: unknown;
    try {
      contentUrl({ ctx, page: { inputPath: template } }, "service", "team-mentorin");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).problems.map(formatProblem)).toEqual([
      `${template}:2: serviceUrl: links to service "team-mentorin", which this build does not have (see _data/services/); did you mean "team-mentoring"?`,
    ]);
  });
});
