import { z } from "zod";
import { idField, summaryField, textField } from "./fields.ts";

/** One entry of `_data/learning-paths.yaml`: courses to take in order, such as Java Fundamentals then Advanced Java. */
export const learningPathSchema = z.strictObject({
  /** Stable id: the path's URL, /paths/<id>/. */
  id: idField,
  /** The path's name, e.g. "Java developer". */
  title: textField,
  /** Plain text, at most 200 characters: who the path is for and where it leads. */
  summary: summaryField,
  /** Course ids in the order to take them; at least two. */
  courses: z.array(idField).min(2, "must list at least two courses, in the order to take them"),
  /** The certification the path prepares for, if any, e.g. "AWS Certified Cloud Practitioner". */
  certification: textField.optional(),
  /** `true` keeps the path off the published site; `npm start` and previews show it marked "Draft". Remove it to publish. */
  draft: z.boolean().default(false),
});

/** A validated learning path. */
export type LearningPath = z.output<typeof learningPathSchema>;
