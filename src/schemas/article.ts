import { z } from "zod";
import { dateTimeField, idField, idListField, sitePathField, summaryField, textField, titleField } from "./fields.ts";

/** The front matter of `content/articles/<slug>.md`; the file name is the slug. */
export const articleSchema = z
  .strictObject({
    /** The headline. */
    title: titleField,
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
    aliases: z.array(sitePathField).default([]),
  })
  .superRefine((article, context) => {
    // Compared by day: "updated" is often a plain date on the same day as a timed "date".
    if (article.updated && article.updated.startOf("day") < article.date.startOf("day")) {
      context.addIssue({ code: "custom", path: ["updated"], message: "must not be before date" });
    }
  });

/** Validated article front matter. */
export type ArticleFrontMatter = z.output<typeof articleSchema>;
