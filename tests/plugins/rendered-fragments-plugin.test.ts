import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/problems.ts";
import { batchCount } from "../../src/eleventy/page-batches.ts";
import { pageSetSize } from "../../src/eleventy/page-sets.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { copyWarmCache, decemberFixtureModel } from "../support/sample-project.ts";
import { buildDir } from "../support/site-output.ts";

/** The ids of a page of the December build of the same fixture, as written. */
const idsOf = (url: string) => [...readFileSync(path.join(buildDir("december"), url, "index.html"), "utf8").matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id!);

describe("a build whose Markdown links to a #fragment of a page other than an article", () => {
  let project: string;
  beforeAll(async () => {
    project = await copyProject("fixture");
    await copyWarmCache("fixture", project);
  });
  afterAll(() => removeFolder(project));

  it("stops, once the pages are written, at the line of each link to an id that page does not have, naming the nearest, across the runs of a build in batches", async () => {
    // Ids the fixture's home and about pages are written with, whatever they are: the last of each.
    const [home, about] = [idsOf("").at(-2)!, idsOf("about").at(-2)!];
    const article = path.join(project, "content/articles", readdirSync(path.join(project, "content/articles")).find((name) => name.endsWith(".md"))!);
    const text = readFileSync(article, "utf8").trimEnd();
    const first = text.split("\n").length + 2;
    writeFileSync(article, `${text}\n\n[Here](/#${home}), [there](/about/#${about}) and [nowhere](/#${home}x).\n\n[Also nowhere](/about/#${about}-gone).\n`);
    // Two runs: the links are checked once the last has written its pages, whichever run wrote the page a link names.
    const paginated = pageSetSize((await decemberFixtureModel()).model);
    const pagesPerBatch = Math.ceil(paginated * 0.6);
    expect(batchCount(paginated, pagesPerBatch)).toBe(2);
    const failed = await buildSite(project, CLOCKS.december, "build", undefined, {}, { pagesPerBatch }).then(() => undefined, (error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentError);
    const file = path.relative(project, article);
    expect((failed as ContentError).problems).toEqual([
      { file, line: first, field: "body", message: `link "/#${home}x" names #${home}x, which / does not have as this build writes it: did you mean "#${home}"?` },
      { file, line: first + 2, field: "body", message: expect.stringMatching(new RegExp(`^link "/about/#${about}-gone" names #${about}-gone, which /about/ does not have as this build writes it`)) },
    ]);
  });
});
