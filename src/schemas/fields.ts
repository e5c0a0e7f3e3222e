import { z } from "zod";
import { parseSiteDate } from "../time/parse-date.ts";

/** A lowercase kebab-case identifier, as used in file names, ids and URLs. */
export const idField = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens, such as \"java-fundamentals\"");

/** Text that must not be blank. */
export const textField = z.string().trim().min(1, "must not be empty");

/** A short plain-text summary that fits a search result and a card: at most 200 characters. */
export const summaryField = textField.max(200, "must be at most 200 characters");

/** Markdown source, rendered when the collections are derived. */
export const markdownField = textField;

function dateField(allowTime: boolean) {
  // YAML "timestamp" values arrive as Date objects: the editor forgot the quotes, and YAML may have rolled the date over.
  return z
    .unknown()
    .transform((value, context) => {
      if (value instanceof Date) {
        context.addIssue({ code: "custom", message: "must be a quoted string, such as \"2026-12-07\": unquoted YAML dates are not accepted" });
        return z.NEVER;
      }
      if (value === undefined) {
        context.addIssue({ code: "custom", message: "is required" });
        return z.NEVER;
      }
      if (typeof value !== "string") {
        context.addIssue({ code: "custom", message: "must be a quoted date string, such as \"2026-12-07\"" });
        return z.NEVER;
      }
      const result = parseSiteDate(value, { allowTime });
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.value;
    });
}

/** A quoted ISO date ("2026-12-07"), read as midnight in the site's zone. */
export const dateOnlyField = dateField(false);

/** A quoted ISO date or date-time, read in the site's zone unless it carries an offset. */
export const dateTimeField = dateField(true);

/** A whole number of US dollars. */
export const priceField = z.number().int("must be a whole number of dollars").positive("must be more than 0");

/** A list of ids of other entities; checked against them once everything is loaded. */
export const idListField = z.array(idField).default([]);

/** A root-relative site path such as "/courses/". */
export const sitePathField = z.string().regex(/^\/[^\s]*$/, "must be a path on this site starting with \"/\", such as \"/courses/\"");
