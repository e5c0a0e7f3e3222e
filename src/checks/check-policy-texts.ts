import type { Content } from "../content/load-content.ts";
import { fieldName, type ContentProblem } from "../content/problems.ts";
import { renderMarkdownDocument } from "../markdown/render-markdown.ts";
import { courseUrl, sessionUrl, SITE_PATHS } from "../urls/site-urls.ts";
import type { LinkedBody } from "./check-links.ts";

/**
 * Checks the Markdown of the policies, `_data/policies.yaml`'s clauses and the clauses a course or a class words
 * its own way (`policies:`), as an article's is checked: headings, HTML, pictures at their lines, and their links
 * for the link check. The pages render these texts from the model; this reads them where they are written.
 */
export function checkPolicyTexts(content: Pick<Content, "policies" | "courses" | "sessions" | "lineOf">): { problems: ContentProblem[]; bodies: LinkedBody[] } {
  const problems: ContentProblem[] = [];
  const bodies: LinkedBody[] = [];
  const check = (file: string, path: readonly (string | number)[], source: string, pageUrl: string) => {
    const field = fieldName(path);
    // A block scalar's text (`body: |`) starts a line below its key.
    const firstLine = (content.lineOf(file, path) ?? 1) + (source.includes("\n") ? 1 : 0);
    const rendered = renderMarkdownDocument(source, { file, firstLine, field });
    problems.push(...rendered.problems);
    bodies.push({ file, pageUrl, links: rendered.links, field });
  };
  content.policies.forEach((clause, index) => check("_data/policies.yaml", [index, "body"], clause.body, SITE_PATHS.policies));
  for (const course of Object.values(content.courses)) {
    for (const [id, text] of Object.entries(course.policies)) check(`_data/courses/${course.id}.yaml`, ["policies", id], text, courseUrl(course.id));
  }
  content.sessions.forEach((session, index) => {
    for (const [id, text] of Object.entries(session.policies)) check("_data/schedule.yaml", [index, "policies", id], text, sessionUrl(session.id));
  });
  return { problems, bodies };
}
