import type { DateTime } from "luxon";
import type { ArticleSource, Content, PersonSource } from "../content/load-content.ts";
import { tagSlug } from "../content/tag-slug.ts";
import { groupBy, uniqueBy } from "../lib/collections.ts";
import { articleUrl, authorUrl, SITE_PATHS, socialImageUrl, tagUrl } from "../urls/site-urls.ts";
import type { BuildContext } from "./build-context.ts";
import { SOCIAL_IMAGE } from "../social/social-image-svg.ts";
import { SITE_TIME_ZONE } from "../time/zone.ts";
import { promotionAsides, type PromotionAsides } from "./promotion-asides.ts";
import { sameParts, StageClock } from "./stage-memo.ts";
import { paginateNamed } from "./paginate.ts";
import type { Article, ArticleCollections, ArticleListPage, CourseLink, CourseSummary, PublicationState, Tag } from "./views.ts";

/** Articles per list page. */
export const ARTICLES_PER_PAGE = 10;

/** At most this many of an article's tags count towards its related articles: keeps the work per article bounded. */
export const RELATED_TAG_LIMIT = 6;

/** How many related articles an article shows. */
export const RELATED_COUNT = 3;

/** How many of the newest articles the home page lists. */
export const LATEST_ARTICLES = 3;

/** How many other articles an article's sidebar lists. */
export const SIDEBAR_ARTICLES = 5;

const STATE_LABELS: Record<PublicationState, string | undefined> = { published: undefined, draft: "Draft", scheduled: "Scheduled" };

/** The state of an article at the build's clock. */
export function publicationState(article: Pick<ArticleSource, "draft" | "date">, context: BuildContext | StageClock): PublicationState {
  if (article.draft) return "draft";
  const clock = context instanceof StageClock ? context : StageClock.at(context.now);
  return clock.reached(article.date) ? "published" : "scheduled";
}

/** The parts of the content the articles stage reads. */
export type ArticleContent = Pick<Content, "articles" | "authors" | "promotions" | "site">;

/** What the articles stage reads of the build's context besides its clock. */
export type ArticleSettings = Pick<BuildContext, "includeUnpublished" | "lastModified">;

/** The build context's ArticleSettings, as a fresh object whose parts the stage memo compares one by one. */
export function articleSettings(context: BuildContext): ArticleSettings {
  return { includeUnpublished: context.includeUnpublished, lastModified: context.lastModified };
}

/**
 * Derives the article lists, tags, neighbours and related articles; drafts and scheduled articles only in
 * development. Each article's recommended courses are resolved against `courses`, and the promotion asides its
 * markers ask for are placed in its HTML here, so an article is built once, complete.
 */
export function buildArticleCollections(content: ArticleContent, context: BuildContext, courses: Readonly<Record<string, CourseSummary>>): ArticleCollections {
  return deriveArticleCollections(content, articleSettings(context), courseLinks(courses), StageClock.at(context.now));
}

/**
 * What the articles show of each course (its links and promotion asides), by id: the articles stage reads this, not
 * the summaries, so that `npm start` keeps the stage, and every article object, after a course's save that changes
 * none of it (its summary, its price): the memo compares each link's fields (src/collections/stage-memo.ts).
 */
export function courseLinks(courses: Readonly<Record<string, CourseSummary>>): Readonly<Record<string, CourseLink>> {
  return Object.fromEntries(Object.entries(courses).map(([id, course]) => [id, courseLink(course)]));
}

/**
 * Each summary's link, made once: a summary is never written to, and `npm start` keeps an unchanged course's summary
 * between builds (src/collections/catalog.ts), so an article object kept from an earlier build holds the very link
 * objects a fresh one would (KeptArticles).
 */
const linkBySummary = new WeakMap<CourseSummary, CourseLink>();

