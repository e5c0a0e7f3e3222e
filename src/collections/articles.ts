import type { ArticleSource, Content } from "../content/load-content.ts";
import type { Person } from "../schemas/person.ts";
import { tagSlug } from "../content/tag-slug.ts";
import { groupBy } from "../lib/group-by.ts";
import type { BuildContext } from "./build-context.ts";
import { socialImagePath } from "../social/social-image-svg.ts";
import { paginate, type ListPage } from "./paginate.ts";

/** Articles per list page. */
export const ARTICLES_PER_PAGE = 10;

/** Whether an article is live, or visible only in development. */
export type PublicationState = "published" | "draft" | "scheduled";

/** A tag as pages show it: one label and one URL, whatever spelling an editor used. */
export interface TagRef {
  slug: string;
  label: string;
  url: string;
}

/** An author with their page and articles. */
export interface Author extends Person {
  url: string;
  /** The articles this build shows, newest first. */
  articles: Article[];
}

/** The URL of an author's page. */
export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

/** The URL of a tag's first page. */
export function tagUrl(slug: string): string {
  return `/articles/tags/${slug}/`;
}

/** An article ready to render. */
export interface Article extends Omit<ArticleSource, "tags"> {
  url: string;
  /** The author's name and page. */
  byline: { name: string; url: string };
  /** The 1200x630 image shown when the article is shared. */
  socialImage: string;
  html: string;
  readingMinutes: number;
  state: PublicationState;
  tags: TagRef[];
  /** Up to three other articles, most shared tags first. */
  related: Article[];
  /** The next older article. */
  previous?: Article;
  /** The next newer article. */
  next?: Article;
}

/** A tag with its articles, newest first. */
export interface Tag extends TagRef {
  articles: Article[];
}

/** One page of a tag's article list. */
export interface TagPage extends ListPage<Article> {
  tag: TagRef;
}

/** Everything the article pages need, derived once per build. */
export interface ArticleCollections {
  /** The articles this build shows, newest first (in development, drafts and scheduled ones too). */
  list: Article[];
  /** Only the published articles, newest first: what feeds and "further reading" offer, even in development. */
  published: Article[];
  /** Every author, with their articles newest first: a page each, even before their first article. */
  authors: Author[];
  /** /articles/ split into pages. */
  pages: ListPage<Article>[];
  /** Every tag, by name. */
  tags: Tag[];
  /** Each tag's pages. */
  tagPages: TagPage[];
  /** Articles that name a course id in relatedCourses. */
  byCourse: Record<string, Article[]>;
}

/** The state of an article at the build's clock. */
export function publicationState(article: Pick<ArticleSource, "draft" | "date">, context: BuildContext): PublicationState {
  if (article.draft) return "draft";
  return article.date > context.now ? "scheduled" : "published";
}

/** Derives the article lists, tags, neighbours and related articles; drafts and scheduled articles only in development. */
export function buildArticleCollections(content: Content, context: BuildContext): ArticleCollections {
  const visible = content.articles
    .map((source) => ({ source, state: publicationState(source, context) }))
    .filter(({ state }) => state === "published" || context.includeUnpublished);
  // Labels come from the visible articles only, so a draft's spelling never names a published tag page.
  const labels = tagLabels(visible.map(({ source }) => source));
  const list: Article[] = visible
    .sort((a, b) => b.source.date.toMillis() - a.source.date.toMillis() || a.source.slug.localeCompare(b.source.slug))
    .map(({ source, state }) => ({
      ...source,
      url: `/articles/${source.slug}/`,
      byline: { name: content.authors[source.author]!.name, url: authorUrl(source.author) },
      socialImage: socialImagePath("articles", source.slug),
      state,
      tags: uniqueBy(source.tags.map((tag) => tagSlug(tag)), (slug) => slug).map((slug) => ({ slug, label: labels.get(slug) ?? slug, url: tagUrl(slug) })),
      related: [],
    }));

  list.forEach((article, index) => {
    const next = list[index - 1];
    const previous = list[index + 1];
    if (next) article.next = next;
    if (previous) article.previous = previous;
    article.related = relatedArticles(article, list);
  });

  // Labels come from the articles shown, so every tag has at least one article.
  const tags: Tag[] = [...labels.entries()]
    .map(([slug, label]) => ({ slug, label, url: tagUrl(slug), articles: list.filter((article) => article.tags.some((tag) => tag.slug === slug)) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const byAuthor = groupBy(list, (article) => [article.author]);

  return {
    list,
    published: list.filter((article) => article.state === "published"),
    authors: Object.values(content.authors).map((author) => ({ ...author, url: authorUrl(author.id), articles: byAuthor[author.id] ?? [] })),
    pages: paginate(list, ARTICLES_PER_PAGE, "/articles/"),
    tags,
    tagPages: tags.flatMap((tag) => paginate(tag.articles, ARTICLES_PER_PAGE, tag.url).map((page) => ({ ...page, tag: { slug: tag.slug, label: tag.label, url: tag.url } }))),
    byCourse: groupBy(list, (article) => article.relatedCourses),
  };
}

/** The label a tag is shown with: its most used spelling, ties broken alphabetically, so the choice is stable. */
function tagLabels(articles: readonly ArticleSource[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const tag of articles.flatMap((article) => article.tags)) {
    const spellings = counts.get(tagSlug(tag)) ?? new Map<string, number>();
    spellings.set(tag.trim(), (spellings.get(tag.trim()) ?? 0) + 1);
    counts.set(tagSlug(tag), spellings);
  }
  return new Map(
    [...counts.entries()].map(([slug, spellings]) => {
      const [label] = [...spellings.entries()].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]!;
      return [slug, label];
    }),
  );
}

function relatedArticles(article: Article, list: readonly Article[]): Article[] {
  const own = new Set(article.tags.map((tag) => tag.slug));
  return list
    .filter((other) => other !== article)
    .map((other) => ({ other, shared: other.tags.filter((tag) => own.has(tag.slug)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.other.date.toMillis() - a.other.date.toMillis())
    .slice(0, 3)
    .map(({ other }) => other);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}
