import type { SiteModel } from "../collections/site-model.ts";
import type { ContentProblem } from "../content/problems.ts";

/** One 301 redirect and where an editor wrote it. */
export interface RedirectRule {
  from: string;
  to: string;
  /** The content file that asked for it. */
  file: string;
  /** The field in that file, e.g. `aliases[0]` or `[2].to`. */
  field: string;
}

/** Every redirect of the build: aliases of the articles it publishes, then `_data/redirects.yaml`. */
export function redirectRules(model: SiteModel): RedirectRule[] {
  const fromArticles = model.articles.list.flatMap((article) =>
    article.aliases.map((alias, index) => ({ from: alias, to: article.url, file: article.file, field: `aliases[${index}]` })),
  );
  const fromData = model.content.redirects.map((redirect, index) => ({ ...redirect, file: "_data/redirects.yaml", field: `[${index}].to` }));
  return [...fromArticles, ...fromData];
}

/**
 * Checks the rules against the pages the build wrote: each target must exist, no old path may be a live
 * page (Netlify would serve the page and never redirect), and no chain of rules may come back to itself.
 */
export function redirectProblems(rules: readonly RedirectRule[], pageExists: (path: string) => boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byFrom = new Map(rules.map((rule) => [normalise(rule.from), rule]));
  for (const rule of rules) {
    const fromField = rule.field.replace(/\.to$/, ".from");
    if (normalise(rule.from) === normalise(rule.to)) {
      problems.push({ file: rule.file, field: rule.field, message: `redirects "${rule.from}" to itself` });
      continue;
    }
    let next = byFrom.get(normalise(rule.to));
    const seen = new Set([normalise(rule.from)]);
    while (next && !seen.has(normalise(next.from))) {
      seen.add(normalise(next.from));
      next = byFrom.get(normalise(next.to));
    }
    if (next) problems.push({ file: rule.file, field: rule.field, message: `"${rule.from}" is part of a redirect loop through "${next.from}"` });
    else if (!byFrom.has(normalise(rule.to)) && !pageExists(rule.to)) problems.push({ file: rule.file, field: rule.field, message: `"${rule.to}" is not a page of this site` });
    if (pageExists(rule.from)) problems.push({ file: rule.file, field: fromField, message: `"${rule.from}" is a page of this site; a redirect from it would never be followed` });
  }
  return problems;
}

/** The `_redirects` file Netlify reads: one `from to 301` line per rule. */
export function redirectsFile(rules: readonly RedirectRule[]): string {
  return `# Written by the build from article aliases and _data/redirects.yaml. Do not edit.\n${rules.map((rule) => `${rule.from} ${rule.to} 301`).join("\n")}\n`;
}

function normalise(path: string): string {
  return path.endsWith("/") || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}
