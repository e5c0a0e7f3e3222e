import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ARTICLES_PER_PAGE, articleSettings, buildArticleCollections, deriveArticleCollections, publicationState, type KeptArticles } from "../../src/collections/articles.ts";
import { StageClock } from "../../src/collections/stage-memo.ts";
import type { Article, ArticleCollections, CourseSummary } from "../../src/collections/views.ts";
import { groupBy } from "../../src/lib/collections.ts";
import type { BuildContext } from "../../src/collections/build-context.ts";
import { loadContent, type ArticleSource, type Content } from "../../src/content/load-content.ts";
import { FILE_KINDS } from "../../src/content/load-file.ts";
import { siteSchema } from "../../src/schemas/site.ts";
import { siteData } from "../support/site-data.ts";
import { createFixture } from "../support/content-fixture.ts";

/** A date-time in the site zone. */
function denver(text: string): DateTime<true> {
  const value = DateTime.fromISO(text, { zone: "America/Denver" });
  if (!value.isValid) throw new Error(`bad test date ${text}`);
  return value;
}

const NOW = denver("2026-12-01T09:00");
const production: BuildContext = { now: NOW, includeUnpublished: false };
const development: BuildContext = { now: NOW, includeUnpublished: true };

const site = siteSchema.parse(siteData());

/** An article as the loader hands it over, its body rendered by the loader's own per-file step. */
function article(slug: string, date: string, fields: Partial<ArticleSource> = {}): ArticleSource {
  return FILE_KINDS.article.finish({
    slug,
    file: `content/articles/${slug}.md`,
    body: `Text of ${slug}.`,
    bodyLine: 9,
    title: `Title of ${slug}`,
    date: denver(date),
    author: "jane-doe",
    summary: `Summary of ${slug}.`,
    tags: [],
    draft: false,
    relatedCourses: [],
    aliases: [],
    ...fields,
  });
}

function content(articles: ArticleSource[]): Content {
  const authors = Object.fromEntries(
    [...new Set(articles.map((article) => article.author))].map((id) => [id, { id, name: `Name of ${id}`, role: "Writer", bio: "Writes.", imageJobs: [] }]),
  );
  return { site, authors, instructors: {}, locations: {}, categories: {}, courses: {}, sessions: [], services: [], promotions: [], redirects: [], articles, pageCopy: {} as Content["pageCopy"], policyLinks: [], policies: [], learningPaths: [], lineOf: () => undefined };
}

const slugs = (articles: readonly Article[] | undefined) => (articles ?? []).map((item) => item.slug);
/** Authors who have articles in the build, with those articles: the author pages' lists, keyed by id. */
const byAuthor = (collections: ArticleCollections) =>
  Object.fromEntries(collections.authors.filter((author) => author.articles.length > 0).map((author) => [author.id, author.articles]));

/** One published, one draft, one scheduled and one published exactly at the build's clock. */
const mixed = () =>
  content([
    article("published-old", "2026-10-01", { tags: ["Java"] }),
    article("draft-one", "2026-11-01", { draft: true, tags: ["Drafts Only"] }),
    article("scheduled-one", "2026-12-24T08:00", { tags: ["Java"] }),
    article("published-now", "2026-12-01T09:00"),
  ]);

describe("publicationState", () => {
  it("is draft whenever draft is true, even for a past or future date", () => {
    expect(publicationState({ draft: true, date: denver("2020-01-01") }, production)).toBe("draft");
    expect(publicationState({ draft: true, date: denver("2030-01-01") }, production)).toBe("draft");
  });

  it("is scheduled for a date after the build's clock", () => {
    expect(publicationState({ draft: false, date: NOW.plus({ minutes: 1 }) }, production)).toBe("scheduled");
  });

  it("is published at and before the build's clock", () => {
    expect(publicationState({ draft: false, date: NOW }, production)).toBe("published");
    expect(publicationState({ draft: false, date: NOW.minus({ years: 3 }) }, production)).toBe("published");
  });

  it("compares instants, whatever the zone", () => {
    const utc = DateTime.fromISO("2026-12-01T16:00:01Z", { zone: "UTC" }) as DateTime<true>;
    expect(utc.isValid).toBe(true);
    expect(publicationState({ draft: false, date: utc }, production)).toBe("scheduled");
    expect(publicationState({ draft: false, date: utc.minus({ seconds: 1 }) }, production)).toBe("published");
  });
});

