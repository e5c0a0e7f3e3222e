import { z } from "zod";
import { redirectFromField, redirectToField } from "./fields.ts";

/** One entry of `_data/redirects.yaml`: a page that moved. */
export const redirectSchema = z.strictObject({
  /** The old path, such as "/old-page/"; "/old-section/*" covers everything under a section this site no longer has. */
  from: redirectFromField,
  /** The page's current path on this site: a page the build writes, never another redirect's old path. */
  to: redirectToField,
});

/** A validated redirect. */
export type Redirect = z.output<typeof redirectSchema>;
