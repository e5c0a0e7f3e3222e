import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeHTMLAttribute } from "entities";
import { ContentError, formatWarnings, isError, type ContentProblem } from "../content/problems.ts";
import { writtenFileOf } from "../urls/site-urls.ts";
import { missingFragment, type RenderedFragmentLink } from "./check-links.ts";

// Every id attribute of a written page: the site's templates and Markdown quote attributes with ".
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

/**
 * The links whose #fragment the written page at their path does not have, as problems at the link's file and line,
 * with the nearest id: "/about/#facullty" when the page has "faculty". A section that time may take from that page
 * (`passing`: a class's registration form, a month of the schedule that has begun) is a warning when it is not there. Each page a link names is read once from
 * `output` once the build has written it; a site of thousands of pages has few such links.
 */
export async function checkRenderedFragments(output: string, links: readonly RenderedFragmentLink[]): Promise<ContentProblem[]> {
  const idsOf = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  const ids = (sitePath: string) => {
    let found = idsOf.get(sitePath);
    if (!found) idsOf.set(sitePath, (found = pageIds(path.join(output, writtenFileOf(sitePath)))));
    return found;
  };
  const problems: ContentProblem[] = [];
  for (const link of links) {
    const written = await ids(link.sitePath);
    if (written?.has(link.fragment)) continue;
    const at = { file: link.file, ...(link.line ? { line: link.line } : {}), field: link.field };
    if (written && link.passing) {
      // Time took it (registration closed, the offers or the month ended), with no file changed: the link still leads to the page.
      problems.push({ ...at, severity: "warning", message: `link "${link.href}" names #${link.fragment}, a section ${link.sitePath} shows only for a while, and not as this build writes it: link "${link.sitePath}" itself` });
      continue;
    }
    const message = written
      ? missingFragment(link.href, link.fragment, link.sitePath, written, " as this build writes it")
      : `link "${link.href}" names #${link.fragment} of ${link.sitePath}, which this build did not write as a page`;
    problems.push({ ...at, message });
  }
  return problems;
}

/** The ids of the page written at `file`, or undefined when there is none to read (the link is then reported). */
async function pageIds(file: string): Promise<ReadonlySet<string> | undefined> {
  const html = await readFile(file, "utf8").catch(() => undefined);
  return html === undefined ? undefined : new Set([...html.matchAll(ID_ATTRIBUTE)].map(([, id]) => decodeHTMLAttribute(id!)));
}

/** Stops the build with the errors among `problems` (the warnings beside them), or prints the warnings when there is none. */
export function settleRenderedFragments(problems: readonly ContentProblem[]): void {
  const warnings = problems.filter((problem) => !isError(problem));
  const errors = problems.filter(isError);
  if (errors.length > 0) throw new ContentError(errors, warnings);
  for (const line of formatWarnings(warnings)) console.warn(line);
}
