import { DateTime } from "luxon";
import { memoByInstant } from "../time/instant-memo.ts";
import { SITE_TIME_ZONE } from "../time/zone.ts";

function inSiteZone(value: DateTime): DateTime {
  return value.setZone(SITE_TIME_ZONE).setLocale("en-US");
}

/** A filter of a DateTime that says what it got when a template passes something else. */
function dateFilter(label: (value: DateTime) => string): (value: DateTime) => string {
  // Each label depends on the instant only (site zone, en-US), so it is worked out once per instant.
  const memoised = memoByInstant(label);
  return (value) => {
    if (!DateTime.isDateTime(value)) throw new TypeError(`Expected a luxon DateTime, got ${String(value)}`);
    return memoised(value);
  };
}

/** "February 19, 2014", in the site's zone. */
export const longDate = dateFilter((value) => inSiteZone(value).toFormat("MMMM d, yyyy"));

/** "2014-02-19", in the site's zone, for `<time datetime>`. */
export const isoDate = dateFilter((value) => inSiteZone(value).toISODate()!);

/** A full ISO 8601 date-time with the site zone's offset. */
export const isoDateTime = dateFilter((value) => inSiteZone(value).toISO({ suppressMilliseconds: true })!);