describe("buildArticleCollections: what a build shows", () => {
  it("leaves drafts and future-dated articles out of a production build", () => {
    const { list } = buildArticleCollections(mixed(), production, {});
    expect(slugs(list)).toEqual(["published-now", "published-old"]);
    expect(list.map((item) => item.state)).toEqual(["published", "published"]);
  });

  it("shows drafts and scheduled articles, marked, in a development build", () => {
    const { list } = buildArticleCollections(mixed(), development, {});
    expect(list.map((item) => [item.slug, item.state])).toEqual([
      ["scheduled-one", "scheduled"],
      ["published-now", "published"],
      ["draft-one", "draft"],
      ["published-old", "published"],
    ]);
  });

  it("keeps unpublished articles out of tags, authors, courses and related lists in production", () => {
    const collections = buildArticleCollections(
      content([
        article("live", "2026-10-01", { tags: ["Java"], relatedCourses: ["java-fundamentals"] }),
        article("draft", "2026-10-02", { tags: ["Java"], relatedCourses: ["java-fundamentals"], draft: true }),
        article("future", "2027-01-02", { tags: ["Java", "Future Only"], relatedCourses: ["java-fundamentals"] }),
      ]),
      production,
      {},
    );
    expect(collections.tags.map((tag) => [tag.slug, slugs(tag.articles)])).toEqual([["java", ["live"]]]);
    expect(slugs(byAuthor(collections)["jane-doe"])).toEqual(["live"]);
    expect(slugs(collections.byCourse["java-fundamentals"])).toEqual(["live"]);
    expect(collections.list[0]?.related).toEqual([]);
    expect(collections.tagPages.map((page) => page.url)).toEqual(["/articles/tags/java/"]);
  });

  it("lists newest first, breaking ties by slug", () => {
    const { list } = buildArticleCollections(
      content([
        article("b-same-day", "2026-11-05T10:00"),
        article("oldest", "2025-01-01"),
        article("newest", "2026-11-30T23:59"),
        article("a-same-day", "2026-11-05T10:00"),
        article("morning", "2026-11-05T08:00"),
      ]),
      production,
      {},
    );
    expect(slugs(list)).toEqual(["newest", "a-same-day", "b-same-day", "morning", "oldest"]);
  });

  it("gives each article its URL, rendered HTML and reading time", () => {
    const words = Array.from({ length: 221 }, (_, index) => `word${index}`).join(" ");
    const { list } = buildArticleCollections(
      content([article("short", "2026-11-01", { body: "Hello **world**." }), article("long", "2026-10-01", { body: words })]),
      production,
      {},
    );
    expect(list[0]).toMatchObject({ slug: "short", url: "/articles/short/", readingMinutes: 1 });
    expect(list[0]?.html.trim()).toBe("<p>Hello <strong>world</strong>.</p>");
    expect(list[1]).toMatchObject({ slug: "long", url: "/articles/long/", readingMinutes: 2 });
  });
});

