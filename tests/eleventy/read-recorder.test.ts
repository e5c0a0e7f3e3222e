import { createRequire } from "node:module";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ReadTable } from "../../src/eleventy/read-paths.ts";
import { ModelReads, PageReads, UNREACHABLE, type Digest } from "../../src/eleventy/read-recorder.ts";
import { realObject } from "../../src/lib/real-object.ts";

/** The parts of Nunjucks this test uses (the package ships no types). */
interface NunjucksEnvironment {
  addFilter(name: string, filter: (...args: never[]) => unknown): NunjucksEnvironment;
  renderString(template: string, context: object): string;
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as { Environment: new (loader: undefined, options: { autoescape: boolean; throwOnUndefined?: boolean }) => NunjucksEnvironment };

/** A frozen model like the site's: a global holding a list of page objects, each linking to another object. */
function model(authorRole: string) {
  const author = Object.freeze({ name: "Ada", role: authorRole });
  const articles = Object.freeze([Object.freeze({ url: "/a/", title: "A", author }), Object.freeze({ url: "/b/", title: "B", author })]);
  return Object.freeze({ list: articles, now: DateTime.fromISO("2026-12-01T09:00:00Z", { zone: "utc" }) });
}

/** Renders `template` with the model through recording proxies; returns the output and what was read. */
function render(template: string, site: ReturnType<typeof model>, table: ReadTable) {
  const anchors = new Map<object, string>([[site, "global:site"], ...site.list.map((article) => [article, `articles:${article.url}`] as [object, string])]);
  const record = new Map<number, Digest>();
  const reads = new PageReads(record, table, (value) => anchors.get(value));
  const env = new nunjucks.Environment(undefined, { autoescape: true, throwOnUndefined: true });
  env.addFilter("othersThan", (items: readonly object[], item: object) => items.filter((candidate) => candidate !== item));
  const output = env.renderString(template, { site: reads.top(site), article: reads.top(site.list[0]) });
  const resolve = (next: ReturnType<typeof model>) => {
    const objects = new Map<string, unknown>([["global:site", next], ...next.list.map((article) => [`articles:${article.url}`, article] as [string, unknown])]);
    const nextAnchors = new Map<object, string>([[next, "global:site"], ...next.list.map((article) => [article, `articles:${article.url}`] as [object, string])]);
    return new ModelReads(table, (anchor) => (objects.has(anchor) ? objects.get(anchor) : UNREACHABLE), (value) => nextAnchors.get(value));
  };
  const changed = (next: ReturnType<typeof model>) => {
    const now = resolve(next);
    return [...record].some(([read, digest]) => {
      const current = now.digest(read);
      return current === UNREACHABLE || !Object.is(current, digest);
    });
  };
  return { output, changed };
}

describe("recording what a render reads of a frozen model", () => {
  const template = "{{ article.title }} by {{ article.author.role }}; {% for other in site.list | othersThan(article) %}{{ other.title }}{% endfor %} {{ site.now.year }} {{ site.list | length }}";

  it("renders through the proxies as it would without them, loops, filters and identity included", () => {
    const site = model("Writer");
    const plain = new nunjucks.Environment(undefined, { autoescape: true }).addFilter("othersThan", (items: readonly object[], item: object) => items.filter((candidate) => candidate !== item));
    const expected = plain.renderString(template, { site, article: site.list[0] });
    expect(render(template, site, new ReadTable()).output).toBe(expected);
    expect(expected).toBe("A by Writer; B 2026 2");
  });

  it("finds a change to a field of a linked object the template shows, and none when nothing it read changed", () => {
    const table = new ReadTable();
    const { changed } = render(template, model("Writer"), table);
    expect(changed(model("Writer"))).toBe(false);
    expect(changed(model("Editor"))).toBe(true);
  });

  it("ignores a change to a field the template does not read", () => {
    const table = new ReadTable();
    const { changed } = render("{{ article.title }}", model("Writer"), table);
    expect(changed(model("Editor"))).toBe(false);
  });

  it("hands a look-up by identity the model object a proxy stands for (the page table's permalinks)", () => {
    const site = model("Writer");
    const reads = new PageReads(new Map(), new ReadTable(), (value) => (value === site.list[0] ? "articles:/a/" : undefined));
    const proxy = reads.top(site.list[0]);
    expect(proxy).not.toBe(site.list[0]);
    expect(realObject(proxy)).toBe(site.list[0]);
    expect(realObject(site.list[1])).toBe(site.list[1]);
    expect(realObject("/a/")).toBe("/a/");
  });
});
