import type { DateTime } from "luxon";

const DAY_MS = 86_400_000;

/**
 * The local date of a date-time as a day number (days since 1970-01-01). Counting calendar days needs no zone:
 * luxon already holds the local year, month and day, and stepping a DateTime through a zone asks Intl for the
 * offset at every step, which was the build's largest cost in luxon.
 */
export function dayNumber(value: DateTime): number {
  return Date.UTC(value.year, value.month - 1, value.day) / DAY_MS;
}

/** The ISO weekday (1 = Monday ... 7 = Sunday) of a day number. */
export function isoWeekdayOf(day: number): number {
  // Day 0, 1 January 1970, was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
