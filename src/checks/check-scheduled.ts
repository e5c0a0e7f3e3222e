import { ARTICLES_PER_PAGE } from "../collections/articles.ts";
import type { SiteModel } from "../collections/site-model.ts";
import type { ArticleSource } from "../content/located.ts";
import { fieldName, type ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { tagSlug } from "../content/tag-slug.ts";
import { fromFieldOf, redirectProblems, type RedirectRule } from "../netlify/redirect-rules.ts";
import { splatPrefix } from "../urls/safe-urls.ts";
import { articleUrl, authorUrl, listPageUrl, SITE_PATHS, tagUrl } from "../urls/site-urls.ts";
import { checkLinks, type LinkedBody, type LinkTargets } from "./check-links.ts";

/** An article whose date has not come at the build's clock, and its body as the link check reads it. */
export interface ScheduledArticle {
  source: ArticleSource;
  body: LinkedBody;
}

/**
 * The links and aliases of each article whose date has not come, checked now as the build that publishes it will
 * check them: that build may be the hourly one, with no editor there to mend a link. A scheduled article may link to
 * the pages there once it and the articles of its date or before are out; its aliases must lead from no page to its
 * own address; and no redirect may lead from a page that publishing one will bring, which would then stop being followed.
 */
export function checkScheduled(
  model: SiteModel,
  scheduled: readonly ScheduledArticle[],
  targets: LinkTargets,
  rules: readonly RedirectRule[],
  site: { isWritten: (sitePath: string) => boolean; anythingUnder: (prefix: string) => boolean },
): ContentProblem[] {
  const { isWritten, anythingUnder } = site;
  if (scheduled.length === 0) return [];
  const byDate = [...scheduled].sort((a, b) => a.source.date.toMillis() - b.source.date.toMillis());
  const broughtBy = pagesBroughtBy(model, byDate, targets.paths);
  // One set grown date by date: each article is checked against the pages there once the articles of its date are out.
  const paths = new Set(targets.paths);
  const linkProblems: ContentProblem[] = [];
  for (let at = 0; at < byDate.length; ) {
    const date = byDate[at]!.source.date.toMillis();
    let end = at;
    while (end < byDate.length && byDate[end]!.source.date.toMillis() === date) end++;
    for (const [sitePath, source] of broughtBy) if (source.date.toMillis() === date) paths.add(sitePath);
    for (const { body } of byDate.slice(at, end)) linkProblems.push(...checkLinks([body], { ...targets, paths }));
    at = end;
  }
  const aliases = scheduled.map(({ source, body }) => source.aliases.map((alias, index): RedirectRule => ({ from: alias, to: body.pageUrl, file: source.file, field: ["aliases", index] })));
  // Each article's aliases lead to its own address, a page once it is out; another's address is a page coming, below.
  const aliasProblems = aliases.flatMap((own, index) => redirectProblems(own, (sitePath) => isWritten(sitePath) || normaliseSitePath(sitePath) === normaliseSitePath(scheduled[index]!.body.pageUrl), model.content.lineOf, { anythingUnder }));
  const comingPages = [...rules, ...aliases.flat()].flatMap((rule): ContentProblem[] => {
    if (rule.derived) return [];
    const prefix = splatPrefix(rule.from);
    // A splat over pages written now is refused already (redirectProblems).
    if (prefix && anythingUnder(prefix)) return [];
    const from = normaliseSitePath(rule.from);
    const coming = prefix ? [...broughtBy].find(([sitePath]) => sitePath.startsWith(prefix)) : broughtBy.has(from) ? ([from, broughtBy.get(from)!] as const) : undefined;
    if (!coming) return [];
    const [page, source] = coming;
    const field = fromFieldOf(rule);
    const line = model.content.lineOf(rule.file, field);
    const what = prefix ? `"${rule.from}" will cover "${page}", a page of this site` : `"${rule.from}" becomes a page of this site`;
    return [{ file: rule.file, ...(line ? { line } : {}), field: fieldName(field), message: `${what} when ${source.file} is published on ${source.date.toISODate()}: a redirect from it would stop being followed then` }];
  });
  return [...linkProblems, ...aliasProblems, ...comingPages];
}

/**
 * The pages that publishing the scheduled articles (in date order) will bring, each by the article that first brings
 * it: its own page, its tags' first pages, and the further page of the article list, of a tag's list or of its
 * author's list that it pushes over ARTICLES_PER_PAGE. Pages the build writes now are not among them.
 */
function pagesBroughtBy(model: SiteModel, byDate: readonly ScheduledArticle[], written: ReadonlySet<string>): Map<string, ArticleSource> {
  const listed = new Set(model.articles.list.map((article) => article.url));
  const counts = new Map<string, number>();
  const count = (base: string) => counts.set(base, (counts.get(base) ?? 0) + 1).get(base)!;
  const listsOf = (source: ArticleSource) => [SITE_PATHS.articles, authorUrl(source.author), ...[...new Set(source.tags.map(tagSlug))].map(tagUrl)];
  for (const source of model.content.articles) if (listed.has(articleUrl(source.slug))) for (const base of listsOf(source)) count(base);
  const broughtBy = new Map<string, ArticleSource>();
  const bring = (url: string, source: ArticleSource) => {
    const sitePath = normaliseSitePath(url);
    if (!written.has(sitePath) && !broughtBy.has(sitePath)) broughtBy.set(sitePath, source);
  };
  for (const { source, body } of byDate) {
    bring(body.pageUrl, source);
    for (const base of listsOf(source)) bring(listPageUrl(base, Math.ceil(count(base) / ARTICLES_PER_PAGE)), source);
  }
  return broughtBy;
}
