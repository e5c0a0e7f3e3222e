import { z } from "zod";
import { dateOnlyField, textField, titleField } from "./fields.ts";

/** One entry of `_data/promotions.yaml`: an offer shown from validFrom to validUntil (both days included). */
export const promotionSchema = z
  .strictObject({
    /** The offer's headline. */
    title: titleField,
    /** One or two sentences, plain text. */
    body: textField,
    /** First day shown, a quoted date. */
    validFrom: dateOnlyField,
    /** Last day shown, a quoted date. */
    validUntil: dateOnlyField,
  })
  .superRefine((promotion, context) => {
    if (promotion.validUntil < promotion.validFrom) {
      context.addIssue({ code: "custom", path: ["validUntil"], message: "must not be before validFrom" });
    }
  });

/** A validated promotion. */
export type Promotion = z.output<typeof promotionSchema>;
