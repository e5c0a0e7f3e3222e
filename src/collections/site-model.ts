import type { Content } from "../content/load-content.ts";
import { buildArticleCollections, type ArticleCollections } from "./articles.ts";
import type { BuildContext } from "./build-context.ts";

/** Everything templates read, derived from the content once per build. */
export interface SiteModel {
  content: Content;
  context: BuildContext;
  articles: ArticleCollections;
}

/** Derives every collection from validated content, in dependency order. */
export function buildSiteModel(content: Content, context: BuildContext): SiteModel {
  return { content, context, articles: buildArticleCollections(content, context) };
}
