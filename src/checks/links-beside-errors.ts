import { z } from "zod";
import { readContentFile } from "../content/contained-file.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { ArticleSource } from "../content/located.ts";
import { failingAloneKind, type FailingKind } from "../content/load-content.ts";
import { idFromFileName } from "../content/load-file.ts";
import { isError, type ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { parseYaml } from "../content/yaml-source.ts";
import { redirectProblems, type RedirectRule } from "../netlify/redirect-rules.ts";
import { idField, redirectFromField } from "../schemas/fields.ts";
import { splatPrefix } from "../urls/safe-urls.ts";
import { articleUrl, authorUrl, isSitemapPartUrl, SITE_PATHS, socialImageFolder } from "../urls/site-urls.ts";
import { checkLinks, writtenPages, type LinkedBody, type LinkTargets } from "./check-links.ts";

/** The site as derived without the files in error, for the checks that can still be told. */
export interface SiteWithoutFailed {
  /** The project, to read the failed files' front matter. */
  root: string;
  /** The files in error, each of a kind the rest of the site derives without (failingAloneKind). */
  failed: ReadonlySet<string>;
  /** What loaded of the failed articles: those that failed only in their text or in a cross-check. */
  dropped: readonly ArticleSource[];
  bodies: readonly LinkedBody[];
  targets: LinkTargets;
  rules: readonly RedirectRule[];
  lineOf: (file: string, path: readonly (string | number)[]) => number | undefined;
}

/**
 * The errors of links and redirects that stand while some files are in error, so that an editor hears of a broken
 * link in the same round as a broken heading, not after mending it. The failed files are left out of the site, and
 * nothing they may bring once mended is called missing:
 * - an article: any page under the articles' folder (its own, the lists', the tags'), its author's pages, its
 *   aliases, and the sections of any article page it would be. Its author and aliases are those it loaded with, else
 *   those its front matter names in a valid form; where that cannot be read, any address might be an alias, and no
 *   missing page is reported at all;
 * - a course, a service, the classes', the paths' or the promotions' file: every page that may show them (BROUGHT_BY);
 * - whatever failed, the sitemap's parts, whose number follows the number of pages.
 * The links of the failed files themselves, and of articles whose date has not come, wait for the next run; so do
 * the warnings (a link through a redirect), since a page left out may turn a live page into a redirect's old path.
 */
export async function linksBesideErrors(site: SiteWithoutFailed): Promise<ContentProblem[]> {
  const kinds = new Map([...site.failed].map((file) => [file, failingAloneKind(file)]));
  const loaded = new Map(site.dropped.map((source) => [source.file, source]));
  const failedArticles = [...kinds].flatMap(([file, kind]) => (kind === "article" ? [file] : []));
  const brought: Brought[] = await Promise.all(
    [...kinds].map(async ([file, kind]) => {
      if (kind && kind !== "article") return BROUGHT_BY[kind];
      const source = loaded.get(file);
      return source ? pagesOf(source.author, source.aliases) : pagesItMayBring(site.root, file);
    }),
  );
  if (failedArticles.length > 0) brought.push({ prefixes: [SITE_PATHS.articles], exact: [] });
  const anyPath = brought.includes("any");
  const broughtPage = covers(brought.filter((each): each is Pages => each !== "any"));
  const undecided = (sitePath: string) => anyPath || isSitemapPartUrl(sitePath) || broughtPage(sitePath);
  // Two files for one address (x.md and x/index.md): the page of the one that loaded may lack the other's sections.
  const sectionsUndecided = new Set(failedArticles.map((file) => articleUrl(idFromFileName(file))));
  const fragments = { get: (sitePath: string) => (sectionsUndecided.has(sitePath) ? undefined : site.targets.fragments.get(sitePath)) };
  // A failed file's own texts that loaded all the same (a course's policy wording) wait with it.
  const bodies = site.bodies.filter((body) => !site.failed.has(body.file));
  const links = checkLinks(bodies, { ...site.targets, fragments, undecided });
  const { isWritten, anythingUnder } = writtenPages(site.targets);
  const redirects = redirectProblems(site.rules, isWritten, site.lineOf, { anythingUnder, undecided });
  return [...links, ...redirects].filter(isError);
}

/** Pages by path: those under any of the prefixes, and the exact ones. */
interface Pages {
  prefixes: readonly string[];
  exact: readonly string[];
}

/** What a failed file may bring once mended: some pages, or "any" page at all. */
type Brought = "any" | Pages;

/** What a course's or a service's file, or the classes', the paths' or the promotions' file, in error may bring once mended. */
const BROUGHT_BY: Record<Exclude<FailingKind, "article">, Pages> = {
  // Its pages (the course's, its private training, its calendar, its card), its classes and every list of them.
  course: {
    prefixes: [SITE_PATHS.courses, SITE_PATHS.privateTraining, SITE_PATHS.schedule, SITE_PATHS.learningPaths, socialImageFolder("courses")],
    exact: [SITE_PATHS.scheduleCalendar],
  },
  service: { prefixes: [SITE_PATHS.consulting], exact: [] },
  // Every class is left out with the file, since which of them failed cannot be told.
  schedule: { prefixes: [SITE_PATHS.schedule], exact: [SITE_PATHS.scheduleCalendar] },
  learningPaths: { prefixes: [SITE_PATHS.learningPaths], exact: [] },
  // No page of their own: their asides and offers are sections of other pages, which only the build checks, once it
  // has written them (src/pages/passing-sections.ts).
  promotions: { prefixes: [], exact: [] },
};

/** Whether a file of `kind` in error may bring the page at `sitePath` once mended (BROUGHT_BY). */
export function mayBring(kind: Exclude<FailingKind, "article">, sitePath: string): boolean {
  return covers([BROUGHT_BY[kind]])(sitePath);
}

/** Whether a path is one of `pages`: one of their exact paths, or under one of their prefixes. */
function covers(pages: readonly Pages[]): (sitePath: string) => boolean {
  const prefixes = pages.flatMap((each) => each.prefixes);
  const exact = new Set(pages.flatMap((each) => each.exact));
  return (sitePath) => exact.has(sitePath) || prefixes.some((prefix) => sitePath.startsWith(prefix));
}

/** The author's pages and the aliases of an article. */
function pagesOf(author: string, aliases: readonly string[]): Pages {
  const splats = aliases.flatMap((alias) => splatPrefix(alias) ?? []);
  return { prefixes: [authorUrl(author), ...splats], exact: aliases.map(normaliseSitePath) };
}

const namedPages = z.object({ author: idField, aliases: z.array(redirectFromField).default([]) });

/**
 * What an article file that failed to load may bring once mended, by what its front matter names in a form the
 * schema accepts: "any" when it cannot be read, or names no valid author or aliases (the mended ones could be anything).
 */
async function pagesItMayBring(root: string, file: string): Promise<Brought> {
  // Read as the loader reads: never through a symbolic link, never a pipe, never more than an article may hold.
  const read = await readContentFile(root, file).catch(() => undefined);
  if (!read?.ok) return "any";
  const split = splitFrontMatter(read.bytes.toString("utf8"));
  if (!split.ok) return "any";
  const parsed = parseYaml(file, split.matter);
  if (!parsed.ok) return "any";
  const named = namedPages.safeParse(parsed.source.value);
  return named.success ? pagesOf(named.data.author, named.data.aliases) : "any";
}
