import { readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, describe, expect, it } from "vitest";
import { CONTENT_CACHE_FOLDER, ContentCache, forgetContentCacheMemory, VERSIONS_IN_MEMORY } from "../../src/content/content-cache.ts";
import { loadContent, type Content } from "../../src/content/load-content.ts";
import { ContentError } from "../../src/content/problems.ts";
import { listPiecesHeld } from "../../src/content/list-pieces.ts";
import { createFixture, MINIMAL_PROJECT, type Fixture } from "../support/content-fixture.ts";
import { runCheck } from "../../src/checks/check-command.ts";
import { sealed, unsealed } from "../../src/images/output-cache.ts";

const SCHEDULE = "_data/schedule.yaml";

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

/** What the build reads of the content, in a form that compares by value (dates as ISO text with their zone). */
function snapshot(content: Content) {
  return JSON.parse(
    JSON.stringify(content, (_key, value: unknown) => (value && typeof value === "object" && "isLuxonDateTime" in value ? `${String(value)} ${(value as unknown as { zoneName: string }).zoneName}` : value)),
  ) as unknown;
}

async function cacheFiles(root: string): Promise<string[]> {
  return readdir(path.join(root, CONTENT_CACHE_FOLDER), { recursive: true });
}

describe("the per-file content cache", () => {
  it("in npm start, parses a list file served whole from the disk cache entry by entry once, so that its first save parses the entries it changed; a build does not", async () => {
    fixture = await createFixture();
    // Results another test left in memory would keep this load from writing them to this project's disk cache.
    forgetContentCacheMemory();
    await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { settledMs: 0 }) });
    forgetContentCacheMemory();
    const build = new ContentCache(fixture.root);
    await loadContent(fixture.root, { cache: build });
    expect(build.stats.computed).toBe(0);
    expect(listPiecesHeld(SCHEDULE)).toBe(false);
    forgetContentCacheMemory();
    const start = new ContentCache(fixture.root);
    await loadContent(fixture.root, { cache: start, reuse: { previous: new Map(), changed: undefined, into: new Map() } });
    expect(start.stats.computed).toBe(0);
    expect(listPiecesHeld(SCHEDULE)).toBe(true);
  });

  it("serves an unchanged project from memory, then from disk, with the same content and lines", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const first = new ContentCache(fixture.root);
    const fresh = await loadContent(fixture.root, { cache: first });
    expect(first.stats.computed).toBeGreaterThan(0);
    // Packed: a few shard files, however many content files there are.
    const files = await cacheFiles(fixture.root);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(first.stats.computed);

    const again = new ContentCache(fixture.root);
    const fromMemory = await loadContent(fixture.root, { cache: again });
    expect(again.stats).toEqual({ computed: 0, disk: 0, memory: first.stats.computed });
    expect(snapshot(fromMemory)).toEqual(snapshot(fresh));

    forgetContentCacheMemory();
    const cold = new ContentCache(fixture.root);
    const fromDisk = await loadContent(fixture.root, { cache: cold });
    expect(cold.stats).toEqual({ computed: 0, disk: first.stats.computed, memory: 0 });
    expect(snapshot(fromDisk)).toEqual(snapshot(fresh));
    // Dates come back as luxon dates in the site's zone, and rendered Markdown as it was.
    expect(fromDisk.articles[0]!.date.equals(fresh.articles[0]!.date)).toBe(true);
    expect(fromDisk.articles[0]!.html).toContain("<strong>world</strong>");
    expect(fromDisk.lineOf("_data/redirects.yaml", [0, "to"])).toBe(fresh.lineOf("_data/redirects.yaml", [0, "to"]));
  });

  it("recomputes only the file that changed, and shows the change", async () => {
    fixture = await createFixture();
    await loadContent(fixture.root);
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("Hello **world**.", "Hello *again*."));
    const cache = new ContentCache(fixture.root);
    const content = await loadContent(fixture.root, { cache });
    expect(cache.stats.computed).toBe(1);
    expect(content.articles.find((article) => article.slug === "first-article")!.html).toContain("<em>again</em>");
  });

  it("reports a broken file's problems the same way when they come from the cache", async () => {
    fixture = await createFixture();
    await fixture.edit("_data/schedule.yaml", (text) => text.replace("seats: 12", "seats: twelve"));
    const problemsOf = async () => {
      const error = await loadContent(fixture!.root).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentError);
      return (error as ContentError).problems;
    };
    const fresh = await problemsOf();
    forgetContentCacheMemory();
    expect(await problemsOf()).toEqual(fresh);
    const line = (await fixture.read("_data/schedule.yaml")).split("\n").indexOf("  seats: twelve") + 1;
    expect(fresh).toContainEqual(expect.objectContaining({ file: "_data/schedule.yaml", line, field: "[0].seats" }));
  });

  it("keeps the last few versions of a file in memory, however many saves a session makes, and reads an older one from disk", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const file = "content/articles/first-article.md";
    const original = await fixture.read(file);
    const version = (n: number) => original.replace("Hello **world**.", `Hello, version ${n}.`);
    const load = async () => {
      const cache = new ContentCache(fixture!.root);
      await loadContent(fixture!.root, { cache });
      return cache.stats;
    };
    await load();
    const saves = VERSIONS_IN_MEMORY * 3;
    for (let n = 1; n <= saves; n++) {
      await fixture.edit(file, () => version(n));
      expect((await load()).computed).toBe(1);
    }
    // The latest versions are still in memory; the first ones went, and come back from the disk cache, not computed.
    await fixture.edit(file, () => version(saves - VERSIONS_IN_MEMORY + 1));
    expect(await load()).toMatchObject({ computed: 0, disk: 0 });
    await fixture.edit(file, () => version(1));
    expect(await load()).toMatchObject({ computed: 0, disk: 1 });
    // A version used again counts as recent: the one used before it went to make room for version 1, not it.
    await fixture.edit(file, () => version(saves - VERSIONS_IN_MEMORY + 1));
    expect(await load()).toMatchObject({ computed: 0, disk: 0 });
    await fixture.edit(file, () => original);
    expect(await load()).toMatchObject({ computed: 0, disk: 1 });
  });

  it("keeps older versions of a file until a production build prunes them", async () => {
    fixture = await createFixture();
    // Results kept in memory from other tests' identical fixtures would not be written to this folder.
    forgetContentCacheMemory();
    const original = await fixture.read("content/articles/first-article.md");
    await loadContent(fixture.root);
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("Hello **world**.", "Hello *pruned*."));
    await loadContent(fixture.root);

    // Going back to the first version finds it on disk, in a new process as in this one.
    await fixture.edit("content/articles/first-article.md", () => original);
    forgetContentCacheMemory();
    const back = new ContentCache(fixture.root);
    await loadContent(fixture.root, { cache: back });
    expect(back.stats.computed).toBe(0);
    // The edited version was not asked for by this load: prune removes it, and only it.
    expect(await back.prune()).toBe(1);
    expect(await back.prune()).toBe(0);

    forgetContentCacheMemory();
    const again = new ContentCache(fixture.root);
    await loadContent(fixture.root, { cache: again });
    expect(again.stats).toMatchObject({ computed: 0, memory: 0 });
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("Hello **world**.", "Hello *pruned*."));
    forgetContentCacheMemory();
    const pruned = new ContentCache(fixture.root);
    await loadContent(fixture.root, { cache: pruned });
    expect(pruned.stats.computed).toBe(1);
  });

  it("ignores packed results written by other code, and unreadable ones", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const first = new ContentCache(fixture.root);
    const fresh = await loadContent(fixture.root, { cache: first });
    const folder = path.join(fixture.root, CONTENT_CACHE_FOLDER);
    const [one, two, ...others] = await cacheFiles(fixture.root);
    // A shard from another version of src/ (or of the lock file) must never be served.
    // Sealed again, so only the code version tells it apart.
    const shard = deserialize(unsealed(await readFile(path.join(folder, one!)))!) as { code: string };
    await writeFile(path.join(folder, one!), sealed(serialize({ ...shard, code: "other-code" })));
    await writeFile(path.join(folder, two!), "not a shard");
    forgetContentCacheMemory();
    const cache = new ContentCache(fixture.root);
    const content = await loadContent(fixture.root, { cache });
    expect(cache.stats.computed).toBeGreaterThan(0);
    expect(cache.stats.disk).toBeGreaterThan(0);
    expect(cache.stats.computed + cache.stats.disk).toBe(first.stats.computed);
    expect(snapshot(content)).toEqual(snapshot(fresh));
    expect(others.length).toBeGreaterThan(0);
  });
});

