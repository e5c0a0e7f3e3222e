import { z } from "zod";
import { idField, idListField, markdownField, priceField, summaryField, textField, titleField } from "./fields.ts";
import { policyOverridesField } from "./policy.ts";

/** How a course can be taken. */
export const courseFormats = ["public-classroom", "online-live", "onsite-private"] as const;
/** How hard a course is, in the directory's order. */
export const courseLevels = ["introductory", "intermediate", "advanced"] as const;

/** `_data/courses/<course-id>.yaml`: one course of the directory; the file name is its id. */
export const courseSchema = z.strictObject({
  /** The course's name. */
  title: titleField,
  /** A `_data/categories.yaml` id. */
  category: idField,
  /** introductory, intermediate or advanced. */
  level: z.enum(courseLevels),
  /** Length in teaching days. */
  durationDays: z.number().int("must be a whole number of days").min(1).max(30),
  /** List price per seat in whole dollars; leave it out for "price on request". */
  priceUSD: priceField.optional(),
  /** Plain text, at most 200 characters, for cards and search results. */
  summary: summaryField,
  /** Markdown: what the course covers and why it matters. */
  description: markdownField,
  /** Who the course is for, one line each. */
  audience: z.array(textField).min(1, "must name at least one audience"),
  /** What students should know beforehand; an empty list means none. */
  prerequisites: z.array(textField).default([]),
  /** What students can do afterwards, one line each. */
  objectives: z.array(textField).min(1, "must list at least one objective"),
  /** The syllabus: sections, each a title and its topics. */
  outline: z.array(z.strictObject({ title: titleField, topics: z.array(textField).min(1) })).min(1),
  /** public-classroom, online-live and/or onsite-private. */
  formats: z.array(z.enum(courseFormats)).min(1, "must name at least one format"),
  /** Ids of courses to suggest next to this one. */
  relatedCourses: idListField,
  /** Clause id -> Markdown replacing that clause of the policies for every class of this course. */
  policies: policyOverridesField,
  /** `true` keeps the course off the published site, so its classes must be drafts too; `npm start` and previews show it marked "Draft". Remove it to publish. */
  draft: z.boolean().default(false),
});

/** A course level. */
export type CourseLevel = (typeof courseLevels)[number];
/** A course format. */
export type CourseFormat = (typeof courseFormats)[number];
/** A validated course, with the id taken from its file name. */
export type Course = z.output<typeof courseSchema> & { id: string };
