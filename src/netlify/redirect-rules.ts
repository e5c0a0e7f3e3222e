import type { SiteModel } from "../collections/site-model.ts";
import { fieldName, type ContentProblem } from "../content/problems.ts";

/** One 301 redirect and where an editor wrote it. */
export interface RedirectRule {
  from: string;
  to: string;
  /** The content file that asked for it. */
  file: string;
  /** The field in that file that names the target: `["aliases", 0]` or `[2, "to"]`. */
  field: (string | number)[];
}

/** Every redirect of the build: aliases of the articles it shows, then `_data/redirects.yaml`. */
export function redirectRules(model: SiteModel): RedirectRule[] {
  const fromArticles = model.articles.list.flatMap((article) =>
    article.aliases.map((alias, index) => ({ from: alias, to: article.url, file: article.file, field: ["aliases", index] })),
  );
  const fromData = model.content.redirects.map((redirect, index) => ({ ...redirect, file: "_data/redirects.yaml", field: [index, "to"] }));
  return [...fromArticles, ...fromData];
}

/**
 * Checks the rules against the pages the build wrote (duplicates, self-redirects and loops were refused when
 * the content loaded): each target must exist, and no old path may be a live page, which Netlify would serve
 * instead of redirecting.
 */
export function redirectProblems(
  rules: readonly RedirectRule[],
  pageExists: (path: string) => boolean,
  lineOf: (file: string, path: readonly (string | number)[]) => number | undefined = () => undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (rule: RedirectRule, field: (string | number)[], message: string) => {
    const line = lineOf(rule.file, field);
    problems.push({ file: rule.file, ...(line ? { line } : {}), field: fieldName(field), message });
  };
  const froms = new Set(rules.map((rule) => rule.from));
  for (const rule of rules) {
    if (!froms.has(rule.to) && !pageExists(rule.to)) report(rule, rule.field, `"${rule.to}" is not a page of this site`);
    const fromField = rule.field[rule.field.length - 1] === "to" ? [...rule.field.slice(0, -1), "from"] : rule.field;
    if (pageExists(rule.from)) report(rule, fromField, `"${rule.from}" is a page of this site; a redirect from it would never be followed`);
  }
  return problems;
}

/** The `_redirects` file Netlify reads: one `from to 301` line per rule. */
export function redirectsFile(rules: readonly RedirectRule[]): string {
  return `# Written by the build from article aliases and _data/redirects.yaml. Do not edit.\n${rules.map((rule) => `${rule.from} ${rule.to} 301`).join("\n")}\n`;
}
