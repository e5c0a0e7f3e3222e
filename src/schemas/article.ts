import { z } from "zod";
import { MAX_TITLE_LENGTH } from "../filters/text-filters.ts";
import { dateTimeField, idField, idListField, redirectFromField, summaryField, textField, titleField } from "./fields.ts";

/** The front matter of `content/articles/<slug>.md` or `content/articles/<slug>/index.md`; the file or folder name is the slug. */
export const articleSchema = z
  .strictObject({
    /** The headline. */
    title: titleField,
    /** A shorter headline for the browser tab and search results. Optional: a title over 70 characters without one gets a warning (it would be cut there), never an error. */
    shortTitle: titleField.max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`).optional(),
    /** Publication date, quoted: "2026-12-07" or "2026-12-07T08:00". A future date schedules the article. */
    date: dateTimeField,
    /** An `_data/authors.yaml` id. */
    author: idField,
    /** Plain text, at most 200 characters: the meta description and the card text. */
    summary: summaryField,
    /** Topics; spellings differing only in case, spaces or hyphens are the same tag. */
    tags: z.array(textField).default([]),
    /** Date of the last substantial revision, quoted. */
    updated: dateTimeField.optional(),
    /** true keeps the article out of production builds. */
    draft: z.boolean().default(false),
    /** Course ids to recommend under the article. */
    relatedCourses: idListField,
    /** Old paths of this article that must keep working (301 redirects). */
    aliases: z.array(redirectFromField).default([]),
    /** The lead image, shown above the text, on the article's card and when the article is shared: a file beside index.md, or /images/<name> from content/images/. */
    image: textField.optional(),
    /** What the lead image shows, for readers who cannot see it; required with `image`. */
    imageAlt: textField.optional(),
    /** false leaves out the table of contents an article with four or more `##` sections gets (it is on unless set to false). */
    toc: z.boolean().optional(),
  })
  .superRefine((article, context) => {
    if (article.image && !article.imageAlt) context.addIssue({ code: "custom", path: ["imageAlt"], message: "is required with image: say what the picture shows, for readers who cannot see it" });
    if (article.imageAlt && !article.image) context.addIssue({ code: "custom", path: ["image"], message: "is missing: imageAlt describes a lead image, so name the image file too (or remove imageAlt)" });
    // Compared by day: "updated" is often a plain date on the same day as a timed "date".
    if (article.updated && article.updated.startOf("day") < article.date.startOf("day")) {
      context.addIssue({ code: "custom", path: ["updated"], message: "must not be before date" });
    }
  });

/** Validated article front matter. */
export type ArticleFrontMatter = z.output<typeof articleSchema>;

/**
 * Why a title will be cut in the browser tab and in search results, with a shortTitle to add; undefined when it fits.
 * A warning rather than an error: the page title is then cut at a word with an ellipsis, which is valid, only less clear.
 */
export function titleTooLong(article: Pick<ArticleFrontMatter, "title" | "shortTitle">): string | undefined {
  if (article.shortTitle || article.title.length <= MAX_TITLE_LENGTH) return undefined;
  const cut = article.title.slice(0, MAX_TITLE_LENGTH);
  const suggestion = cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,.:;!?-]+$/, "");
  return `is ${article.title.length} characters, more than the ${MAX_TITLE_LENGTH} a browser tab and a search result show, so it will be cut: shorten it, or add a shortTitle such as "${suggestion}"`;
}