describe("the content cache's file identities (size and times before bytes)", () => {
  it("serves every unchanged file without reading it once its identity is noted", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    // settledMs 0: the fixture's files were just written; a real run waits until they are two seconds old.
    const first = new ContentCache(fixture.root, { settledMs: 0 });
    const fresh = await loadContent(fixture.root, { cache: first });
    expect(first.unread).toBe(0);

    forgetContentCacheMemory();
    const again = new ContentCache(fixture.root, { settledMs: 0 });
    const known = await loadContent(fixture.root, { cache: again });
    expect(again.unread).toBe(first.stats.computed);
    expect(again.stats).toEqual({ computed: 0, disk: first.stats.computed, memory: 0 });
    expect(snapshot(known)).toEqual(snapshot(fresh));
  });

  it("reads and shows a file rewritten with the same size and modification time", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { settledMs: 0 }) });
    const file = path.join(fixture.root, "content/articles/first-article.md");
    const before = await stat(file);
    // Same length, and the modification time set back as a careless tool might: only the change time tells.
    await fixture.edit("content/articles/first-article.md", (text) => text.replace("Hello **world**.", "Hello **earth**."));
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);

    forgetContentCacheMemory();
    const cache = new ContentCache(fixture.root, { settledMs: 0 });
    const content = await loadContent(fixture.root, { cache });
    expect(cache.stats.computed).toBe(1);
    expect(content.articles.find((article) => article.slug === "first-article")!.html).toContain("<strong>earth</strong>");
  });

  it("hashes a file written within the settling time instead of trusting its identity", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    // A minute, so a slow machine cannot let the fixture's files settle between the two loads.
    await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { settledMs: 60_000 }) });
    forgetContentCacheMemory();
    const cache = new ContentCache(fixture.root, { settledMs: 60_000 });
    await loadContent(fixture.root, { cache });
    expect(cache.unread).toBe(0);
    expect(cache.stats.computed).toBe(0);
  });

  it("reads every file again when the identities file is damaged, and serves the same content", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const first = new ContentCache(fixture.root, { settledMs: 0 });
    const fresh = await loadContent(fixture.root, { cache: first });
    const identities = path.join(fixture.root, CONTENT_CACHE_FOLDER, "identities.bin");
    const bytes = await readFile(identities);
    bytes.writeUInt8(bytes.at(-1)! ^ 0xff, bytes.length - 1);
    await writeFile(identities, bytes);

    forgetContentCacheMemory();
    const cache = new ContentCache(fixture.root, { settledMs: 0 });
    expect(snapshot(await loadContent(fixture.root, { cache }))).toEqual(snapshot(fresh));
    expect(cache.unread).toBe(0);
    expect(cache.stats.disk).toBe(first.stats.computed);
  });
});

