import { z } from "zod";
import { sitePathField } from "./fields.ts";

/** One entry of `_data/redirects.yaml`: a page that moved. */
export const redirectSchema = z.strictObject({
  /** The old path. */
  from: sitePathField,
  /** The page's current path on this site. */
  to: sitePathField,
});

/** A validated redirect. */
export type Redirect = z.output<typeof redirectSchema>;