/**
 * Each article object of the last derivation with what it was made from, by the article's file, kept between the
 * builds of `npm start` (StageMemo.records): a save of one article hands the other articles' objects out again, so
 * the read check of src/eleventy/rendered-pages.ts finds their anchors unchanged and works out none of their reads.
 * The articles are one linked graph (neighbours, related, the sidebar's newest), so an object keeps its links in
 * `links`, which each derivation that hands it out points at its own objects; it is handed out only while its
 * links name the same articles, so that nothing of it but those links' objects differs from the last build. One
 * record per article shown by the last derivation, no more: an earlier version of a saved file is let go.
 */
export type KeptArticles = Map<string, KeptArticle>;

/** What an article object links to: set by the derivation that hands it out. */
interface ArticleLinks {
  next: Article | undefined;
  previous: Article | undefined;
  related: Article[];
  others: Article[];
  html: (source: ArticleSource) => string;
}

/** What every article of one derivation reads besides its own file: the promotions and courses its asides show. */
interface ArticleFrame {
  promotions: ArticleContent["promotions"];
  courses: Readonly<Record<string, CourseLink>>;
  /** The stage's clock of that derivation: the asides compare the offers' dates with it, some when a page reads the HTML. */
  clock: StageClock;
}

/** A visible article before its object is made: what deciding whether the last one can be handed out needs. */
interface ArticleEntry {
  source: ArticleSource;
  state: PublicationState;
  modified: DateTime;
  /** The slug of each of its tags, in order, and the tags it shows (each slug once). */
  tagSlugs: readonly string[];
  slugs: readonly string[];
}

/** An article object, the entry it was made from, and what else it read: its byline, tag labels and links' articles. */
interface KeptArticle extends ArticleEntry {
  article: Article;
  links: ArticleLinks;
  frame: ArticleFrame;
  authorName: string;
  labels: string;
  neighbours: string;
}

/**
 * buildArticleCollections, reading the clock only through `clock` (src/collections/stage-memo.ts), so that `npm start`
 * keeps the stage while the articles, authors, promotions, site, courses and settings are the same objects, and the
 * objects of the articles a save did not reach (`kept`) when it does not. Without `kept` (a model derived once) it
 * notes nothing for a next derivation.
 */
