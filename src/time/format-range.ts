import type { DateTime } from "luxon";
import { zoneAbbreviation } from "./zone-abbreviation.ts";
import { SITE_TIME_ZONE } from "./zone.ts";

const local = (value: DateTime) => value.setZone(SITE_TIME_ZONE).setLocale("en-US");
const DASH = " \u2013 ";
// Both ends are in the site's zone, so "the same day" is the same local date: comparing the fields luxon already
// holds spares hasSame its start and end of the unit, each a zone conversion.
const sameYear = (a: DateTime, b: DateTime) => a.year === b.year;
const sameMonth = (a: DateTime, b: DateTime) => sameYear(a, b) && a.month === b.month;
const sameDay = (a: DateTime, b: DateTime) => sameMonth(a, b) && a.day === b.day;

/**
 * Dates of a class as a person writes them: "Mon 7 Dec 2026", "Mon 7 – Thu 10 Dec 2026",
 * "Mon 30 Nov – Wed 2 Dec 2026", "Wed 30 Dec 2026 – Fri 1 Jan 2027". Always in the site's zone.
 */
export function formatDateRange(startValue: DateTime, endValue: DateTime): string {
  const start = local(startValue);
  const end = local(endValue);
  if (sameDay(start, end)) return start.toFormat("ccc d LLL yyyy");
  if (sameMonth(start, end)) return `${start.toFormat("ccc d")}${DASH}${end.toFormat("ccc d LLL yyyy")}`;
  if (sameYear(start, end)) return `${start.toFormat("ccc d LLL")}${DASH}${end.toFormat("ccc d LLL yyyy")}`;
  return `${start.toFormat("ccc d LLL yyyy")}${DASH}${end.toFormat("ccc d LLL yyyy")}`;
}

/**
 * Daily hours with the zone's abbreviation for each date: "9:00 AM – 4:30 PM MST", or
 * "9:00 AM MST – 4:30 PM MDT" when a daylight-saving change falls inside the class.
 */
export function formatTimeRange(startValue: DateTime, endValue: DateTime): string {
  const start = local(startValue);
  const end = local(endValue);
  const startZone = zoneAbbreviation(start);
  const endZone = zoneAbbreviation(end);
  if (startZone === endZone) return `${start.toFormat("h:mm a")}${DASH}${end.toFormat("h:mm a")} ${endZone}`;
  return `${start.toFormat("h:mm a")} ${startZone}${DASH}${end.toFormat("h:mm a")} ${endZone}`;
}

/**
 * A deadline as a person writes it: "Thu 3 Dec 2026, 5:00 PM MST", or, when it falls at midnight, the day it ends,
 * "Sun 31 Jan 2027": midnight starting 1 February is the end of 31 January, and "Mon 1 Feb, 12:00 AM" misleads.
 */
export function formatDeadline(atValue: DateTime): string {
  const at = local(atValue);
  if (at.hour === 0 && at.minute === 0 && at.second === 0 && at.millisecond === 0) return at.minus({ days: 1 }).toFormat("ccc d LLL yyyy");
  return `${at.toFormat("ccc d LLL yyyy, h:mm a")} ${zoneAbbreviation(at)}`;
}
