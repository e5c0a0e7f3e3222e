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
  /** Short Markdown passages the page places in its own spots, by name (e.g. About's `faculty`). Which names a page needs is listed in src/schemas/page-copy.ts. */
  blocks: z.record(idField, markdownField).default({}),
});

/** Validated page copy front matter. */
export type PageCopyFrontMatter = z.output<typeof pageCopySchema>;

/** What each fixed page needs from its copy file: the blocks its template places, and whether it has its own description. */
export interface PageCopyNeeds {
  /** Block names the template uses; each must be in the file, and no other. */
  blocks: readonly string[];
  /** False only for the home page, whose description is site.yaml's. */
  description: boolean;
}

/** The fixed pages whose words live in `content/copy/<id>.md`, and what each must contain. */
export const PAGE_COPY_PAGES = {
  home: { blocks: ["training", "consulting", "mentoring"], description: false },
  about: { blocks: ["faculty", "locations", "contact"], description: true },
  mentoring: { blocks: [], description: true },
  "private-training": { blocks: ["enquiry"], description: true },
  contact: { blocks: ["hours", "classrooms"], description: true },
  consulting: { blocks: ["start"], description: true },
} as const satisfies Record<string, PageCopyNeeds>;

/** The id of a fixed page with editable copy. */
export type PageCopyId = keyof typeof PAGE_COPY_PAGES;

/** Where page copy lives, relative to the project root. */
export const PAGE_COPY_FOLDER = "content/copy";
