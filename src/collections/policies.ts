import type { Content } from "../content/load-content.ts";
import { renderPolicyText } from "../content/policy-texts.ts";
import { policyClauseUrl, SITE_PATHS } from "../urls/site-urls.ts";
import type { Policies, PolicyClauseView } from "./views.ts";

/** Renders the clauses of `_data/policies.yaml` once per build. */
export function buildPolicies(content: Pick<Content, "policies">): Policies {
  const ids = content.policies.map((clause) => clause.id);
  const clauses = content.policies.map((clause) => ({ id: clause.id, title: clause.title, html: renderPolicyText(clause.body, ids).html, url: policyClauseUrl(clause.id) }));
  return { url: SITE_PATHS.policies, clauses, byId: Object.fromEntries(clauses.map((clause) => [clause.id, clause])) };
}

/**
 * The clauses that read differently for one class, in the policies page's order: the session's own override
 * wins over its course's. Each keeps the link to the general clause it replaces.
 */
export function policyOverrides(policies: Policies, ...layers: Record<string, string>[]): PolicyClauseView[] {
  const merged: Record<string, string> = Object.assign({}, ...layers);
  const ids = policies.clauses.map((clause) => clause.id);
  return policies.clauses.filter((clause) => merged[clause.id] !== undefined).map((clause) => ({ ...clause, html: renderPolicyText(merged[clause.id]!, ids).html }));
}