export function deriveArticleCollections(
  content: ArticleContent,
  settings: ArticleSettings,
  courses: Readonly<Record<string, CourseLink>>,
  clock: StageClock,
  kept?: KeptArticles,
): ArticleCollections {
  const asides = promotionAsides(content, courses, clock);
  const htmlOf = placedHtml(asides);
  const entries: ArticleEntry[] = content.articles
    .map((source) => ({ source, state: publicationState(source, clock) }))
    .filter(({ state }) => state === "published" || settings.includeUnpublished)
    .sort(newestFirst)
    .map(({ source, state }) => {
      // A kept source's tags are the same strings: their slugs are too.
      const before = kept && keptOf(kept, source);
      const tagSlugs = before?.tagSlugs ?? source.tags.map((tag) => tagSlug(tag));
      return { source, state, modified: lastModified(source, settings), tagSlugs, slugs: before?.slugs ?? uniqueBy(tagSlugs, (slug) => slug) };
    });
  // Labels come from the visible articles only, so a draft's spelling never names a published tag page.
  const labels = tagLabels(entries);
  const related = relatedArticlesOf(entries);
  // The sidebar's "other articles": the newest, but never the article itself, so one more than it shows is enough.
  const recent = entries.slice(0, SIDEBAR_ARTICLES + 1);
  const linked = entries.map((entry, index) => ({
    next: entries[index - 1],
    previous: entries[index + 1],
    related: related(entry),
    others: recent.filter((other) => other !== entry).slice(0, SIDEBAR_ARTICLES),
  }));

  const frame: ArticleFrame = { promotions: content.promotions, courses, clock };
  const frames = new Map<ArticleFrame, boolean>();
  // A frame whose promotions and courses are the same, and whose comparisons with the clock still hold: its
  // comparisons become this derivation's too, since its objects' asides were placed under them.
  const sameFrame = (before: ArticleFrame): boolean => {
    let same = frames.get(before);
    if (same === undefined) {
      same = before === frame || (sameParts(before.promotions, frame.promotions, 1) && sameParts(before.courses, frame.courses, 2) && before.clock.holdsAt(clock));
      if (same && before !== frame) clock.absorb(before.clock);
      frames.set(before, same);
    }
    return same;
  };
  const slugOf = (entry: ArticleEntry | undefined) => entry?.source.slug ?? "";
  const made = entries.map((entry, index): { article: Article; links: ArticleLinks } => {
    const { source, state, modified, slugs } = entry;
    const authorName = content.authors[source.author]!.name;
    // Content ids were checked when loading; a course left out of this build (a draft) is left out here too.
    const linkedCourses = source.relatedCourses.flatMap((id) => (courses[id] ? [courses[id]] : []));
    const links = linked[index]!;
    // What the next derivation compares, worked out only where there is one (`npm start`).
    const shows = kept && {
      neighbours: [slugOf(links.next), slugOf(links.previous), ...links.related.map(slugOf), "", ...links.others.map(slugOf)].join("\n"),
      labels: slugs.map((slug) => labels.get(slug) ?? slug).join("\n"),
    };
    const before = kept && keptOf(kept, source);
    if (
      before &&
      shows &&
      before.article.courses.length === linkedCourses.length &&
      before.article.courses.every((course, at) => course === linkedCourses[at]) &&
      before.state === state &&
      before.modified.equals(modified) &&
      before.authorName === authorName &&
      before.labels === shows.labels &&
      before.neighbours === shows.neighbours &&
      sameFrame(before.frame)
    ) {
      before.frame = frame;
      return before;
    }
    const own: ArticleLinks = { next: undefined, previous: undefined, related: [], others: [], html: htmlOf };
    const article = linkedArticle(
      source,
      {
        ...source,
        url: articleUrl(source.slug),
        byline: { name: authorName, url: authorUrl(source.author) },
        ...sharingImage(source),
        ids: [...source.ids, ...asides.ids(source.promotionMarkers)],
        state,
        ...(STATE_LABELS[state] ? { stateLabel: STATE_LABELS[state] } : {}),
        modified,
        lastmod: isoDate(modified),
        tags: slugs.map((slug) => ({ slug, label: labels.get(slug) ?? slug, url: tagUrl(slug) })),
        courses: linkedCourses,
      },
      own,
    );
    if (kept && shows) kept.set(source.file, { ...entry, article, links: own, frame, authorName, ...shows });
    return { article, links: own };
  });
  const list = made.map(({ article }) => article);
  const articleOf = new Map(entries.map((entry, index) => [entry, list[index]!]));
  const objectOf = (entry: ArticleEntry | undefined) => (entry ? articleOf.get(entry) : undefined);
  made.forEach(({ links }, index) => {
    const found = linked[index]!;
    links.next = objectOf(found.next);
    links.previous = objectOf(found.previous);
    links.related = found.related.map((entry) => articleOf.get(entry)!);
    links.others = found.others.map((entry) => articleOf.get(entry)!);
    links.html = htmlOf;
  });
  if (kept) {
    const shown = new Set(entries.map((entry) => entry.source.file));
    for (const file of kept.keys()) if (!shown.has(file)) kept.delete(file);
  }

  // Labels come from the articles shown, so every tag has at least one article.
  const byTag = groupBy(list, (article) => article.tags.map((tag) => tag.slug));
  const tags: Tag[] = [...labels.entries()]
    .map(([slug, label]) => ({ slug, label, url: tagUrl(slug), articles: byTag[slug] ?? [] }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const byAuthor = groupBy(list, (article) => [article.author]);
  const authors = Object.values(content.authors).map((author) => ({ ...author, url: authorUrl(author.id), articles: byAuthor[author.id] ?? [] }));

  const published = list.filter((article) => article.state === "published");
  return {
    list,
    latest: list.slice(0, LATEST_ARTICLES),
    published,
    feed: published.slice(0, content.site.feedEntries),
    authors,
    authorPages: authors.flatMap(({ articles, ...author }) => articlePages(articles, author.url, { title: author.name, crumb: author.name }).map((page) => ({ ...page, author }))),
    pages: articlePages(list, SITE_PATHS.articles, { title: "Articles", crumb: "Articles" }),
    tags,
    tagPages: tags.flatMap((tag) => articlePages(tag.articles, tag.url, { title: `Articles on ${tag.label}`, crumb: tag.label }).map((page) => ({ ...page, tag: { slug: tag.slug, label: tag.label, url: tag.url } }))),
    byCourse: groupBy(list, (article) => article.relatedCourses),
  };
}

/** The order of every article list: newest first, then by slug, so articles of one date keep a stable order. */
function newestFirst(a: { source: ArticleSource }, b: { source: ArticleSource }): number {
  return b.source.date.toMillis() - a.source.date.toMillis() || a.source.slug.localeCompare(b.source.slug);
}

/** The kept record of `source`'s file, if it was made from this very source. */
function keptOf(kept: KeptArticles, source: ArticleSource): KeptArticle | undefined {
  const before = kept.get(source.file);
  return before?.source === source ? before : undefined;
}

/**
 * Each article's HTML with its asides placed, when a page reads it; only the last one read is kept: `npm run check`
 * derives the model without loading any article's text, and a production build reads each from the content cache
 * when its page renders (src/content/content-cache.ts), so the model never holds every article's HTML. The last one
 * is kept because Nunjucks looks a member up twice (`obj[name]` to test for a function, then to return it). Made
 * here, not in the derivation, so that a kept article's object holds nothing of the derivation but `asides`.
 */
function placedHtml(asides: PromotionAsides): (source: ArticleSource) => string {
  let last: { source: ArticleSource; html: string } | undefined;
  return (source) => {
    if (last?.source !== source) last = { source, html: asides.place(source.html) };
    return last.html;
  };
}

/**
 * An article object: `fields`, with its HTML and links read through `own`, which each derivation that hands the
 * object out points at its own objects. The getters are made here, where they can hold `own` and nothing else: an
 * object kept for the life of `npm start` must not keep the derivation that made it.
 */
function linkedArticle(source: ArticleSource, fields: Omit<Article, "html" | "related" | "others" | "previous" | "next">, own: ArticleLinks): Article {
  return {
    ...fields,
    get html() {
      return own.html(source);
    },
    get related() {
      return own.related;
    },
    get others() {
      return own.others;
    },
    get previous() {
      return own.previous;
    },
    get next() {
      return own.next;
    },
  };
}

/** What an article's link to a course shows. */
function courseLink(course: CourseSummary): CourseLink {
  let link = linkBySummary.get(course);
  if (!link) linkBySummary.set(course, (link = { id: course.id, title: course.title, url: course.url, levelLabel: course.levelLabel, lengthLabel: course.lengthLabel }));
  return link;
}

/** "YYYY-MM-DD" in the site's zone: how the sitemap writes a day. */
function isoDate(value: DateTime): string {
  return value.setZone(SITE_TIME_ZONE).toISODate()!;
}

/**
 * A list of articles split into pages, each knowing its lastmod: a list changes when its newest article appears.
 * An empty list (an author with no article yet) has none, and the sitemap dates it with the build.
 */
function articlePages(articles: readonly Article[], baseUrl: string, name: { title: string; crumb: string }): ArticleListPage[] {
  return paginateNamed(articles, ARTICLES_PER_PAGE, baseUrl, name).map((page) => (page.items[0] ? { ...page, lastmod: isoDate(page.items[0].date) } : page));
}

/** An article's last substantial change, for the sitemap and BlogPosting. */
function lastModified(source: ArticleSource, settings: ArticleSettings): DateTime {
  if (source.updated) return source.updated;
  const fileDate = settings.lastModified?.(source.file);
  return fileDate && fileDate > source.date ? fileDate : source.date;
}

/** The label a tag is shown with: its most used spelling, ties broken alphabetically, so the choice is stable. */
function tagLabels(entries: readonly ArticleEntry[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { source, tagSlugs } of entries) {
    source.tags.forEach((tag, index) => {
      const slug = tagSlugs[index]!;
      const spellings = counts.get(slug) ?? new Map<string, number>();
      spellings.set(tag.trim(), (spellings.get(tag.trim()) ?? 0) + 1);
      counts.set(slug, spellings);
    });
  }
  return new Map(
    [...counts.entries()].map(([slug, spellings]) => {
      const [label] = [...spellings.entries()].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]!;
      return [slug, label];
    }),
  );
}

/**
 * Related articles: the most shared tags first, then the newest. Comparing every article with every other
 * would be quadratic, so the articles are indexed once by every combination of their (first six) tags,
 * newest first. An article then looks at the combinations of its own tags from the largest down: an
 * article found under a combination of s tags shares at least s, and the first few of each list are all
 * that can make the top three. The work per article depends on its tag count, not on the site's size.
 */
function relatedArticlesOf(list: readonly ArticleEntry[]): (article: ArticleEntry) => ArticleEntry[] {
  const tagsOf = new Map(list.map((article) => [article, article.slugs.slice(0, RELATED_TAG_LIMIT).sort()]));
  const index = new Map<string, ArticleEntry[]>();
  for (const article of list) for (const subset of subsets(tagsOf.get(article)!)) {
    const key = subset.join("\n");
    const entries = index.get(key);
    if (entries) entries.push(article);
    else index.set(key, [article]);
  }
  return (article) => {
    const own = tagsOf.get(article)!;
    const ownSet = new Set(own);
    const shared = (other: ArticleEntry) => tagsOf.get(other)!.filter((slug) => ownSet.has(slug)).length;
    const chosen: ArticleEntry[] = [];
    const taken = new Set<ArticleEntry>([article]);
    const bySize = groupBy(subsets(own), (subset) => [String(subset.length)]);
    for (let size = own.length; size >= 1 && chosen.length < RELATED_COUNT; size--) {
      // Every article sharing more than `size` tags was taken at a larger size, so at most RELATED_COUNT
      // entries of a list are skipped before its newest candidates sharing exactly `size`.
      const candidates = new Set<ArticleEntry>();
      for (const subset of bySize[String(size)] ?? []) {
        let found = 0;
        for (const other of index.get(subset.join("\n")) ?? []) {
          if (found >= RELATED_COUNT) break;
          if (taken.has(other) || shared(other) !== size) continue;
          candidates.add(other);
          found++;
        }
      }
      const newest = [...candidates].sort(newestFirst).slice(0, RELATED_COUNT - chosen.length);
      for (const other of newest) {
        chosen.push(other);
        taken.add(other);
      }
    }
    return chosen;
  };
}

/** Every non-empty subset of a short list, each in the list's order. */
function subsets<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) result.push(items.filter((_, bit) => (mask & (1 << bit)) !== 0));
  return result;
}

/** A lead image is what the article is shared with (its largest fallback, at most 1200 pixels wide); otherwise the generated card. */
function sharingImage(source: ArticleSource): Pick<Article, "socialImage" | "socialImageSize"> {
  if (source.leadImage) return { socialImage: source.leadImage.src, socialImageSize: { width: source.leadImage.width, height: source.leadImage.height } };
  return { socialImage: socialImageUrl("articles", source.slug), socialImageSize: { ...SOCIAL_IMAGE } };
}
