import { readFile } from "node:fs/promises";
import path from "node:path";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { ArticleSource } from "../content/located.ts";
import type { ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { parseYaml } from "../content/yaml-source.ts";
import { articleUrl, authorUrl, SITE_PATHS } from "../urls/site-urls.ts";
import { checkLinks, type LinkedBody, type LinkTargets } from "./check-links.ts";

/**
 * The link problems that stand while some article files fail to load, so that an editor hears of a broken link in
 * the same round as a broken heading, not after mending it. Nothing the failed files may still bring is judged:
 * - an article that failed in its text alone has its page, but perhaps not every id a link may name, so links to
 *   its sections wait;
 * - an article that failed to load would bring its page, pages of the article lists, its author's and its tags'
 *   (all under its author's and the articles' folders), and its aliases, read from its front matter as written;
 *   where that cannot be read, any address might be one of them, and only the links that name no address of this
 *   site at all (an address that is not valid) are reported.
 */
export async function linksBesideErrors(
  root: string,
  failed: ReadonlySet<string>,
  articles: readonly ArticleSource[],
  bodies: readonly LinkedBody[],
  targets: LinkTargets,
): Promise<ContentProblem[]> {
  const loaded = new Set(articles.map((article) => article.file));
  const textOnly = new Set(articles.filter((article) => failed.has(article.file)).map((article) => articleUrl(article.slug)));
  const brought = await Promise.all([...failed].filter((file) => !loaded.has(file)).map((file) => pagesItMayBring(root, file)));
  const anyPath = brought.some((pages) => pages === "any");
  const prefixes = brought.flatMap((pages) => (pages === "any" ? [] : pages.prefixes));
  const exact = new Set(brought.flatMap((pages) => (pages === "any" ? [] : pages.exact)));
  const undecided = (sitePath: string) => anyPath || exact.has(sitePath) || prefixes.some((prefix) => sitePath.startsWith(prefix));
  const fragments = { get: (sitePath: string) => (textOnly.has(sitePath) ? undefined : targets.fragments.get(sitePath)) };
  return checkLinks(bodies, { ...targets, fragments, undecided });
}

/** What an article file that failed to load may bring once mended, by its front matter as written. */
async function pagesItMayBring(root: string, file: string): Promise<"any" | { prefixes: string[]; exact: string[] }> {
  const split = splitFrontMatter(await readFile(path.join(root, file), "utf8").catch(() => ""));
  if (!split.ok) return "any";
  const parsed = parseYaml(file, split.matter);
  if (!parsed.ok) return "any";
  const { author, aliases = [] } = (parsed.source.value ?? {}) as { author?: unknown; aliases?: unknown };
  if (typeof author !== "string" || !Array.isArray(aliases) || !aliases.every((alias) => typeof alias === "string")) return "any";
  return { prefixes: [SITE_PATHS.articles, authorUrl(author)], exact: aliases.map((alias: string) => normaliseSitePath(alias)) };
}
