import { renderMarkdownDocument, type RenderedMarkdown } from "../markdown/render-markdown.ts";
import type { LinkReference } from "../markdown/markdown-state.ts";
import { sessionUrl, SITE_PATHS } from "../urls/site-urls.ts";
import type { Located, LocatedContent } from "./located.ts";
import { fieldName, type ContentProblem } from "./problems.ts";
import { TEXT_START } from "./yaml-source.ts";

/** The links of one Markdown text, with where it is written and the page it is shown on, for the site's link check. */
export interface TextLinks {
  file: string;
  field: string;
  /** A page the text is shown on: relative links resolve against it. */
  pageUrl: string;
  links: LinkReference[];
}

/**
 * Renders a policy's text, a clause of `_data/policies.yaml` or the wording a course or class gives one, the same way
 * for the page and for the check: it sits under the clause's `##` title, so its headings start at `###`, and on the
 * policies page it must not take a clause's id.
 */
export function renderPolicyText(source: string, clauseIds: readonly string[], place: { file: string; firstLine: number; field: string } = { file: "", firstLine: 1, field: "body" }): RenderedMarkdown {
  return renderMarkdownDocument(source, { ...place, reservedIds: clauseIds, firstHeadingLevel: 3 });
}

/**
 * Checks the policies' texts as an article's Markdown is checked, at their lines (read where each entry was loaded,
 * so a draft class before it or a course saved as `.yml` changes nothing), and keeps their links for the link check.
 */
export function checkPolicyTexts(located: Pick<LocatedContent, "policies" | "courses" | "sessions">): { problems: ContentProblem[]; links: TextLinks[] } {
  const problems: ContentProblem[] = [];
  const links: TextLinks[] = [];
  const clauseIds = located.policies.map((clause) => clause.data.id);
  const check = (item: Pick<Located<unknown>, "source" | "path">, field: (string | number)[], source: string, pageUrl: string) => {
    const path = [...item.path, ...field];
    const firstLine = item.source.lineOf([...path, TEXT_START]) ?? 1;
    const rendered = renderPolicyText(source, clauseIds, { file: item.source.file, firstLine, field: fieldName(path) });
    problems.push(...rendered.problems);
    links.push({ file: item.source.file, field: fieldName(path), pageUrl, links: rendered.links });
  };
  for (const clause of located.policies) check(clause, ["body"], clause.data.body, SITE_PATHS.policies);
  // A course's wording is shown on its classes' pages, all under /schedule/: relative links resolve there.
  for (const course of located.courses) for (const [id, text] of Object.entries(course.data.policies)) check(course, ["policies", id], text, sessionUrl(course.data.id));
  for (const session of located.sessions) for (const [id, text] of Object.entries(session.data.policies)) check(session, ["policies", id], text, sessionUrl(session.data.id));
  return { problems, links };
}