describe("buildArticleCollections: neighbours and related articles", () => {
  it("links previous (older) and next (newer) articles", () => {
    const { list } = buildArticleCollections(content([article("middle", "2026-10-15"), article("newest", "2026-11-15"), article("oldest", "2026-09-15")]), production, {});
    const [newest, middle, oldest] = list;
    expect(newest?.next).toBeUndefined();
    expect(newest?.previous).toBe(middle);
    expect(middle?.next).toBe(newest);
    expect(middle?.previous).toBe(oldest);
    expect(oldest?.next).toBe(middle);
    expect(oldest?.previous).toBeUndefined();
  });

  it("links neighbours among the shown articles only", () => {
    const { list } = buildArticleCollections(mixed(), production, {});
    expect(list[0]?.previous?.slug).toBe("published-old");
    expect(list[0]?.next).toBeUndefined();
  });

  it("relates up to three other articles by shared tags, most shared first, then newest", () => {
    const { list } = buildArticleCollections(
      content([
        article("main", "2026-11-01", { tags: ["A", "B", "C"] }),
        article("shares-three", "2025-01-01", { tags: ["C", "B", "A"] }),
        article("shares-two", "2026-11-20", { tags: ["A", "B"] }),
        article("shares-one-newer", "2026-10-01", { tags: ["A"] }),
        article("shares-one-older", "2026-06-01", { tags: ["C", "Z"] }),
        article("shares-none", "2026-11-25", { tags: ["Z"] }),
      ]),
      production,
      {},
    );
    const main = list.find((item) => item.slug === "main");
    expect(slugs(main?.related)).toEqual(["shares-three", "shares-two", "shares-one-newer"]);
    expect(slugs(list.find((item) => item.slug === "shares-none")?.related)).toEqual(["shares-one-older"]);
  });

  it("counts spellings of one tag as the same tag when relating", () => {
    const { list } = buildArticleCollections(
      content([article("one", "2026-11-01", { tags: ["Project Management"] }), article("two", "2026-10-01", { tags: ["project-management"] })]),
      production,
      {},
    );
    expect(slugs(list[0]?.related)).toEqual(["two"]);
    expect(slugs(list[1]?.related)).toEqual(["one"]);
  });

  it("relates nothing to an article without tags", () => {
    const { list } = buildArticleCollections(content([article("untagged", "2026-11-01"), article("tagged", "2026-10-01", { tags: ["Java"] })]), production, {});
    expect(list[0]?.related).toEqual([]);
    expect(list[1]?.related).toEqual([]);
  });
});

describe("buildArticleCollections: tags", () => {
  const spellings = () =>
    content([
      article("one", "2026-11-03", { tags: ["Project Management"] }),
      article("two", "2026-11-02", { tags: ["project-management", "Java"] }),
      article("three", "2026-11-01", { tags: ["Project Management", " project  management ", "AWS"] }),
    ]);

  it("merges spellings into one tag labelled with the most common spelling", () => {
    const { tags } = buildArticleCollections(spellings(), production, {});
    const tag = tags.find((item) => item.slug === "project-management");
    expect(tag).toMatchObject({ slug: "project-management", label: "Project Management", url: "/articles/tags/project-management/" });
    expect(slugs(tag?.articles)).toEqual(["one", "two", "three"]);
    expect(tags.filter((item) => item.slug === "project-management")).toHaveLength(1);
  });

  it("gives every article the merged tag once, with the shared label", () => {
    const { list } = buildArticleCollections(spellings(), production, {});
    expect(list.map((item) => item.tags)).toEqual([
      [{ slug: "project-management", label: "Project Management", url: "/articles/tags/project-management/" }],
      [
        { slug: "project-management", label: "Project Management", url: "/articles/tags/project-management/" },
        { slug: "java", label: "Java", url: "/articles/tags/java/" },
      ],
      [
        { slug: "project-management", label: "Project Management", url: "/articles/tags/project-management/" },
        { slug: "aws", label: "AWS", url: "/articles/tags/aws/" },
      ],
    ]);
  });

  it("sorts tags by label", () => {
    const { tags } = buildArticleCollections(spellings(), production, {});
    expect(tags.map((tag) => tag.label)).toEqual(["AWS", "Java", "Project Management"]);
  });

  it("picks the same label for a tie whatever the order of the articles", () => {
    const a = article("a", "2026-11-02", { tags: ["Dot NET"] });
    const b = article("b", "2026-11-01", { tags: ["dot-net"] });
    const forwards = buildArticleCollections(content([a, b]), production, {}).tags;
    const backwards = buildArticleCollections(content([b, a]), production, {}).tags;
    expect(forwards).toHaveLength(1);
    expect(["Dot NET", "dot-net"]).toContain(forwards[0]?.label);
    expect(backwards[0]?.label).toBe(forwards[0]?.label);
  });

  it("gives C++ and C# their own tag pages", () => {
    const { tags } = buildArticleCollections(content([article("cpp", "2026-11-02", { tags: ["C++", "C#", "C"] })]), production, {});
    expect(tags.map((tag) => [tag.label, tag.url])).toEqual([
      ["C", "/articles/tags/c/"],
      ["C#", "/articles/tags/c-sharp/"],
      ["C++", "/articles/tags/c-plus-plus/"],
    ]);
  });

  it("labels tags in production from published articles only", () => {
    const { tags } = buildArticleCollections(
      content([
        article("live", "2026-11-01", { tags: ["Project Management"] }),
        article("draft-one", "2026-11-02", { tags: ["project management"], draft: true }),
        article("draft-two", "2026-11-03", { tags: ["project management"], draft: true }),
      ]),
      production,
      {},
    );
    expect(tags.map((tag) => tag.label)).toEqual(["Project Management"]);
  });

  it("shows tags of unpublished articles only in development", () => {
    expect(buildArticleCollections(mixed(), production, {}).tags.map((tag) => tag.slug)).toEqual(["java"]);
    const tags = buildArticleCollections(mixed(), development, {}).tags;
    expect(tags.map((tag) => tag.slug)).toEqual(["drafts-only", "java"]);
    expect(slugs(tags.find((tag) => tag.slug === "java")?.articles)).toEqual(["scheduled-one", "published-old"]);
  });
});

