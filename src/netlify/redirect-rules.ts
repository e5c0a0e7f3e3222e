import type { SiteModel } from "../collections/site-model.ts";
import { fieldName, type ContentProblem } from "../content/problems.ts";
import { normaliseSitePath } from "../content/site-path.ts";
import { monthKey } from "../collections/schedule.ts";
import { sitePathProblem, splatPrefix } from "../urls/safe-urls.ts";
import { scheduleFacetCalendarUrl, scheduleFacetUrl, sessionCalendarUrl, sessionUrl, SITE_PATHS } from "../urls/site-urls.ts";

/** One 301 redirect, and where an editor wrote it or what it was derived from. */
export interface RedirectRule {
  from: string;
  to: string;
  /** The content file that asked for it. */
  file: string;
  /** The field in that file that names the target: `["aliases", 0]` or `[2, "to"]`; a derived rule's class id. */
  field: (string | number)[];
  /** Made by the build from the schedule (endedSchedulePages), not written by an editor. */
  derived?: true;
  /** The page an editor's rule named, which time has taken away: `to` is where that page's own redirect leads. */
  followed?: string;
}

/**
 * Every redirect of the build: aliases of the articles it shows, `_data/redirects.yaml`, then the schedule's pages
 * that time has taken away (endedSchedulePages), each under an old path no editor's rule has taken. An editor's rule
 * that leads to such a page leads on to where that page's redirect does, so time never leaves it pointing nowhere.
 */
export function redirectRules(model: SiteModel): RedirectRule[] {
  const fromArticles = model.articles.list.flatMap((article) =>
    article.aliases.map((alias, index): RedirectRule => ({ from: alias, to: article.url, file: article.file, field: ["aliases", index] })),
  );
  const fromData = model.content.redirects.map((redirect, index): RedirectRule => ({ ...redirect, file: "_data/redirects.yaml", field: [index, "to"] }));
  const editors = [...fromArticles, ...fromData];
  const taken = new Set(editors.map((rule) => normaliseSitePath(rule.from)));
  const derived = endedSchedulePages(model).filter((rule) => !taken.has(normaliseSitePath(rule.from)));
  const derivedTo = new Map(derived.map((rule) => [normaliseSitePath(rule.from), rule.to]));
  const followed = editors.map((rule) => {
    const to = derivedTo.get(normaliseSitePath(rule.to));
    return to === undefined ? rule : { ...rule, to, followed: rule.to };
  });
  return [...followed, ...derived];
}

/**
 * The page and calendar of each class in `_data/schedule.yaml` that has ended, sent to its course's page and
 * calendar (where the next dates are), and the page and calendar of each month whose classes have all ended, sent to
 * the schedule's. A link or a bookmark to a class keeps leading somewhere useful after the class, and a link in an
 * article to it never stops a build that no editor started (the hourly one): the check warns that it goes through a
 * redirect instead. A class has ended when the schedule no longer lists it (src/collections/schedule.ts decides);
 * each target is a page the model writes, and a class of a draft course, which has none, is left out with its course.
 */
function endedSchedulePages(model: SiteModel): RedirectRule[] {
  const upcoming = new Set(model.schedule.upcoming.map((session) => session.id));
  const liveMonths = new Set(model.schedule.months.map((month) => month.key));
  const goneMonths = new Set<string>();
  return model.content.sessions.flatMap((session) => {
    const course = model.catalog.byId[session.course];
    if (upcoming.has(session.id) || !course) return [];
    const rule = (from: string, to: string): RedirectRule => ({ from, to, file: SCHEDULE_FILE, field: [session.id], derived: true });
    const rules = [rule(sessionUrl(session.id), course.url), rule(sessionCalendarUrl(session.id), course.calendarUrl)];
    const month = monthKey(session.start);
    if (!liveMonths.has(month) && !goneMonths.has(month)) {
      goneMonths.add(month);
      rules.push(rule(scheduleFacetUrl("month", month), SITE_PATHS.schedule), rule(scheduleFacetCalendarUrl("month", month), SITE_PATHS.scheduleCalendar));
    }
    return rules;
  });
}

const SCHEDULE_FILE = "_data/schedule.yaml";

