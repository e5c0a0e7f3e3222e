import type { ContentProblem } from "../content/problems.ts";

/** A heading of a rendered body, in document order. */
export interface Heading {
  /** 1 to 6. */
  level: number;
  /** The id it was given: stable (derived from its text) and unique within the page. */
  id: string;
  /** Its text without markup. */
  text: string;
}

/** A link in a body, where it was written. */
export interface LinkReference {
  href: string;
  /** Line in the content file. */
  line: number;
  /** The href as the editor wrote it, where the page links elsewhere (a link to an article's file: src/markdown/file-links.ts). */
  written?: string;
}

/** An image in a body, as written: `![alt](src)`. */
export interface ImageReference {
  src: string;
  /** The alt text as the editor wrote it. */
  alt: string;
  /** The title in `![alt](src "title")`, if any. */
  title?: string;
  /** Line in the content file. */
  line: number;
}

/** Turns one image reference into markup, reporting a problem (and returning undefined) when it cannot. */
export type ImageRenderer = (image: ImageReference, decorative: boolean) => string | undefined;

/** How a body is rendered and where problems are reported. */
export interface MarkdownOptions {
  /** The content file, for problems; relative to the project root. */
  file: string;
  /** The file's line holding the body's first line. */
  firstLine: number;
  /** The field problems are reported under: `body` (the default) for articles and services, `description` for courses. */
  field?: string;
  /** Makes `<picture>` markup for images; without one, an image is reported as not allowed here. */
  renderImage?: ImageRenderer;
  /** Adds a table of contents when the body has at least TOC_MIN_SECTIONS `##` headings. */
  tableOfContents?: boolean;
  /** Ids the page already uses around the body, which headings must not take. */
  reservedIds?: readonly string[];
  /** The highest heading the body may have: 2 (`##`) unless the page puts it under headings of its own (3 under a policy's title). */
  firstHeadingLevel?: number;
}

/** The markdown-it `env` of one render: options in, findings out. */
export interface MarkdownState extends MarkdownOptions {
  headings: Heading[];
  links: LinkReference[];
  images: ImageReference[];
  problems: ContentProblem[];
}

/** The file line of a 0-based body line. */
export function fileLine(state: MarkdownState, bodyLine: number): number {
  return state.firstLine + bodyLine;
}

/** A reader of an inline block's source that finds its pieces in order (SourceLines). */
export interface SourceLines {
  /** The 0-based line `text` starts on, found after the last piece found; undefined (and nothing moved) when it is not there. */
  find(text: string): number | undefined;
  /** The line of the last piece found, or the block's first line. */
  readonly line: number;
}

/**
 * Finds pieces of an inline block's text (runs of text, tags, code) in the block's own source, in order, and tells
 * the line each starts on (0-based, as `map`): a line break inside a code span or a link's address is no token of
 * its own, so the lines are counted in the source, from the last piece found to the next.
 */
export function sourceLines(source: string, firstLine: number): SourceLines {
  let searchedTo = 0;
  let line = firstLine;
  return {
    find(text) {
      const at = text ? source.indexOf(text, searchedTo) : -1;
      if (at === -1) return undefined;
      for (let newline = source.indexOf("\n", searchedTo); newline !== -1 && newline < at; newline = source.indexOf("\n", newline + 1)) line++;
      searchedTo = at + text.length;
      return line;
    },
    get line() {
      return line;
    },
  };
}
