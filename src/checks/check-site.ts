import { publicationState } from "../collections/articles.ts";
import { promotionAsideId } from "../collections/promotion-asides.ts";
import type { BuildContext } from "../collections/build-context.ts";
import { withCoursesOnly } from "../collections/drafts.ts";
import { buildSiteModel, type SiteModel } from "../collections/site-model.ts";
import type { StageMemo } from "../collections/stage-memo.ts";
import type { ContentCache } from "../content/content-cache.ts";
import { FailedFilesError, failingAloneKind, loadContent, type Content, type FailingKind, type LoadReuse } from "../content/load-content.ts";
import { ContentError, isError, type ContentProblem } from "../content/problems.ts";
import { loadImagePipeline } from "../content/render-body.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { PAGE_IDS } from "../markdown/page-ids.ts";
import { redirectProblems, redirectRules, type RedirectRule } from "../netlify/redirect-rules.ts";
import { FIXED_PAGES } from "../pages/fixed-pages.ts";
import { pageTableOf, type PageTable } from "../pages/page-table.ts";
import { isPassingSection } from "../pages/passing-sections.ts";
import type { PageCopyId } from "../schemas/page-copy.ts";
import { articleUrl, SITE_PATHS } from "../urls/site-urls.ts";
import { checkLinks, renderedFragmentLinks, writtenPages, type LinkedBody, type LinkTargets, type RenderedFragmentLink } from "./check-links.ts";
import { checkScheduled, type ScheduledArticle } from "./check-scheduled.ts";
import { linksBesideErrors } from "./links-beside-errors.ts";

/** A model whose content passed every check, its page table, and the warnings to show. */
export interface CheckedModel {
  model: SiteModel;
  pages: PageTable;
  warnings: ContentProblem[];
}

/**
 * Loads the content, derives the model and its page table, and runs the checks that need the whole site (links
 * between pages, redirects), the stage after the model: what the build and `npm run check` both do, so they report
 * the same problems. Throws a ContentError on any error.
 * `context` may be made from the loaded content (dates from git need its file list).
 * `adjust` changes the loaded content before the model is derived (the build points `site.url` at a deploy preview).
 * `pictures: false` says no page will be drawn from the model, so the image code pages need (leadPicture) is not
 * loaded unless a content file has to be rendered: `npm run check`. `texts: false` leaves the articles' Markdown
 * and HTML on disk, where the cache has the rest (src/content/content-cache.ts): the checks read neither. `memo`
 * keeps the model's stages between the builds of one `npm start` (src/collections/stage-memo.ts), `reuse` the
 * loaded files of the files not changed since its last load (src/content/load-content.ts).
 */
export async function loadCheckedModel(
  root: string,
  context: BuildContext | ((content: Content) => Promise<BuildContext>),
  adjust: (content: Content) => Content = (content) => content,
  options: { cache?: ContentCache; pictures?: boolean; texts?: boolean; memo?: StageMemo; reuse?: LoadReuse } = {},
): Promise<CheckedModel> {
  const [loaded] = await Promise.all([
    loadContent(root, options).catch(async (error: unknown) => {
      throw error instanceof FailedFilesError ? await withLinkProblems(root, error, context, adjust) : error;
    }),
    options.pictures === false ? undefined : loadImagePipeline(),
  ]);
  const content = adjust(loaded);
  const model = buildSiteModel(content, typeof context === "function" ? await context(content) : context, undefined, options.memo);
  const pages = pageTableOf(model);
  const siteProblems = [...model.problems, ...checkSite(model, pages)];
  const warnings = [...(content.warnings ?? []), ...siteProblems.filter((problem) => !isError(problem))];
  const errors = siteProblems.filter(isError);
  if (errors.length > 0) throw new ContentError(errors, warnings);
  return { model, pages, warnings };
}

/**
 * The errors of files the rest of the site derives without (LEFT_OUT: articles, courses, services, classes, paths,
 * promotions), with the errors of the other files' links and of the redirects: the model of the rest is derived for
 * its pages and bodies only (it is never built into a site), and they are checked as far as the failed files leave
 * them decided (src/checks/links-beside-errors.ts). Should that derivation fail, the file errors alone are reported, as before.
 */