describe("buildArticleCollections: pages", () => {
  /** 23 articles a day apart; the first 12 tagged Java, every fifth tagged AWS. */
  const many = () =>
    content(
      Array.from({ length: 23 }, (_, index) =>
        article(`article-${String(index + 1).padStart(2, "0")}`, DateTime.fromObject({ year: 2026, month: 10, day: 1 }, { zone: "America/Denver" }).plus({ days: index }).toISODate()!, {
          tags: [...(index < 12 ? ["Java"] : []), ...(index % 5 === 0 ? ["AWS"] : [])],
        }),
      ),
    );

  it("has 10 articles per page", () => {
    expect(ARTICLES_PER_PAGE).toBe(10);
  });

  it("splits /articles/ into pages of 10, newest first", () => {
    const { list, pages } = buildArticleCollections(many(), production, {});
    expect(pages.map((page) => [page.url, page.items.length, page.number, page.total])).toEqual([
      ["/articles/", 10, 1, 3],
      ["/articles/page/2/", 10, 2, 3],
      ["/articles/page/3/", 3, 3, 3],
    ]);
    expect(pages.flatMap((page) => page.items)).toEqual(list);
    expect(pages[0]?.items[0]?.slug).toBe("article-23");
    expect(pages[2]?.items.at(-1)?.slug).toBe("article-01");
    expect(pages[1]).toMatchObject({ previousUrl: "/articles/", nextUrl: "/articles/page/3/" });
  });

  it("splits each tag's list into pages below the tag's URL", () => {
    const { tagPages } = buildArticleCollections(many(), production, {});
    expect(tagPages.map((page) => [page.tag.label, page.url, page.items.length, page.total])).toEqual([
      ["AWS", "/articles/tags/aws/", 5, 1],
      ["Java", "/articles/tags/java/", 10, 2],
      ["Java", "/articles/tags/java/page/2/", 2, 2],
    ]);
    expect(tagPages[1]?.tag).toEqual({ slug: "java", label: "Java", url: "/articles/tags/java/" });
    expect(tagPages[2]).toMatchObject({ previousUrl: "/articles/tags/java/" });
    expect(slugs(tagPages[1]?.items)).toEqual(["article-12", "article-11", "article-10", "article-09", "article-08", "article-07", "article-06", "article-05", "article-04", "article-03"]);
  });

  it("dates each list page for the sitemap by its newest article, in the site's zone", () => {
    const { pages, tagPages, authorPages } = buildArticleCollections(many(), production, {});
    expect(pages.map((page) => page.lastmod)).toEqual(["2026-10-23", "2026-10-13", "2026-10-03"]);
    expect(tagPages.map((page) => page.lastmod)).toEqual(["2026-10-21", "2026-10-12", "2026-10-02"]);
    expect(authorPages.map((page) => page.lastmod)).toEqual(["2026-10-23", "2026-10-13", "2026-10-03"]);
  });

  it("dates an article for the sitemap by its update in the site's zone, else its date", () => {
    const { list } = buildArticleCollections(
      content([article("updated", "2026-03-01", { updated: denver("2026-04-01T21:00").setZone("UTC") as DateTime<true> }), article("plain", "2026-02-01T23:30")]),
      production,
      {},
    );
    expect(list.map((entry) => [entry.slug, entry.lastmod])).toEqual([
      ["updated", "2026-04-01"],
      ["plain", "2026-02-01"],
    ]);
  });

  it("titles each page of a list, and gives pages after the first the list's first page as a breadcrumb step", () => {
    const many = Array.from({ length: ARTICLES_PER_PAGE + 1 }, (_, index) => article(`a${index}`, `2026-01-${String(index + 1).padStart(2, "0")}`, { tags: ["Java"] }));
    const collections = buildArticleCollections(content(many), production, {});
    const titles = (pages: readonly { title: string; crumb: string; listTrail: { label: string; url: string }[] }[]) => pages.map(({ title, crumb, listTrail }) => ({ title, crumb, listTrail }));
    expect(titles(collections.pages)).toEqual([
      { title: "Articles", crumb: "Articles", listTrail: [] },
      { title: "Articles, page 2", crumb: "Page 2", listTrail: [{ label: "Articles", url: "/articles/" }] },
    ]);
    const tag = collections.tagPages.filter((page) => page.tag.label === "Java");
    expect(titles(tag)).toEqual([
      { title: "Articles on Java", crumb: "Java", listTrail: [] },
      { title: "Articles on Java, page 2", crumb: "Page 2", listTrail: [{ label: "Java", url: tag[0]!.url }] },
    ]);
  });

  it("still has one empty /articles/ page when nothing is published, without a lastmod (the sitemap dates it with the build)", () => {
    const collections = buildArticleCollections(content([article("draft", "2026-01-01", { draft: true, tags: ["Java"] })]), production, {});
    expect(collections.list).toEqual([]);
    expect(collections.pages).toEqual([{ items: [], number: 1, isFirst: true, total: 1, url: "/articles/", title: "Articles", crumb: "Articles", listTrail: [] }]);
    expect(collections.tags).toEqual([]);
    expect(collections.tagPages).toEqual([]);
    expect(byAuthor(collections)).toEqual({});
    expect(collections.byCourse).toEqual({});
  });
});

