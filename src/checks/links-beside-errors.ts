import path from "node:path";
import { z } from "zod";
import { readContentFile } from "../content/contained-file.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { ArticleSource } from "../content/located.ts";
import { failingAloneKind } from "../content/load-content.ts";
import { idFromFileName } from "../content/load-file.ts";
import { isError, type ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { parseYaml } from "../content/yaml-source.ts";
import { redirectProblems, type RedirectRule } from "../netlify/redirect-rules.ts";
import { idField, redirectFromField } from "../schemas/fields.ts";
import { splatPrefix } from "../urls/safe-urls.ts";
import { articleUrl, authorUrl, SITE_PATHS, socialImageUrl } from "../urls/site-urls.ts";
import { checkLinks, writtenPages, type LinkedBody, type LinkTargets } from "./check-links.ts";

/** The site as derived without the files in error, for the checks that can still be told. */
export interface SiteWithoutFailed {
  /** The project, to read the failed files' front matter. */
  root: string;
  /** The files in error: articles, courses' and services' files, other files in their folders, the classes' and the paths' files (failingAloneKind). */
  failed: ReadonlySet<string>;
  /** What loaded of the failed files: those that failed only in their text or in a cross-check. */
  dropped: readonly ArticleSource[];
  bodies: readonly LinkedBody[];
  targets: LinkTargets;
  rules: readonly RedirectRule[];
  lineOf: (file: string, path: readonly (string | number)[]) => number | undefined;
}

/**
 * The problems of links and redirects that stand while some files are in error, so that an editor hears of a broken
 * link in the same round as a broken heading, not after mending it. The failed files are left out of the site, and
 * nothing they may bring once mended is called missing. For an article: any page under the articles' folder (its
 * own, the lists', the tags'), its author's pages, its aliases, and the sections of any article page it would be;
 * its author and aliases are those it loaded with, else those its front matter names in a valid form, and where that
 * cannot be read any address might be an alias, so no missing page is reported at all. For a course: the courses',
 * the private-training, the schedule's and the learning paths' pages and calendars (its pages, its classes, every
 * list that would show them); for a service: the consulting pages; for the classes' file (all of whose classes are
 * left out, since which of them failed cannot be told): the schedule's pages and calendar; for the paths', theirs. The links of the failed files themselves, and of articles whose date
 * has not come, wait for the next run.
 */
export async function linksBesideErrors(site: SiteWithoutFailed): Promise<ContentProblem[]> {
  const loaded = new Map(site.dropped.map((source) => [source.file, source]));
  const brought = await Promise.all(
    [...site.failed].map(async (file) => {
      const kind = failingAloneKind(file);
      if (kind && kind !== "article") return BROUGHT_BY[kind];
      const source = loaded.get(file);
      return source ? pagesOf(source.author, source.aliases) : pagesItMayBring(site.root, file);
    }),
  );
  const anyPath = brought.some((pages) => pages === "any");
  const articleFailed = [...site.failed].some((file) => failingAloneKind(file) === "article");
  const prefixes = [...(articleFailed ? [SITE_PATHS.articles] : []), ...brought.flatMap((pages) => (pages === "any" ? [] : pages.prefixes))];
  const exact = new Set(brought.flatMap((pages) => (pages === "any" ? [] : pages.exact)));
  const undecided = (sitePath: string) => anyPath || exact.has(sitePath) || prefixes.some((prefix) => sitePath.startsWith(prefix));
  // Two files for one address (x.md and x/index.md): the page of the one that loaded may lack the other's sections.
  const sectionsUndecided = new Set([...site.failed].filter((file) => failingAloneKind(file) === "article").map((file) => articleUrl(idFromFileName(file))));
  const fragments = { get: (sitePath: string) => (sectionsUndecided.has(sitePath) ? undefined : site.targets.fragments.get(sitePath)) };
  // A failed file's own texts that loaded all the same (a course's policy wording) wait with it.
  const bodies = site.bodies.filter((body) => !site.failed.has(body.file));
  const links = checkLinks(bodies, { ...site.targets, fragments, undecided });
  const { isWritten, anythingUnder } = writtenPages(site.targets);
  const redirects = redirectProblems(site.rules, isWritten, site.lineOf, { anythingUnder, undecided });
  // A redirect's warnings (a rule led on through a class that has ended) are the full check's to give.
  return [...links, ...redirects.filter(isError)];
}

type Brought = "any" | { prefixes: readonly string[]; exact: readonly string[] };

/** What a course's or a service's file, or the classes' or the paths' file, in error may bring once mended: every page that may show them. */
const BROUGHT_BY: Record<"course" | "service" | "schedule" | "learningPaths", Brought> = {
  course: {
    prefixes: [SITE_PATHS.courses, SITE_PATHS.privateTraining, SITE_PATHS.schedule, SITE_PATHS.learningPaths, `${path.posix.dirname(socialImageUrl("courses", "any"))}/`],
    exact: [SITE_PATHS.scheduleCalendar],
  },
  service: { prefixes: [SITE_PATHS.consulting], exact: [] },
  schedule: { prefixes: [SITE_PATHS.schedule], exact: [SITE_PATHS.scheduleCalendar] },
  learningPaths: { prefixes: [SITE_PATHS.learningPaths], exact: [] },
};

/** Whether a course's, a service's, the classes' or the paths' file in error may bring the page at `sitePath` once mended (BROUGHT_BY). */
export function mayBring(kind: keyof typeof BROUGHT_BY, sitePath: string): boolean {
  const { prefixes, exact } = BROUGHT_BY[kind] as Exclude<Brought, "any">;
  return exact.includes(sitePath) || prefixes.some((prefix) => sitePath.startsWith(prefix));
}

/** The author's pages and the aliases of an article. */
function pagesOf(author: string, aliases: readonly string[]): Brought {
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
