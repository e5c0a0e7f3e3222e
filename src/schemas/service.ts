import { z } from "zod";
import { idListField, markdownField, summaryField, textField, titleField } from "./fields.ts";

/** `_data/services/<id>.yaml`: one consulting service; the file name is its id. */
export const serviceSchema = z.strictObject({
  /** The service's name. */
  title: titleField,
  /** Plain text, at most 200 characters. */
  summary: summaryField,
  /** Markdown: what the service is and how it works. */
  body: markdownField,
  /** What the client receives, one line each. */
  offerings: z.array(textField).min(1),
  /** A sentence on a typical engagement's length and shape. */
  engagement: textField,
  /** Ids of courses that go with the service. */
  relatedCourses: idListField,
  /** Position in lists, smallest first; unique. */
  order: z.number().int().min(1),
  /** `true` keeps the service off the published site; `npm start` and previews show it marked "Draft". Remove it to publish. */
  draft: z.boolean().default(false),
});

/** A validated consulting service, with the id taken from its file name. */
export type Service = z.output<typeof serviceSchema> & { id: string };
