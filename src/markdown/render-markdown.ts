import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { bodyReferences } from "./body-references.ts";
import { codeBlocks } from "./code-blocks.ts";
import { fileLinks } from "./file-links.ts";
import { footnoteBackrefs } from "./footnote-backrefs.ts";
import { foreignSyntaxWarnings } from "./foreign-syntax-warnings.ts";
import { headingAnchors } from "./heading-anchors.ts";
import { markdownImages } from "./markdown-images.ts";
import { fileLine, type Heading, type ImageReference, type LinkReference, type MarkdownOptions, type MarkdownState } from "./markdown-state.ts";
import { PAGE_IDS } from "./page-ids.ts";
import { promotionMarkerPlugin } from "./promotion-marker.ts";
import { rawHtmlWarnings } from "./raw-html-warnings.ts";
import { tableOfContents } from "./table-of-contents.ts";
import { tables } from "./tables.ts";
import type { ContentProblem } from "../content/problems.ts";

// Raw HTML is off: editors write Markdown, and nothing they paste can bring a script or an inline style into a page.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });
markdown.use(promotionMarkerPlugin);
markdown.use(footnote);
markdown.use(footnoteBackrefs);
markdown.use(headingAnchors);
markdown.use(codeBlocks);
markdown.use(tables);
markdown.use(markdownImages);
markdown.use(fileLinks);
markdown.use(bodyReferences);
markdown.use(rawHtmlWarnings);
markdown.use(foreignSyntaxWarnings);
markdown.use(nestingLimit);

/**
 * markdown-it stops parsing blocks nested deeper than `maxNesting` (lists, quotes) and drops the rest of the
 * document without a word. Every nested block parse goes through `md.block.tokenize`, so the wrapper sees the
 * limit being reached and reports the line instead: the text would otherwise vanish from the page.
 */
function nestingLimit(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  // Read from the options, not assumed: the preset sets it (100 for markdown-it's default); its type omits it.
  const maxNesting = (md.options as { maxNesting?: number }).maxNesting ?? 100;
  md.block.tokenize = (state, startLine, endLine) => {
    const first = state.skipEmptyLines(startLine);
    if (state.level >= maxNesting && first < endLine && state.sCount[first]! >= state.blkIndent) {
      const env = state.env as MarkdownState;
      env.problems.push({
        file: env.file,
        line: fileLine(env, first),
        field: env.field ?? "body",
        message: "nests lists or quotes too deeply here (Markdown's limit), and the text from this line on would be lost: nest less deeply",
      });
    }
    tokenize(state, startLine, endLine);
  };
}

/** A rendered body and what the content check needs to know about it. */
export interface RenderedMarkdown {
  html: string;
  /** Every heading with its id, in order. */
  headings: Heading[];
  /** Every link, with its line. */
  links: LinkReference[];
  /** Every image, with its line. */
  images: ImageReference[];
  /** Problems found while rendering: errors (a `#` heading, an image without alt text) and warnings (an unknown code language). */
  problems: ContentProblem[];
}

/** Renders an editor's Markdown to HTML and reports what is wrong with it; the one place Markdown becomes markup. */
export function renderMarkdownDocument(source: string, options: MarkdownOptions): RenderedMarkdown {
  const state: MarkdownState = { ...options, reservedIds: [...PAGE_IDS, ...(options.reservedIds ?? [])], headings: [], links: [], images: [], problems: [] };
  const body = markdown.render(source, state);
  const toc = options.tableOfContents ? tableOfContents(state.headings) : "";
  return { html: toc + body, headings: state.headings, links: state.links, images: state.images, problems: state.problems };
}

/** Reading time in whole minutes at 220 words a minute, never less than one. */
export function readingMinutes(source: string): number {
  const words = source.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.ceil(words / 220));
}
