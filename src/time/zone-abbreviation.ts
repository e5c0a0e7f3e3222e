import type { DateTime } from "luxon";
import { SITE_ZONE } from "./zone.ts";

// The same options luxon passes to Intl for its "ZZZZ" token, in en-US, made once: luxon builds a new
// Intl.DateTimeFormat for every zone name it writes, which cost more than all of a session's other labels.
const ZONE_NAME = new Intl.DateTimeFormat("en-US", {
  timeZoneName: "short",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: SITE_ZONE,
});

/** "MST" or "MDT": the site zone's abbreviation at an instant, as luxon's "ZZZZ" writes it in en-US. */
export function zoneAbbreviation(at: DateTime): string {
  return ZONE_NAME.formatToParts(at.toJSDate()).find((part) => part.type === "timeZoneName")?.value ?? "";
}
