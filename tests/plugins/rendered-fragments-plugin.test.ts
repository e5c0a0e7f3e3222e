import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SiteModelSource } from "../../src/build/site-model-source.ts";
import { linksToRenderedFragments } from "../../src/checks/check-site.ts";
import { ContentError } from "../../src/content/problems.ts";
import { DevRebuilds } from "../../src/eleventy/dev-rebuilds.ts";
import { batchCount, batchOf } from "../../src/eleventy/page-batches.ts";
import { pageSetSize, RENDERED_TEMPLATES } from "../../src/eleventy/page-sets.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { renderedFragmentsPlugin } from "../../src/plugins/rendered-fragments-plugin.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { fakeEleventyConfig } from "../support/fake-eleventy-config.ts";
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

  it("stops once the last run has written its pages, at the line of each link to an id its page does not have, naming the nearest", async () => {
    // Two runs: a page of the second alone is not written when the first returns.
    const { model } = await decemberFixtureModel();
    const table = pageTableOf(model);
    const paginated = pageSetSize(model);
    const pagesPerBatch = Math.ceil(paginated * 0.6);
    expect(batchCount(paginated, pagesPerBatch)).toBe(2);
    const sets = Object.fromEntries(RENDERED_TEMPLATES.map((name) => [name, table.entriesFor(name).map((entry) => entry.url)])) as Record<(typeof RENDERED_TEMPLATES)[number], string[]>;
    const late = Object.values(batchOf(sets, { index: 1, pagesPerBatch })).flat().find((url) => url.endsWith("/"))!;
    // An id of the home page (written by every run) and one of the late page, the last but the footer's of each.
    const [home, lateId] = [idsOf("").at(-2)!, idsOf(late).at(-2)!];
    const article = path.join(project, "content/articles", readdirSync(path.join(project, "content/articles")).find((name) => name.endsWith(".md"))!);
    const text = readFileSync(article, "utf8").trimEnd();
    const first = text.split("\n").length + 2;
    writeFileSync(article, `${text}\n\n[Here](/#${home}), [there](${late}#${lateId}) and [nowhere](/#${home}x).\n\n[Also nowhere](${late}#${lateId}-gone).\n`);
    const failed = await buildSite(project, CLOCKS.december, "build", undefined, {}, { pagesPerBatch }).then(() => undefined, (error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentError);
    const file = path.relative(project, article);
    expect((failed as ContentError).problems).toEqual([
      { file, line: first, field: "body", message: `link "/#${home}x" names #${home}x, which / does not have as this build writes it: did you mean "#${home}"?` },
      { file, line: first + 2, field: "body", message: expect.stringMatching(new RegExp(`^link "${late}#${lateId}-gone" names #${lateId}-gone, which ${late} does not have as this build writes it`)) },
    ]);
  });
});

describe("the rendered fragments plugin in a build of Eleventy's own command line", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map(removeFolder)));

  it("checks the written pages itself in a build, not in `npm start`, and tells a build in batches its links instead, from the first run alone", async () => {
    const { model } = await decemberFixtureModel();
    const source = { get: async () => model } as unknown as SiteModelSource;
    const links = linksToRenderedFragments(model, pageTableOf(model));
    // The fixture's tour article links to a section of a course page.
    expect(links.length).toBeGreaterThan(0);
    const { sitePath, fragment } = links[0]!;
    // The December build's output, with that section's id taken out of the page it names.
    const output = await mkdtemp(path.join(os.tmpdir(), "hsg-fragments-output-"));
    folders.push(output);
    await cp(path.join(buildDir("december"), sitePath), path.join(output, sitePath), { recursive: true });
    const page = path.join(output, sitePath, "index.html");
    await writeFile(page, (await readFile(page, "utf8")).replaceAll(` id="${fragment}"`, ""));
    const after = async (runMode: string, checkAfterEleventy: boolean, laterRun = false) => {
      const { config, fire } = fakeEleventyConfig();
      const told: unknown[] = [];
      (config as unknown as { emit: (event: string, value: unknown) => void }).emit = (event, value) => told.push([event, value]);
      renderedFragmentsPlugin(config, { model: source, dev: new DevRebuilds({ laterRun }), checkAfterEleventy });
      const outcome = await fire("eleventy.after", { directories: { output }, runMode }).then(() => "passed", (error: unknown) => error);
      return { outcome, told };
    };
    const built = await after("build", false);
    expect(built.outcome).toBeInstanceOf(ContentError);
    expect((built.outcome as ContentError).problems.map((problem) => problem.message)).toContain(`link "${links[0]!.href}" names #${fragment}, which ${sitePath} does not have as this build writes it`);
    expect(await after("serve", false)).toEqual({ outcome: "passed", told: [] });
    expect(await after("build", true)).toEqual({ outcome: "passed", told: [["hsg.fragmentLinks", links]] });
    expect(await after("build", true, true)).toEqual({ outcome: "passed", told: [] });
  });
});
