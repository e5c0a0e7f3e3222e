import { describe, expect, it } from "vitest";
import { DevRebuilds, WATCHER_READY_EVENT } from "../../src/eleventy/dev-rebuilds.ts";
import { fakeEleventyConfig } from "../support/fake-eleventy-config.ts";

describe("DevRebuilds", () => {
  const isStylesheet = (file: string) => file.endsWith(".scss");

  it("never skips in a production build, nor on the first build of npm start", () => {
    const { config } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    expect(dev.maySkip("build")).toBe(false);
    expect(dev.maySkip("serve")).toBe(false);
  });

  it("skips on a rebuild unless one of the step's inputs changed", () => {
    const { config, fire } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    fire("eleventy.beforeWatch", ["./content/articles/a.md"]);
    expect(dev.maySkip("serve")).toBe(true);
    expect(dev.maySkip("serve", isStylesheet)).toBe(true);
    fire("eleventy.beforeWatch", ["./src/styles/_code.scss"]);
    expect(dev.maySkip("serve", isStylesheet)).toBe(false);
    expect(dev.maySkip("build", isStylesheet)).toBe(false);
  });

  it("lets a load take unchanged files from the last one only once a rebuild has loaded, with the watcher listening", () => {
    const { config, fire } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    // The first build loads before Eleventy starts watching; the first rebuild must read every file again.
    expect(dev.contentChangedSinceLoad()).toBeUndefined();
    fire("eleventy.beforeWatch", ["./content/articles/a.md"]);
    expect(dev.contentChangedSinceLoad()).toBeUndefined();
    fire("eleventy.beforeWatch", ["./content/articles/b.md", "./_data/schedule.yaml"]);
    expect(dev.contentChangedSinceLoad()).toEqual(new Set(["content/articles/b.md", "_data/schedule.yaml"]));
  });

  it("asks for a load once npm start says the watcher listens, and lets the first rebuild's load take unchanged files from it", async () => {
    const { config, fire } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    let asked = 0;
    dev.onWatcherReady(async () => void asked++);
    expect(dev.contentChangedSinceLoad()).toBeUndefined();
    await fire(WATCHER_READY_EVENT, undefined);
    expect(asked).toBe(1);
    // The load it asks for: the first build's was made before the watcher listened.
    expect(dev.contentChangedSinceLoad()).toBeUndefined();
    fire("eleventy.beforeWatch", ["./content/articles/a.md"]);
    expect(dev.contentChangedSinceLoad()).toEqual(new Set(["content/articles/a.md"]));
    // Told again (a first build mended after a failure), with the last load already made while watching.
    await fire(WATCHER_READY_EVENT, undefined);
    expect(asked).toBe(1);
  });

  it("hands a load every change since the last load, across builds that loaded nothing, and nothing once code changed", () => {
    const { config, fire } = fakeEleventyConfig();
    const dev = new DevRebuilds();
    dev.register(config);
    fire("eleventy.beforeWatch", ["./content/articles/a.md"]);
    dev.contentChangedSinceLoad();
    fire("eleventy.beforeWatch", ["./content/articles/b.md"]);
    fire("eleventy.beforeWatch", ["./content/images/c.png"]);
    expect(dev.contentChangedSinceLoad()).toEqual(new Set(["content/articles/b.md", "content/images/c.png"]));
    fire("eleventy.beforeWatch", ["./content/articles/d.md"]);
    fire("eleventy.beforeWatch", ["./_includes/layouts/base.njk"]);
    expect(dev.contentChangedSinceLoad()).toBeUndefined();
    // The load that read everything is the next one's base again.
    fire("eleventy.beforeWatch", ["./content/articles/e.md"]);
    expect(dev.contentChangedSinceLoad()).toEqual(new Set(["content/articles/e.md"]));
  });
});