describe("buildArticleCollections: by author and by course", () => {
  it("groups articles by author, newest first", () => {
    const grouped = byAuthor(
      buildArticleCollections(
        content([
          article("jane-old", "2026-01-01", { author: "jane-doe" }),
          article("hsg-one", "2026-06-01", { author: "hsg" }),
          article("jane-new", "2026-11-01", { author: "jane-doe" }),
        ]),
        production, {}),
    );
    expect(Object.keys(grouped).sort()).toEqual(["hsg", "jane-doe"]);
    expect(slugs(grouped["jane-doe"])).toEqual(["jane-new", "jane-old"]);
    expect(slugs(grouped.hsg)).toEqual(["hsg-one"]);
  });

  it("lists an article under every course it names", () => {
    const { byCourse } = buildArticleCollections(
      content([
        article("both", "2026-11-01", { relatedCourses: ["java-fundamentals", "advanced-java"] }),
        article("java-only", "2026-10-01", { relatedCourses: ["java-fundamentals"] }),
        article("none", "2026-09-01"),
      ]),
      production,
      {},
    );
    expect(byCourse).toEqual({ "java-fundamentals": expect.any(Array), "advanced-java": expect.any(Array) });
    expect(slugs(byCourse["java-fundamentals"])).toEqual(["both", "java-only"]);
    expect(slugs(byCourse["advanced-java"])).toEqual(["both"]);
  });
});

describe("buildArticleCollections on loaded content", () => {
  it("derives the collections from the fixture project", async () => {
    const fixture = await createFixture();
    try {
      const loaded = await loadContent(fixture.root);
      const collections = buildArticleCollections(loaded, production, {});
      expect(slugs(collections.list)).toEqual(["second-article", "first-article"]);
      expect(collections.list[0]?.date.toISO()).toBe("2026-11-20T08:00:00.000-07:00");
      expect(collections.tags.map((tag) => [tag.slug, slugs(tag.articles)])).toEqual([
        ["java", ["first-article"]],
        ["project-management", ["second-article", "first-article"]],
      ]);
      expect(slugs(byAuthor(collections).hsg)).toEqual(["second-article"]);
      expect(slugs(collections.byCourse["java-fundamentals"])).toEqual(["first-article"]);
      expect(slugs(collections.list[0]?.related)).toEqual(["first-article"]);
      expect(collections.list[1]?.html).toContain("<strong>world</strong>");

      const beforeSecond = buildArticleCollections(loaded, { now: denver("2026-11-10T00:00"), includeUnpublished: false }, {});
      expect(slugs(beforeSecond.list)).toEqual(["first-article"]);
    } finally {
      await fixture.cleanup();
    }
  });
});

