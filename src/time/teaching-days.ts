import type { DateTime } from "luxon";
import { dayNumber, isoWeekdayOf } from "./calendar-days.ts";

/** The day numbers (src/time/calendar-days.ts) a class meets on: every weekday from its first to its last day, and those two. */
function teachingDayNumbers(start: DateTime<true>, end: DateTime<true>): number[] {
  const first = dayNumber(start);
  const last = dayNumber(end.setZone(start.zone));
  const days: number[] = [];
  for (let day = first; day <= last; day++) if (day === first || day === last || isoWeekdayOf(day) <= 5) days.push(day);
  return days;
}

/**
 * The days a class meets: every weekday from its first to its last day, and those two days whatever they are.
 * Each is the first day's start time on that date, so a daylight-saving change keeps the wall-clock hours.
 */
export function teachingDays(start: DateTime<true>, end: DateTime<true>): DateTime<true>[] {
  // The dates are counted as plain calendar days; only the days kept become DateTimes in the zone. The first day is
  // always kept, and is `start` itself.
  const days = teachingDayNumbers(start, end);
  return days.map((day) => (day === days[0] ? start : start.plus({ days: day - days[0]! })));
}

/**
 * How many days a class meets (teachingDays' length) without making a DateTime of each: the content check counts
 * them for every class on every load, and a DateTime in a zone asks Intl for its offset (about 11 MB of garbage a
 * save of `_data/schedule.yaml` at 800 classes).
 */
export function teachingDayCount(start: DateTime<true>, end: DateTime<true>): number {
  return teachingDayNumbers(start, end).length;
}
