import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BuildContext } from "../../src/collections/build-context.ts";
import { SIDEBAR_ARTICLES } from "../../src/collections/articles.ts";
import { buildSiteModel, type SiteModel } from "../../src/collections/site-model.ts";
import type { Article } from "../../src/collections/views.ts";
import { atomFeed } from "../../src/feeds/article-feeds.ts";
import { contentParts, StageClock, StageMemo } from "../../src/collections/stage-memo.ts";
import { ContentCache } from "../../src/content/content-cache.ts";
import { loadContent, type ArticleSource, type Content } from "../../src/content/load-content.ts";
import { CLOCKS } from "../support/build-site.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";

/**
 * The model as text, every object written once and named by number where it is met again (the model is a graph:
 * neighbours, other dates), a date by its ISO text: two models give the same text exactly when they hold the same.
 */
function canonical(value: unknown, seen = new Map<object, number>()): string {
  if (typeof value === "function") return "fn";
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
  if (DateTime.isDateTime(value)) return `date:${value.toISO()}`;
  const known = seen.get(value);
  if (known !== undefined) return `@${known}`;
  seen.set(value, seen.size);
  if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry, seen)).join(",")}]`;
  return `{${Object.entries(value).map(([key, entry]) => `${key}:${canonical(entry, seen)}`).join(",")}}`;
}

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }) as DateTime<true>;

describe("StageClock", () => {
  it("answers each comparison for as long as no compared instant lies between the two clocks", () => {
    const clock = StageClock.at(at("2026-12-01T09:00:00Z"));
    expect(clock.reached(at("2026-11-30T00:00:00Z"))).toBe(true);
    expect(clock.reached(at("2026-12-03T00:00:00Z"))).toBe(false);
    expect(clock.holdsAt(StageClock.at(at("2026-11-30T00:00:01Z")))).toBe(true);
    expect(clock.holdsAt(StageClock.at(at("2026-12-02T23:59:59Z")))).toBe(true);
    // On the compared instant itself `reached` would answer true: the answer changed.
    expect(clock.holdsAt(StageClock.at(at("2026-12-03T00:00:00Z")))).toBe(false);
    expect(clock.holdsAt(StageClock.at(at("2026-11-30T00:00:00Z")))).toBe(false);
  });

  it("holds only at its own millisecond once it compared now itself", () => {
    const clock = StageClock.at(at("2026-12-01T09:00:00Z"));
    expect(clock.reached(at("2026-12-01T09:00:00Z"))).toBe(true);
    expect(clock.holdsAt(StageClock.at(at("2026-12-01T09:00:00Z")))).toBe(true);
    expect(clock.holdsAt(StageClock.at(at("2026-12-01T09:00:00.001Z")))).toBe(false);
    expect(clock.holdsAt(StageClock.at(at("2026-12-01T08:59:59.999Z")))).toBe(false);
  });

  it("answers `passed` for instants strictly before now, and holds while no compared instant lies between", () => {
    const clock = StageClock.at(at("2026-12-01T09:00:00Z"));
    expect(clock.passed(at("2026-12-01T08:00:00Z"))).toBe(true);
    expect(clock.passed(at("2026-12-01T10:00:00Z"))).toBe(false);
    expect(clock.holdsAt(StageClock.at(at("2026-12-01T08:30:00Z")))).toBe(true);
    expect(clock.holdsAt(StageClock.at(at("2026-12-01T08:00:00Z")))).toBe(false);
    // Now itself is not past; having compared it, the answers hold at that millisecond only.
    const exact = StageClock.at(at("2026-12-01T09:00:00Z"));
    expect(exact.passed(at("2026-12-01T09:00:00Z"))).toBe(false);
    expect(exact.holdsAt(StageClock.at(at("2026-12-01T09:00:00Z")))).toBe(true);
    expect(exact.holdsAt(StageClock.at(at("2026-12-01T09:00:00.001Z")))).toBe(false);
  });

  it("holds at any time when nothing was compared, and starts afresh for each stage", () => {
    const clock = StageClock.at(at("2026-12-01T09:00:00Z"));
    clock.reached(at("2026-12-02T00:00:00Z"));
    const fresh = clock.fresh();
    expect(fresh.holdsAt(StageClock.at(at("2030-01-01T00:00:00Z")))).toBe(true);
    expect(clock.holdsAt(StageClock.at(at("2030-01-01T00:00:00Z")))).toBe(false);
  });
});

describe("StageMemo", () => {
  const entries = [{ id: "a" }, { id: "b" }];

  it("hands back the last output when each input holds the same entries, even in new containers", () => {
    const memo = new StageMemo();
    const build = (parts: { list: readonly { id: string }[] }) => ({ ids: parts.list.map((entry) => entry.id) });
    const first = memo.derive("ids", [{ list: [...entries] }], build);
    const second = memo.derive("ids", [{ list: [...entries] }], build);
    expect(second).toBe(first);
    expect(memo.stats).toEqual({ derived: 1, reused: 1 });
  });

  it("keeps one store of records per stage, and none in a memo for a model derived once", () => {
    const memo = new StageMemo();
    expect(memo.records("articles")).toBe(memo.records("articles"));
    expect(memo.records("articles")).not.toBe(memo.records("schedule"));
    expect(new StageMemo({ records: false }).records("articles")).toBeUndefined();
  });

  it("derives again when an entry is another object, an entry is added, or a plain value differs", () => {
    const memo = new StageMemo();
    const build = (parts: { list: readonly { id: string }[]; label: string }) => `${parts.label}:${parts.list.map((entry) => entry.id).join(",")}`;
    expect(memo.derive("ids", [{ list: entries, label: "x" }], build)).toBe("x:a,b");
    expect(memo.derive("ids", [{ list: [entries[0]!, { id: "c" }], label: "x" }], build)).toBe("x:a,c");
    expect(memo.derive("ids", [{ list: [entries[0]!, { id: "c" }, { id: "d" }], label: "x" }], build)).toBe("x:a,c,d");
    expect(memo.derive("ids", [{ list: [entries[0]!, { id: "c" }, { id: "d" }], label: "y" }], build)).toBe("y:a,c,d");
    expect(memo.stats.reused).toBe(0);
  });

  it("derives again once the clock passes an instant the stage compared, and not before", () => {
    const memo = new StageMemo();
    const deadline = at("2026-12-10T00:00:00Z");
    const build = (clock: StageClock) => (clock.reached(deadline) ? "closed" : "open");
    expect(memo.derive("state", [StageClock.at(at("2026-12-01T00:00:00Z"))], build)).toBe("open");
    expect(memo.derive("state", [StageClock.at(at("2026-12-09T23:59:59Z"))], build)).toBe("open");
    expect(memo.stats.reused).toBe(1);
    expect(memo.derive("state", [StageClock.at(at("2026-12-10T00:00:00Z"))], build)).toBe("closed");
    expect(memo.stats.derived).toBe(2);
  });
});

describe("the model's stages kept between builds of `npm start`", () => {
  const development: BuildContext = { now: at(CLOCKS.december), includeUnpublished: true };
  // Loaded once for both tests: each build below derives from it and never writes into it (model-one-way.test.ts).
  let loaded: Promise<Content> | undefined;
  const load = () => (loaded ??= loadContent(FIXTURE_ROOT, { cache: new ContentCache(FIXTURE_ROOT, { disk: false }) }));
  /** The content as the next load gives it after an editor changed one article: every other entry the same object. */
  const withArticleEdited = (content: Content): Content => ({
    ...content,
    site: { ...content.site },
    articles: content.articles.map((article, index) => (index === 0 ? { ...article, title: `${article.title}, edited`, html: `${article.html}<p>Edited.</p>` } : article)),
  });

  it("reuses the schedule and its references after an article's save, and the model equals one derived afresh", async () => {
    const content = await load();
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const edited = withArticleEdited(content);
    const after = buildSiteModel(edited, development, undefined, memo);
    expect(after.schedule).toBe(before.schedule);
    expect(after.articles === before.articles).toBe(false);
    // By identity, not toBe: a failing toBe compares the two graphs deeply to word its message, which takes a minute.
    expect(after.catalog.byId === before.catalog.byId).toBe(false);
    expect(after.articles.list.find((article) => article.slug === content.articles[0]!.slug)!.title).toMatch(/, edited$/);
    expect(canonical(after)).toBe(canonical(buildSiteModel(edited, development)));
  });

  it("counts a kept class's comparisons with the clock on its stage's clock, so the stage is derived again when the class's deadline passes", async () => {
    const content = await load();
    const memo = new StageMemo();
    const fresh = buildSiteModel(content, development);
    const [kept, edited] = fresh.schedule.upcoming.filter((candidate) => !candidate.registrationDeadline.passed && candidate.availability !== "full");
    expect(kept && edited).toBeTruthy();
    const before: BuildContext = { ...development, now: kept!.registrationDeadline.at.minus({ minutes: 1 }) as DateTime<true> };
    const after: BuildContext = { ...development, now: kept!.registrationDeadline.at.plus({ minutes: 1 }) as DateTime<true> };
    buildSiteModel(content, before, undefined, memo);
    // Another class's save: the stage is derived again, the kept class's resolution taken from the last build.
    const changed = { ...content, sessions: content.sessions.map((entry) => (entry.id === edited!.id ? { ...entry, enrolled: entry.enrolled + 1 } : entry)) };
    const saved = buildSiteModel(changed, before, undefined, memo);
    expect(saved.schedule.upcoming.find((candidate) => candidate.id === kept!.id)!.registrationDeadline.passed).toBe(false);
    // Nothing saved, and the kept class's deadline passes: only the stage's clock can tell.
    const later = buildSiteModel(changed, after, undefined, memo);
    expect(later.schedule.upcoming.find((candidate) => candidate.id === kept!.id)?.registrationDeadline.passed ?? true).toBe(true);
    expect(canonical(later)).toBe(canonical(buildSiteModel(changed, after)));
  });

  it("resolves again only the classes of a course whose file changed, not those its instructors teach, and the model equals one derived afresh", async () => {
    const content = await load();
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const edited = before.schedule.upcoming[0]!.courseId;
    const changed = { ...content, courses: Object.fromEntries(Object.entries(content.courses).map(([id, course]) => [id, id === edited ? { ...course, title: `${course.title}, edited` } : course])) };
    const after = buildSiteModel(changed, development, undefined, memo);
    const meetingsOf = (model: typeof before, id: string) => model.schedule.upcoming.find((candidate) => candidate.id === id)!.meetings;
    const ofCourse = before.schedule.upcoming.filter((session) => session.courseId === edited);
    // A class shows its instructor's profile, which does not list their courses: the classes of every other course
    // keep their resolution, those taught by the course's instructors too; the instructors' pages show the new title.
    const others = before.schedule.upcoming.filter((session) => session.courseId !== edited);
    const teachers = new Set(ofCourse.map((session) => session.instructor.id));
    expect(others.some((session) => teachers.has(session.instructor.id))).toBe(true);
    expect(after.instructors.filter((person) => teachers.has(person.id)).every((person) => person.courses.some((course) => course.title.endsWith(", edited")))).toBe(true);
    expect(others.every((session) => meetingsOf(after, session.id) === session.meetings)).toBe(true);
    expect(ofCourse.some((session) => meetingsOf(after, session.id) === session.meetings)).toBe(false);
    expect(after.schedule.upcoming.filter((session) => session.courseId === edited).every((session) => session.course.title.endsWith(", edited"))).toBe(true);
    expect(canonical(after)).toBe(canonical(buildSiteModel(changed, development)));
  });

  it("keeps every article after a course's save that changes nothing an article shows of it, and derives them again when its title changes", async () => {
    const content = await load();
    const memo = new StageMemo();
    const linked = content.articles.flatMap((article) => article.relatedCourses)[0];
    expect(linked).toBeDefined();
    const editCourse = (from: Content, edit: (course: Content["courses"][string]) => Content["courses"][string]): Content => ({
      ...from,
      courses: Object.fromEntries(Object.entries(from.courses).map(([id, course]) => [id, id === linked ? edit(course) : course])),
    });
    const before = buildSiteModel(content, development, undefined, memo);
    const summaryEdited = editCourse(content, (course) => ({ ...course, summary: `${course.summary} Edited.` }));
    const afterSummary = buildSiteModel(summaryEdited, development, undefined, memo);
    expect(afterSummary.articles === before.articles).toBe(true);
    expect(afterSummary.catalog.byId[linked!]!.summary).toMatch(/ Edited\.$/);
    expect(canonical(afterSummary)).toBe(canonical(buildSiteModel(summaryEdited, development)));
    const titleEdited = editCourse(summaryEdited, (course) => ({ ...course, title: `${course.title}, edited` }));
    const afterTitle = buildSiteModel(titleEdited, development, undefined, memo);
    expect(afterTitle.articles === before.articles).toBe(false);
    expect(afterTitle.articles.list.flatMap((article) => article.courses).filter((course) => course.id === linked).every((course) => course.title.endsWith(", edited"))).toBe(true);
    expect(canonical(afterTitle)).toBe(canonical(buildSiteModel(titleEdited, development)));
  });

  /**
   * What an article object shows apart from the objects its links reach: its own fields, and which articles its links
   * name. The read check of `npm start` trusts a kept object to show all of this as it did (src/eleventy/rendered-pages.ts).
   */
  const shown = (article: Article) => {
    const { related, others, next, previous, ...own } = article;
    const slugs = (list: readonly (Article | undefined)[]) => list.map((other) => other?.slug ?? "none");
    return canonical({ ...own, html: article.html, links: [slugs([next, previous]), slugs(related), slugs(others)] });
  };

  /** Every article of `after` that is `before`'s object, and whether each shows what it showed in `before`. */
  const keptArticles = (before: Map<Article, string>, after: SiteModel) => after.articles.list.filter((article) => before.has(article));

  it("hands out the last article objects after one article's save, each showing what it showed, its links pointing at this build's objects", async () => {
    const content = await load();
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const shownBefore = new Map(before.articles.list.map((article) => [article, shown(article)]));
    const edited = withArticleEdited(content);
    const after = buildSiteModel(edited, development, undefined, memo);
    const kept = keptArticles(shownBefore, after);
    const editedSlug = content.articles[0]!.slug;
    expect(kept.some((article) => article.slug === editedSlug)).toBe(false);
    // The edited article's title is not a link's: every other article keeps its object.
    expect(kept.length).toBe(after.articles.list.length - 1);
    expect(kept.filter((article) => shown(article) !== shownBefore.get(article))).toEqual([]);
    const objects = new Set(after.articles.list);
    const linked = after.articles.list.flatMap((article) => [...article.related, ...article.others, ...(article.next ? [article.next] : []), ...(article.previous ? [article.previous] : [])]);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((article) => objects.has(article))).toBe(true);
    expect(canonical(after)).toBe(canonical(buildSiteModel(edited, development)));
  });

  it("hands an article object out again exactly when it shows what it showed, after saves that change tags and order", async () => {
    const content = await load();
    const memo = new StageMemo();
    let last = buildSiteModel(content, development, undefined, memo);
    const byDate = [...content.articles].sort((a, b) => b.date.toMillis() - a.date.toMillis());
    expect(byDate.length).toBeGreaterThan(SIDEBAR_ARTICLES + 2);
    const [newest, older] = [byDate[0]!, byDate[SIDEBAR_ARTICLES + 1]!];
    // An article outside the sidebar's newest takes the newest's tags (the related lists move); every article spells
    // one tag in capitals (its label changes, its slug does not); then the oldest becomes the newest (every sidebar moves).
    // The most used tag, respelled in all but its last article: that article's file is the same, its label is not.
    const uses = new Map<string, ArticleSource[]>();
    for (const article of content.articles) for (const tag of article.tags) uses.set(tag, [...(uses.get(tag) ?? []), article]);
    const [respelled, tagged] = [...uses].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(tagged.length).toBeGreaterThanOrEqual(3);
    expect(respelled.toUpperCase() === respelled).toBe(false);
    // A course some article links to, priced anew: its summary is a new object, what an article shows of it is not.
    const linked = content.articles.flatMap((article) => article.relatedCourses)[0]!;
    const edits = [
      (from: Content): Content => ({ ...from, courses: { ...from.courses, [linked]: { ...from.courses[linked]!, priceUSD: (from.courses[linked]!.priceUSD ?? 0) + 100 } } }),
      (from: Content): Content => ({ ...from, articles: from.articles.map((article) => (article.slug === older.slug ? { ...article, tags: [...newest.tags] } : article)) }),
      // The author of that article renamed: the bylines of their articles change, their files do not.
      (from: Content): Content => ({ ...from, authors: { ...from.authors, [older.author]: { ...from.authors[older.author]!, name: `${from.authors[older.author]!.name} Jr.` } } }),
      (from: Content): Content => ({
        ...from,
        articles: from.articles.map((article) => (article.tags.includes(respelled) && article !== tagged[tagged.length - 1] ? { ...article, tags: article.tags.map((tag) => (tag === respelled ? tag.toUpperCase() : tag)) } : article)),
      }),
      (from: Content): Content => ({ ...from, articles: from.articles.map((article) => (article.slug === byDate[byDate.length - 1]!.slug ? { ...article, date: newest.date.plus({ days: 1 }) } : article)) }),
    ];
    let current = content;
    const kept: number[] = [];
    for (const edit of edits) {
      const shownBefore = new Map(last.articles.list.map((article) => [article.slug, { article, shown: shown(article) }]));
      current = edit(current);
      const next = buildSiteModel(current, development, undefined, memo);
      // A kept object shows what it showed; any other article shows something new, or links the repriced course
      // (whose link is a new object with the same fields, which a fresh derivation would share).
      const wrong = next.articles.list.filter((article) => {
        const before = shownBefore.get(article.slug);
        const same = before?.shown === shown(article);
        return before?.article === article ? !same : same && !article.relatedCourses.includes(linked);
      });
      expect(wrong.map((article) => article.slug)).toEqual([]);
      kept.push(next.articles.list.filter((article) => shownBefore.get(article.slug)?.article === article).length);
      expect(canonical(next)).toBe(canonical(buildSiteModel(current, development)));
      last = next;
    }
    // The course's save keeps every article, the next three most, the last none: every sidebar lists the moved article now.
    expect(kept[0]).toBe(content.articles.length);
    expect(kept.slice(1, 4).every((count) => count > 0)).toBe(true);
    expect(kept[4]).toBe(0);
  });

  it("keeps no article object when a promotion changes, since each article's asides may show it", async () => {
    const content = await load();
    expect(content.promotions.length).toBeGreaterThan(0);
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const edited: Content = { ...content, articles: [...content.articles], promotions: content.promotions.map((promotion, index) => (index === 0 ? { ...promotion } : promotion)) };
    const after = buildSiteModel(edited, development, undefined, memo);
    expect(keptArticles(new Map(before.articles.list.map((article) => [article, ""])), after)).toEqual([]);
    expect(canonical(after)).toBe(canonical(buildSiteModel(edited, development)));
  });

  it("writes a kept article into the feeds with the site address of the build that asks", async () => {
    const content = await load();
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const moved: Content = { ...content, site: { ...content.site, url: "https://moved.example" } };
    const after = buildSiteModel(moved, development, undefined, memo);
    const article = after.articles.published.find((candidate) => before.articles.list.includes(candidate) && /href="\//.test(candidate.html));
    expect(article).toBeDefined();
    const feed = async (model: SiteModel) => atomFeed({ site: model.content.site, articles: [article!] });
    expect(await feed(before)).toContain(`href=&quot;${content.site.url}/`);
    const afterFeed = await feed(after);
    expect(afterFeed).toContain("href=&quot;https://moved.example/");
    expect(afterFeed).not.toContain(`href=&quot;${content.site.url}/`);
  });

  it("derives the schedule again when a class changes, or when the clock passes a class's deadline", async () => {
    const content = await load();
    const memo = new StageMemo();
    const before = buildSiteModel(content, development, undefined, memo);
    const session = before.schedule.upcoming.find((candidate) => !candidate.registrationDeadline.passed)!;
    const changed = { ...content, sessions: content.sessions.map((entry) => (entry.id === session.id ? { ...entry, enrolled: entry.enrolled + 1 } : entry)) };
    const afterSave = buildSiteModel(changed, development, undefined, memo);
    expect(afterSave.schedule === before.schedule).toBe(false);
    // Only the changed class is resolved again: the others keep their resolved parts (their meetings, say).
    const meetingsOf = (model: typeof before, id: string) => model.schedule.upcoming.find((candidate) => candidate.id === id)!.meetings;
    const others = before.schedule.upcoming.filter((candidate) => candidate.id !== session.id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((other) => meetingsOf(afterSave, other.id) === other.meetings)).toBe(true);
    expect(meetingsOf(afterSave, session.id) === session.meetings).toBe(false);
    // The classes of other courses are the very objects of the last build; those of its course are new, as each
    // lists the others as its other dates.
    const classOf = (model: typeof before, id: string) => model.schedule.upcoming.find((candidate) => candidate.id === id);
    const otherCourses = others.filter((other) => other.courseId !== session.courseId);
    expect(otherCourses.length).toBeGreaterThan(0);
    expect(otherCourses.every((other) => classOf(afterSave, other.id) === other)).toBe(true);
    expect(before.schedule.upcoming.filter((other) => other.courseId === session.courseId).some((other) => classOf(afterSave, other.id) === other)).toBe(false);
    expect(afterSave.schedule.upcoming.find((candidate) => candidate.id === session.id)!.seatsLeft).toBe(session.seatsLeft === 0 ? 0 : session.seatsLeft - 1);
    // A class is not an article's input: the articles are kept, every object of them.
    expect(afterSave.articles === before.articles).toBe(true);
    expect(canonical(afterSave)).toBe(canonical(buildSiteModel(changed, development)));

    const later: BuildContext = { ...development, now: session.registrationDeadline.at.plus({ minutes: 1 }) as DateTime<true> };
    const afterDeadline = buildSiteModel(changed, later, undefined, memo);
    expect(afterDeadline.schedule.upcoming.find((candidate) => candidate.id === session.id)?.registrationDeadline.passed ?? true).toBe(true);
    expect(canonical(afterDeadline)).toBe(canonical(buildSiteModel(changed, later)));
  });
});
