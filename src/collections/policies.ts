import type { Content } from "../content/load-content.ts";
import { renderMarkdown } from "../markdown/render-markdown.ts";
import { policyClauseUrl, SITE_PATHS } from "../urls/site-urls.ts";
import type { Policies, PolicyClauseView } from "./views.ts";

/** Renders the clauses of `_data/policies.yaml` once per build. */
export function buildPolicies(content: Pick<Content, "policies">): Policies {
  const clauses = content.policies.map((clause) => ({ id: clause.id, title: clause.title, html: renderMarkdown(clause.body), url: policyClauseUrl(clause.id) }));
  return { url: SITE_PATHS.policies, clauses, byId: Object.fromEntries(clauses.map((clause) => [clause.id, clause])) };
}

/**
 * The clauses that read differently for one class, in the policies page's order: the session's own override
 * wins over its course's. Each keeps the link to the general clause it replaces.
 */
export function policyOverrides(policies: Policies, ...layers: Record<string, string>[]): PolicyClauseView[] {
  const merged: Record<string, string> = Object.assign({}, ...layers);
  return policies.clauses.filter((clause) => merged[clause.id] !== undefined).map((clause) => ({ ...clause, html: renderMarkdown(merged[clause.id]!) }));
}
