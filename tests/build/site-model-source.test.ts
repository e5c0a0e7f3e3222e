import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteModelSource } from "../../src/build/site-model-source.ts";
import { DevRebuilds, WATCHER_READY_EVENT } from "../../src/eleventy/dev-rebuilds.ts";
import { CLOCKS } from "../support/build-site.ts";
import { fakeEleventyConfig } from "../support/fake-eleventy-config.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { copyWarmCache } from "../support/sample-project.ts";

/**
 * The model of `npm start` loads the content again once Eleventy's watcher listens (the event scripts/start.ts
 * emits), so that the first save reads only the files reported to it: what was saved before the watcher listened
 * must reach the model all the same. Eleventy's events are fired by the test, on a real DevRebuilds and a copy of
 * the fixture.
 */

describe("the model of npm start", () => {
  let root: string;
  const previous = { runMode: process.env.ELEVENTY_RUN_MODE, now: process.env.SITE_NOW };

  beforeAll(async () => {
    root = await copyProject("fixture");
    await copyWarmCache("fixture", root);
    // Serve mode: the loads keep their results for the next, as in `npm start`.
    process.env.ELEVENTY_RUN_MODE = "serve";
    process.env.SITE_NOW = CLOCKS.december;
  });

  afterAll(async () => {
    for (const [name, value] of [["ELEVENTY_RUN_MODE", previous.runMode], ["SITE_NOW", previous.now]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await removeFolder(root);
  });

  it("shows a file saved before the watcher listened, and takes the files not reported since from the load made when it began to", async () => {
    const { config, fire } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    const source = new SiteModelSource(root, dev);

    const [before, unreported, reported] = readdirSync(path.join(root, "content/articles")).filter((name) => name.endsWith(".md")).sort().map((name) => `content/articles/${name}`);
    const retitle = (file: string, title: string) => writeFileSync(path.join(root, file), readFileSync(path.join(root, file), "utf8").replace(/^title: .*$/m, `title: "${title}"`));
    const titleOf = async (file: string) => (await source.get()).articles.list.find((article) => article.file === file)?.title;

    expect(await titleOf(before!)).toBeDefined();
    // Saved after the first build's load, before the watcher listened: reported to nobody.
    retitle(before!, "Saved before the watcher listened");
    // As scripts/start.ts does, the event is waited for: it ends when the load it starts is made.
    await fire(WATCHER_READY_EVENT, undefined);
    // Saved once it listened, and left unreported here: the rebuild takes this file from the load made at that moment.
    retitle(unreported!, "Not reported to the rebuild");
    retitle(reported!, "Reported to the rebuild");
    fire("eleventy.beforeWatch", [`./${reported}`]);
    source.reset();

    expect(await titleOf(before!)).toBe("Saved before the watcher listened");
    expect(await titleOf(reported!)).toBe("Reported to the rebuild");
    expect(await titleOf(unreported!)).not.toBe("Not reported to the rebuild");
  });
});