describe("published articles and authors", () => {
  it("keeps a published-only list even in development, and a page per author", () => {
    const collections = buildArticleCollections(
      content([article("live", "2026-01-01"), article("draft-one", "2026-02-01", { draft: true }), article("later", "2027-06-01", { author: "hsg" })]),
      { now: DateTime.fromISO("2026-12-01T09:00:00-07:00") as DateTime<true>, includeUnpublished: true },
      {},
    );
    expect(slugs(collections.list)).toEqual(["later", "draft-one", "live"]);
    expect(slugs(collections.published)).toEqual(["live"]);
    expect(collections.authors.map((author) => [author.id, author.url, slugs(author.articles)])).toEqual([
      ["jane-doe", "/authors/jane-doe/", ["draft-one", "live"]],
      ["hsg", "/authors/hsg/", ["later"]],
    ]);
    expect(collections.list[0]!.byline).toEqual({ name: "Name of hsg", url: "/authors/hsg/" });
  });
});


describe("bounded lists", () => {
  it("feeds hold only the newest published articles, as many as site.yaml's feedEntries", () => {
    const articles = Array.from({ length: 5 }, (_, index) => article(`a${index}`, `2026-10-0${index + 1}`));
    const collections = buildArticleCollections({ ...content(articles), site: { ...site, feedEntries: 2 } }, production, {});
    expect(slugs(collections.feed)).toEqual(["a4", "a3"]);
    expect(collections.published).toHaveLength(5);
  });

  it("splits an author's articles into pages like /articles/, and gives an author without articles one empty page", () => {
    const many = Array.from({ length: ARTICLES_PER_PAGE * 2 + 1 }, (_, index) => article(`a${String(index).padStart(2, "0")}`, `2026-0${1 + (index % 9)}-1${index % 10}`));
    const base = content(many);
    const collections = buildArticleCollections({ ...base, authors: { ...base.authors, quiet: { id: "quiet", name: "Quiet", role: "Writer", bio: "Writes little.", imageJobs: [] } } }, production, {});
    const janePages = collections.authorPages.filter((page) => page.author.id === "jane-doe");
    expect(janePages.map((page) => [page.url, page.items.length, page.total])).toEqual([
      ["/authors/jane-doe/", ARTICLES_PER_PAGE, 3],
      ["/authors/jane-doe/page/2/", ARTICLES_PER_PAGE, 3],
      ["/authors/jane-doe/page/3/", 1, 3],
    ]);
    expect(janePages.flatMap((page) => slugs(page.items))).toEqual(slugs(collections.list));
    expect(collections.authorPages.filter((page) => page.author.id === "quiet").map((page) => [page.url, page.items.length])).toEqual([["/authors/quiet/", 0]]);
  });

  it("finds the same related articles as comparing every pair would, on a varied set", () => {
    // A small deterministic generator: tags drawn from a few, so many articles share one, two or three.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const pool = ["java", "python", "agile", "cloud", "linux", "security", "data"];
    const articles = Array.from({ length: 120 }, (_, index) => {
      const tags = [...new Set(Array.from({ length: 1 + (next() % 4) }, () => pool[next() % pool.length]!))];
      const day = String(1 + (next() % 28)).padStart(2, "0");
      return article(`p${String(index).padStart(3, "0")}`, `2026-0${1 + (next() % 9)}-${day}`, { tags });
    });
    const { list } = buildArticleCollections(content(articles), production, {});
    for (const item of list) {
      const own = new Set(item.tags.map((tag) => tag.slug));
      const expected = list
        .filter((other) => other !== item)
        .map((other) => ({ other, shared: other.tags.filter((tag) => own.has(tag.slug)).length }))
        .filter(({ shared }) => shared > 0)
        .sort((a, b) => b.shared - a.shared || b.other.date.toMillis() - a.other.date.toMillis() || a.other.slug.localeCompare(b.other.slug))
        .slice(0, 3)
        .map(({ other }) => other.slug);
      expect(slugs(item.related), item.slug).toEqual(expected);
    }
  });
});