describe("the articles' long texts, kept apart from the rest of each result", () => {
  /** The texts files in a project's content cache, one per result with long texts. */
  async function textsFiles(root: string): Promise<string[]> {
    return (await cacheFiles(root)).filter((name) => name.startsWith(`texts${path.sep}`));
  }

  /** Loads the fixture once (filling the cache), then removes every texts file. */
  async function withoutTextShards(files?: Readonly<Record<string, string>>): Promise<{ root: string; fresh: Content; computed: number }> {
    fixture = await createFixture(files);
    forgetContentCacheMemory();
    const first = new ContentCache(fixture.root);
    const fresh = await loadContent(fixture.root, { cache: first });
    const folder = path.join(fixture.root, CONTENT_CACHE_FOLDER);
    const texts = await textsFiles(fixture.root);
    // One file per article: its texts can be read without any other's.
    expect(texts).toHaveLength(fresh.articles.length);
    await Promise.all(texts.map((name) => rm(path.join(folder, name))));
    forgetContentCacheMemory();
    return { root: fixture.root, fresh, computed: first.stats.computed };
  }

  it("loads everything but the texts without reading a texts file, and refuses to give a text it did not load", async () => {
    const { root, fresh, computed } = await withoutTextShards();
    const cache = new ContentCache(root, { texts: false });
    const content = await loadContent(root, { cache });
    expect(cache.stats).toEqual({ computed: 0, disk: computed, memory: 0 });
    const article = content.articles.find((item) => item.slug === "first-article")!;
    const before = fresh.articles.find((item) => item.slug === "first-article")!;
    expect(article.ids).toEqual(before.ids);
    expect(article.links).toEqual(before.links);
    expect(article.readingMinutes).toBe(before.readingMinutes);
    expect(() => article.html).toThrow(/first-article\.md: "html" was loaded without the long texts/);
    expect(() => article.body).toThrow(/"body" was loaded without the long texts/);
    // Nothing was written: the texts files stay missing until a load that needs them.
    expect(await textsFiles(root)).toEqual([]);
  });

  it("computes a result again when its texts are missing, for a load that draws pages", async () => {
    const { root, fresh } = await withoutTextShards();
    const cache = new ContentCache(root);
    const content = await loadContent(root, { cache });
    expect(cache.stats.computed).toBe(fresh.articles.length);
    expect(snapshot(content)).toEqual(snapshot(fresh));
    expect(content.articles[0]!.html).toContain("<");
  });

  it("never serves texts stored with another version of their result (same key, other images), but computes it again", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const fresh = await loadContent(fixture.root, { cache: new ContentCache(fixture.root) });
    const folder = path.join(fixture.root, CONTENT_CACHE_FOLDER);
    for (const readTextsWhenUsed of [false, true]) {
      // Every texts file rewritten (and sealed again) as another version would have written it: other words, another id.
      for (const name of await textsFiles(fixture.root)) {
        const texts = deserialize(unsealed(await readFile(path.join(folder, name)))!) as { id: string; entries: Record<string, string>[] };
        await writeFile(path.join(folder, name), sealed(serialize({ ...texts, id: "another-version", entries: texts.entries.map((entry) => ({ ...entry, html: "<p>stale</p>" })) })));
      }
      forgetContentCacheMemory();
      const cache = new ContentCache(fixture.root, { readTextsWhenUsed });
      const content = await loadContent(fixture.root, { cache });
      expect(cache.stats.computed).toBe(fresh.articles.length);
      expect(content.articles.map((article) => article.html)).toEqual(fresh.articles.map((article) => article.html));
      expect(content.articles.map((article) => article.html)).not.toContain("<p>stale</p>");
    }
  });

  it("keeps no text in memory for a build that reads them when used, computed or from disk, and gives the same text at each read", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const fresh = await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { disk: false }) });
    let files = 0;
    for (const source of ["computed", "disk"] as const) {
      forgetContentCacheMemory();
      const cache = new ContentCache(fixture.root, { readTextsWhenUsed: true });
      const content = await loadContent(fixture.root, { cache });
      files ||= cache.stats.computed;
      expect(cache.stats).toEqual({ computed: source === "computed" ? files : 0, disk: source === "disk" ? files : 0, memory: 0 });
      for (const [index, article] of content.articles.entries()) {
        for (const field of ["html", "body"] as const) {
          const property = Object.getOwnPropertyDescriptor(article, field)!;
          // A getter, no value: the text is not held by the result.
          expect(property.get, field).toBeTypeOf("function");
          expect(property.value).toBeUndefined();
          expect(article[field]).toBe(fresh.articles[index]![field]);
          expect(article[field]).toBe(fresh.articles[index]![field]);
        }
      }
    }
  });

  it("gives a load that keeps texts whole fields, never the getters a production build in the same process left in memory", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    const built = await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { readTextsWhenUsed: true }) });
    expect(Object.getOwnPropertyDescriptor(built.articles[0]!, "html")!.get).toBeTypeOf("function");
    for (const options of [{ disk: false }, {}]) {
      const content = await loadContent(fixture.root, { cache: new ContentCache(fixture.root, options) });
      for (const [index, article] of content.articles.entries()) {
        // A field, so that an edited copy (`{ ...article, tags }`, as npm start's derivations and tests make) keeps it.
        expect({ ...article }.html).toBe(built.articles[index]!.html);
        expect({ ...article }.body).toBe(built.articles[index]!.body);
      }
    }
  });

  it("stops with the article's file when its texts were taken from under a build that reads them when used, and computes them again next time", async () => {
    fixture = await createFixture();
    forgetContentCacheMemory();
    await loadContent(fixture.root, { cache: new ContentCache(fixture.root) });
    forgetContentCacheMemory();
    const content = await loadContent(fixture.root, { cache: new ContentCache(fixture.root, { readTextsWhenUsed: true }) });
    const folder = path.join(fixture.root, CONTENT_CACHE_FOLDER);
    const [damaged, ...others] = await textsFiles(fixture.root);
    const bytes = await readFile(path.join(folder, damaged!));
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(path.join(folder, damaged!), bytes);
    await Promise.all(others.map((name) => rm(path.join(folder, name))));
    for (const article of content.articles) expect(() => article.html).toThrow(new RegExp(`^${article.file.replace(/[.]/g, "\\.")}: its "html" is no longer in the content cache .*build again`));
    // The results kept in memory are checked again when handed out, and computed again.
    const again = new ContentCache(fixture.root, { readTextsWhenUsed: true });
    const next = await loadContent(fixture.root, { cache: again });
    expect(again.stats.computed).toBe(content.articles.length);
    expect(next.articles[0]!.html).toContain("<");
  });

  it("lets npm run check report a body's placeholder and a link to a missing heading from results without texts", async () => {
    const text = `${MINIMAL_PROJECT["content/articles/second-article.md"]}\n## Where to start\n\nTODO: write this part\n\nSee [the start](/articles/second-article/#where-to-start) and [nothing](/articles/second-article/#no-such-part).\n`;
    const lineOf = (words: string) => text.split("\n").findIndex((line) => line.includes(words)) + 1;
    const { root } = await withoutTextShards({ ...MINIMAL_PROJECT, "content/articles/second-article.md": text });
    const lines: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await runCheck(["--root", root], root, { SITE_NOW: "2026-12-01T09:00" }, output)).toBe(1);
    const report = lines.join("\n");
    expect(report).toContain(`content/articles/second-article.md:${lineOf("TODO: write this part")}: body: still holds the placeholder`);
    expect(report).toMatch(new RegExp(`second-article\\.md:${lineOf("#no-such-part")}: .*#no-such-part`));
    expect(report).not.toMatch(/#where-to-start/);
    expect(report).not.toMatch(/without the long texts/);
  });
});