async function withLinkProblems(
  root: string,
  error: FailedFilesError,
  context: BuildContext | ((content: Content) => Promise<BuildContext>),
  adjust: (content: Content) => Content,
): Promise<ContentError> {
  try {
    const whole = adjust(error.loaded);
    const failed = (item: { file: string }) => error.failed.has(item.file);
    const kinds = new Set([...error.failed].flatMap((file) => failingAloneKind(file) ?? []));
    const content = [...kinds].reduce((rest, kind) => LEFT_OUT[kind](rest, failed), whole);
    const dropped = whole.articles.filter(failed);
    const model = buildSiteModel(content, typeof context === "function" ? await context(content) : context);
    const { bodies, targets, rules } = collectSiteLinks(model, pageTableOf(model));
    const found = await linksBesideErrors({ root, failed: error.failed, dropped, bodies, targets, rules, lineOf: content.lineOf });
    return new ContentError([...error.problems, ...found], error.warnings);
  } catch {
    return error;
  }
}

/**
 * How the rest of the site is derived without the failed files of each kind, as if they were never written: what
 * loaded of a failed file (an unknown author, say) may not derive. The classes, the paths and the promotions are a
 * file each: which entry failed, and what a failed one names, cannot be told, so all go. A course goes as a draft one
 * does in production, its classes with it (withCoursesOnly). Each kind that fails alone (failingAloneKind) must say
 * how it is left out, or this does not compile.
 */
const LEFT_OUT: Record<FailingKind, (content: Content, failed: (item: { file: string }) => boolean) => Content> = {
  article: (content, failed) => ({ ...content, articles: content.articles.filter((source) => !failed(source)) }),
  course: (content, failed) => withCoursesOnly(content, Object.fromEntries(Object.entries(content.courses).filter(([, course]) => !failed(course)))),
  service: (content, failed) => ({ ...content, services: content.services.filter((service) => !failed(service)) }),
  schedule: (content) => ({ ...content, sessions: [] }),
  learningPaths: (content) => ({ ...content, learningPaths: [] }),
  promotions: (content) => ({ ...content, promotions: [] }),
};

/**
 * Checks every link in every Markdown body this build publishes against the pages it writes (the page table), and
 * every redirect: its target must be a page of the table, its old path must not be one. Articles whose date has not
 * come are checked too, as the build that publishes them will (checkScheduled). A #fragment of a page other than an
 * article is known only once the page is written: the build checks those (linksToRenderedFragments).
 */
export function checkSite(model: SiteModel, pages: PageTable): ContentProblem[] {
  const { bodies, scheduled, rules, targets } = siteLinks(model, pages);
  const { isWritten, anythingUnder } = writtenPages(targets);
  const redirectsWrong = redirectProblems(rules, isWritten, model.content.lineOf, { anythingUnder });
  return [...checkLinks(bodies, targets), ...redirectsWrong, ...checkScheduled(model, scheduled, targets, rules, { isWritten, anythingUnder })];
}

/**
 * The links to a #fragment of a written page other than an article, scheduled articles' among them, which the build
 * checks in the written page, each with the page's own URL from the table and whether time may take that section
 * from it (`passing`: then a warning when it is gone). Only HTML pages have ids: a fragment of a feed, a calendar or a picture is
 * left to the reader's program, as before.
 */
export function linksToRenderedFragments(model: SiteModel, pages: PageTable): RenderedFragmentLink[] {
  const { bodies, scheduled, targets } = siteLinks(model, pages);
  return renderedFragmentLinks([...bodies, ...scheduled.map(({ body }) => body)], targets).flatMap((link) => {
    const page = pages.at(link.sitePath);
    if (!page || !(page.url.endsWith("/") || page.url.endsWith(".html"))) return [];
    return [{ ...link, sitePath: page.url, passing: isPassingSection(page.template, link.fragment, model.context.now) }];
  });
}