describe("what the article pages and lists show, chosen by the model", () => {
  const seven = () => content(["a", "b", "c", "d", "e", "f", "g"].map((slug, index) => article(slug, `2026-10-0${index + 1}`)));

  it("gives the home page the newest three and each sidebar the five newest others than the article itself", () => {
    const { list, latest } = buildArticleCollections(seven(), production, {});
    expect(slugs(latest)).toEqual(["g", "f", "e"]);
    expect(slugs(list.find((item) => item.slug === "g")!.others)).toEqual(["f", "e", "d", "c", "b"]);
    expect(slugs(list.find((item) => item.slug === "d")!.others)).toEqual(["g", "f", "e", "c", "b"]);
    expect(slugs(list.find((item) => item.slug === "a")!.others)).toEqual(["g", "f", "e", "d", "c"]);
  });

  it("labels a draft's and a scheduled article's badge, and a published one has none", () => {
    const { list } = buildArticleCollections(mixed(), development, {});
    expect(Object.fromEntries(list.map((item) => [item.slug, item.stateLabel]))).toEqual({
      "scheduled-one": "Scheduled",
      "published-now": undefined,
      "draft-one": "Draft",
      "published-old": undefined,
    });
  });

  it("links the courses an article recommends with their length, leaving out one this build does not have", () => {
    const course = { id: "java-fundamentals", title: "Java Fundamentals", url: "/courses/java-fundamentals/", levelLabel: "Introductory", lengthLabel: "5 days" };
    const { list } = buildArticleCollections(
      content([article("both", "2026-11-01", { relatedCourses: ["java-fundamentals", "draft-course"] })]),
      production,
      { "java-fundamentals": course as unknown as CourseSummary },
    );
    expect(list[0]!.courses).toEqual([course]);
  });
});

/**
 * Thirty saves of one article or another, each derived with `kept`: the lists and saved articles as weak references.
 * A function of its own, so that its frame is gone before the test collects: an async test's suspended frame kept
 * whatever its registers last held, and once V8 had compiled the loop in the middle of it (on a loaded machine) that
 * was a list of an earlier save, alive for no fault of the code under test.
 */
function saveThirtyTimes(kept: KeptArticles) {
  let articles = Array.from({ length: 60 }, (_, index) => article(`article-${index}`, `2026-0${1 + (index % 9)}-1${index % 10}`, { tags: [`Tag ${index % 4}`] }));
  const versions: ArticleSource[] = [];
  const lists: WeakRef<readonly Article[]>[] = [];
  const saved: WeakRef<Article>[] = [];
  for (let save = 0; save < 30; save++) {
    const index = (save * 7) % articles.length;
    versions.push(articles[index]!);
    articles = articles.map((entry, at) => (at === index ? { ...entry, html: `${entry.html}<p>Save ${save}.</p>` } : entry));
    const { list } = deriveArticleCollections(content(articles), articleSettings(development), {}, StageClock.at(NOW), kept);
    lists.push(new WeakRef(list));
    saved.push(new WeakRef(list.find((entry) => entry.slug === articles[index]!.slug)!));
  }
  return { articles, versions, lists, saved };
}

describe("deriveArticleCollections in npm start: what it keeps between saves", () => {
  it("keeps no earlier derivation nor earlier version of a saved article alive, however many saves there are", async () => {
    // Collected only once nothing holds them: a kept article object that held its derivation (or a record of each
    // version of a saved file, which the content cache keeps) would hold every earlier list below.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const kept: KeptArticles = new Map();
    const { articles, versions, lists, saved } = saveThirtyTimes(kept);
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const current = new Set(articles.map((entry) => entry.slug));
    // The last derivation's objects are kept for the next; of the earlier ones, only objects it handed out again.
    expect(lists.flatMap((list, index) => (list.deref() ? [index] : [])).length).toBeLessThanOrEqual(1);
    expect(saved.filter((entry) => entry.deref() !== undefined).length).toBeLessThanOrEqual(current.size);
    expect(kept.size).toBe(articles.length);
    // One record per article, each of its current version: no record of a version a save replaced.
    expect([...kept.values()].filter((record) => versions.includes(record.source))).toEqual([]);
  });
});
