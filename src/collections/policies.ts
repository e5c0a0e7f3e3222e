import type { Content } from "../content/load-content.ts";
import { renderMarkdown } from "../markdown/render-markdown.ts";
import type { Policies, PolicyClauseView } from "./views.ts";

/** The URL of the policies page. */
export const POLICIES_URL = "/policies/";

/** Renders the clauses of `_data/policies.yaml` once per build. */
export function buildPolicies(content: Content): Policies {
  const clauses = content.policies.map((clause) => ({ id: clause.id, title: clause.title, html: renderMarkdown(clause.body), url: `${POLICIES_URL}#${clause.id}` }));
  return { url: POLICIES_URL, clauses, byId: Object.fromEntries(clauses.map((clause) => [clause.id, clause])) };
}

/**
 * The clauses that read differently for one class, in the policies page's order: the session's own override
 * wins over its course's. Each keeps the link to the general clause it replaces.
 */
export function policyOverrides(policies: Policies, ...layers: Record<string, string>[]): PolicyClauseView[] {
  const merged: Record<string, string> = Object.assign({}, ...layers);
  return policies.clauses.filter((clause) => merged[clause.id] !== undefined).map((clause) => ({ ...clause, html: renderMarkdown(merged[clause.id]!) }));
}