/**
 * Checks the rules against the pages the build writes (the page table; duplicates, self-redirects and loops were
 * refused when the content loaded), and warns of an editor's rule that time made lead on through another. Each path is checked again as the schemas check it, so a value that slipped
 * past them is still reported. Each target must be a page of the site: another rule's old path does not count, or
 * a pair of rules from one file could vouch for each other (`//evil.example/` twice). No old path may be a live
 * page, which Netlify would serve instead of redirecting, and a "/old/*" splat may not cover any page.
 * `site.anythingUnder(prefix)` says whether the build writes something under a folder such as "/old/";
 * `site.undecided(path)`, whether a file in error may write that page (src/checks/links-beside-errors.ts).
 */
export function redirectProblems(
  rules: readonly RedirectRule[],
  pageExists: (path: string) => boolean,
  lineOf: (file: string, path: readonly (string | number)[]) => number | undefined = () => undefined,
  site: { anythingUnder?: (prefix: string) => boolean; undecided?: (sitePath: string) => boolean } = {},
): ContentProblem[] {
  const { anythingUnder = (prefix: string) => pageExists(prefix) } = site;
  const problems: ContentProblem[] = [];
  const report = (rule: RedirectRule, field: (string | number)[], message: string, severity?: "warning") => {
    // A derived rule is named by its class's id, which is no path in the file (its drafts are not in the model).
    const line = rule.derived ? undefined : lineOf(rule.file, field);
    problems.push({ file: rule.file, ...(line ? { line } : {}), field: fieldName(field), message, ...(severity ? { severity } : {}) });
  };
  const froms = new Set(rules.map((rule) => normaliseSitePath(rule.from)));
  for (const rule of rules) {
    if (rule.followed) {
      report(rule, rule.field, `"${rule.followed}" is gone with time (a class that has ended, or a month with no class left): the redirect leads on to "${rule.to}", so write that instead`, "warning");
    }
    const fromField = fromFieldOf(rule);
    const unsafe = unsafeRule(rule);
    if (unsafe) {
      report(rule, unsafe.side === "from" ? fromField : rule.field, unsafe.message);
      continue;
    }
    const leadsToPage = pageExists(rule.to) || site.undecided?.(normaliseSitePath(rule.to)) === true;
    if (!leadsToPage && froms.has(normaliseSitePath(rule.to))) {
      report(rule, rule.field, `"${rule.to}" is not a page of this site: it is the old path of another redirect, so point at the page that one leads to`);
    } else if (!leadsToPage) {
      report(rule, rule.field, `"${rule.to}" is not a page of this site`);
    }
    const prefix = splatPrefix(rule.from);
    if (prefix && anythingUnder(prefix)) {
      report(rule, fromField, `"${rule.from}" covers pages this site writes under "${prefix}": redirect each old path on its own`);
    } else if (!prefix && pageExists(rule.from)) {
      report(rule, fromField, `"${rule.from}" is a page of this site; a redirect from it would never be followed`);
    }
  }
  return problems;
}

/** The field that names a rule's old path: `[2, "from"]` beside `[2, "to"]` in _data/redirects.yaml, an alias itself. */
export function fromFieldOf(rule: Pick<RedirectRule, "field">): (string | number)[] {
  return rule.field[rule.field.length - 1] === "to" ? [...rule.field.slice(0, -1), "from"] : rule.field;
}

/** Which side of a rule is not a safe site path for a redirect, and why; undefined when both are. */
function unsafeRule(rule: Pick<RedirectRule, "from" | "to">): { side: "from" | "to"; message: string } | undefined {
  const from = sitePathProblem(rule.from, "redirect-from");
  if (from) return { side: "from", message: from };
  const to = sitePathProblem(rule.to, "redirect-to");
  return to ? { side: "to", message: to } : undefined;
}

/**
 * The `_redirects` file Netlify reads: one `from to 301` line per rule, never forced, so a written page always
 * wins. Throws on a rule that is not a safe pair of site paths, which the checks above report first: this is the
 * last wall before an open redirect (`/x //evil.example/ 301`) or an extra field (a status, a proxy) is published.
 */
export function redirectsFile(rules: readonly RedirectRule[]): string {
  for (const rule of rules) {
    const unsafe = unsafeRule(rule);
    if (unsafe) throw new Error(`${rule.file}: refusing to write the redirect "${rule.from}" -> "${rule.to}" to _redirects: ${unsafe.side} ${unsafe.message}`);
  }
  return `# Written by the build from article aliases, _data/redirects.yaml and the classes and months that have ended. Do not edit.\n${rules.map((rule) => `${rule.from} ${rule.to} 301`).join("\n")}\n`;
}
