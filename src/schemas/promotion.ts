import { z } from "zod";
import { dateOnlyField, idField, idListField, textField, titleField } from "./fields.ts";

/**
 * One entry of `_data/promotions.yaml`. A dated promotion is an offer: the home page and the article sidebar
 * show it from validFrom to validUntil (both days included). A promotion with an id can also be placed inside an
 * article with the line `[[promotion: id]]`; one without dates is a standing message that only articles place.
 */
export const promotionSchema = z
  .strictObject({
    /** Lowercase letters, digits and hyphens; unique. Needed only to place the promotion in an article. */
    id: idField.optional(),
    /** The promotion's headline. */
    title: titleField,
    /** One or two sentences, plain text. */
    body: textField,
    /** Ids of courses from `_data/courses/` the promotion points to, shown as links below it in an article. */
    courses: idListField,
    /** First day shown, a quoted date. Leave out both dates for a standing promotion. */
    validFrom: dateOnlyField.optional(),
    /** Last day shown, a quoted date. */
    validUntil: dateOnlyField.optional(),
    /** `true` keeps the promotion off the published site; `npm start` and previews show it marked "Draft". Remove it to publish. */
    draft: z.boolean().default(false),
  })
  .superRefine((promotion, context) => {
    if (promotion.validFrom && !promotion.validUntil) {
      context.addIssue({ code: "custom", path: ["validUntil"], message: "is required when validFrom is set (leave out both for a standing promotion)" });
    }
    if (promotion.validUntil && !promotion.validFrom) {
      context.addIssue({ code: "custom", path: ["validFrom"], message: "is required when validUntil is set (leave out both for a standing promotion)" });
    }
    if (promotion.validFrom && promotion.validUntil && promotion.validUntil < promotion.validFrom) {
      context.addIssue({ code: "custom", path: ["validUntil"], message: "must not be before validFrom" });
    }
    if (!promotion.validFrom && !promotion.validUntil && !promotion.id) {
      context.addIssue({ code: "custom", path: ["id"], message: "is required for a promotion without dates: only an article can show it, by its id" });
    }
  });

/** A validated promotion. */
export type Promotion = z.output<typeof promotionSchema>;