/** Every Markdown body a build publishes, with what its links may point at, and the articles it will publish later. */
interface SiteLinks {
  bodies: LinkedBody[];
  targets: LinkTargets;
  /** The articles whose date has not come (none where the build shows them, as `npm start` and previews do). */
  scheduled: ScheduledArticle[];
  /** The build's redirects (src/netlify/redirect-rules.ts), which `targets.redirects` maps by old path. */
  rules: RedirectRule[];
}

// By page table (one per model, src/pages/page-table.ts): the check and the build's check of written pages both ask,
// and the paths of every page are a set of thousands.
const siteLinksOf = new WeakMap<PageTable, { model: SiteModel; links: SiteLinks }>();

/** The page a copy file's words are on: the fixed page that names the file, or the home page, which shows home's. */
function pageOfCopy(id: PageCopyId): string {
  return FIXED_PAGES.find((page) => page.copy === id)?.url ?? SITE_PATHS.home;
}

/** The model's Markdown bodies and link targets, made once per page table. */
function siteLinks(model: SiteModel, pages: PageTable): SiteLinks {
  const kept = siteLinksOf.get(pages);
  if (kept?.model === model) return kept.links;
  const links = collectSiteLinks(model, pages);
  siteLinksOf.set(pages, { model, links });
  return links;
}

function collectSiteLinks(model: SiteModel, pages: PageTable): SiteLinks {
  const serviceFiles = new Map(model.content.services.map((service) => [service.id, service.file]));
  const bodies: LinkedBody[] = [
    ...model.articles.list.map((article) => ({ file: article.file, pageUrl: article.url, links: article.links })),
    ...model.catalog.courses.map((course) => ({ file: model.content.courses[course.id]!.file, pageUrl: course.url, links: course.links, field: "description" })),
    ...model.services.map((service) => ({ file: serviceFiles.get(service.id)!, pageUrl: service.url, links: service.links })),
    ...Object.entries(model.content.pageCopy).flatMap(([id, copy]) => copy.links.map(({ field, links }) => ({ file: copy.file, pageUrl: pageOfCopy(id as PageCopyId), links, field }))),
    ...model.content.policyLinks,
  ];
  // The build's own redirects: an alias, `_data/redirects.yaml`, a class that has ended (src/netlify/redirect-rules.ts).
  const rules = redirectRules(model);
  const redirects = new Map(rules.map((rule) => [normaliseSitePath(rule.from), { to: rule.to, keepsSections: !rule.derived && !rule.followed }] as const));
  const listed = new Set(model.articles.list.map((article) => article.url));
  const scheduled = model.content.articles
    .filter((source) => publicationState(source, model.context) === "scheduled" && !listed.has(articleUrl(source.slug)))
    .map((source) => ({ source, body: { file: source.file, pageUrl: articleUrl(source.slug), links: source.links } }));
  // An article's ids are known from rendering (its headings, its footnotes, its asides) and the page's own sections.
  // Made only for the pages a link names a fragment of: a site of thousands of articles has few such links. Asked only
  // of a path the link's targets hold, so a draft's is never found. Every aside a marker may place counts, shown or
  // not: a dated offer's aside goes when the offer ends, and a link to it must not then stop the build (the tests'
  // link check lets it pass, src/pages/passing-sections.ts).
  const articleByUrl = new Map(model.content.articles.map((source) => [articleUrl(source.slug), source]));
  const idsOf = new Map<string, ReadonlySet<string>>();
  const fragments = {
    get(sitePath: string): ReadonlySet<string> | undefined {
      const source = articleByUrl.get(sitePath);
      if (!source) return undefined;
      let ids = idsOf.get(sitePath);
      if (!ids) idsOf.set(sitePath, (ids = new Set([...PAGE_IDS, ...source.ids, ...source.promotionMarkers.map(promotionAsideId)])));
      return ids;
    },
  };
  const paths = new Set(pages.entries.map((entry) => normaliseSitePath(entry.url)));
  return { bodies, scheduled, rules, targets: { origin: new URL(model.content.site.url).origin, paths, redirects, fragments } };
}
