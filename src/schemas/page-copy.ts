import { z } from "zod";
import { idField, markdownField, textField } from "./fields.ts";

/**
 * The front matter of a `content/copy/<page>.md` file: the words of one fixed page (home, About, mentoring,
 * private training, contact, consulting). The Markdown below the front matter is the page's main text; the
 * page's template only lays these out.
 */
export const pageCopySchema = z.strictObject({
  /** The page's heading, and its title in the browser tab and search results. */
  title: textField,
  /** The summary search engines and link previews show, at most 160 characters. The home page uses site.yaml's. */
  description: textField.max(160, "must be at most 160 characters").optional(),
  /** The opening sentence or two under the heading, plain text. */
  lede: textField,
  /** Short Markdown passages the page places in its own spots, by name (e.g. About's `faculty`). Which names a page needs is listed in src/content/page-copy-pages.ts. */
  blocks: z.record(idField, markdownField).default({}),
});

/** Validated page copy front matter. */
export type PageCopyFrontMatter = z.output<typeof pageCopySchema>;
