import { escapeHtml } from "../html/escape-html.ts";
import type { Heading } from "./markdown-state.ts";

/** A body with at least this many `##` sections gets a table of contents. */
export const TOC_MIN_SECTIONS = 4;

/** The id of the table of contents' own heading, which body headings must not take. */
export const TOC_HEADING_ID = "contents";

/** The table of contents for a body's headings: its `##` sections with their `###` subsections; empty below TOC_MIN_SECTIONS. */
export function tableOfContents(headings: readonly Heading[]): string {
  const sections = headings.filter((heading) => heading.level === 2);
  if (sections.length < TOC_MIN_SECTIONS) return "";
  const items: string[] = [];
  headings.forEach((heading, index) => {
    if (heading.level !== 2) return;
    const subsections: Heading[] = [];
    for (const next of headings.slice(index + 1)) {
      if (next.level <= 2) break;
      if (next.level === 3) subsections.push(next);
    }
    const sublist = subsections.length ? `<ol>${subsections.map(link).join("")}</ol>` : "";
    items.push(`<li><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a>${sublist}</li>`);
  });
  return `<nav class="toc" aria-labelledby="${TOC_HEADING_ID}"><h2 id="${TOC_HEADING_ID}">Contents</h2><ol>${items.join("")}</ol></nav>\n`;
}

function link(heading: Heading): string {
  return `<li><a href="#${escapeHtml(heading.id)}">${escapeHtml(heading.text)}</a></li>`;
}
