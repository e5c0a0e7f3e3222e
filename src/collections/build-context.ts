import type { DateTime } from "luxon";

/** What one build decides once and every collection obeys. */
export interface BuildContext {
  /** The reference clock (SITE_NOW). */
  now: DateTime<true>;
  /** Development builds (npm start) show drafts and scheduled articles, marked; production builds leave them out. */
  includeUnpublished: boolean;
}
