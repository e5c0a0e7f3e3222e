import { DateTime } from "luxon";
import { SITE_ZONE } from "../time/zone.ts";

function inSiteZone(value: DateTime): DateTime {
  if (!DateTime.isDateTime(value)) throw new TypeError(`Expected a luxon DateTime, got ${String(value)}`);
  return value.setZone(SITE_ZONE).setLocale("en-US");
}

/** "February 19, 2014", in the site's zone. */
export function longDate(value: DateTime): string {
  return inSiteZone(value).toFormat("MMMM d, yyyy");
}

/** "2014-02-19", in the site's zone, for `<time datetime>`. */
export function isoDate(value: DateTime): string {
  return inSiteZone(value).toISODate()!;
}

/** A full ISO 8601 date-time with the site zone's offset. */
export function isoDateTime(value: DateTime): string {
  return inSiteZone(value).toISO({ suppressMilliseconds: true })!;
}
