import type { DateTime } from "luxon";
import { dayNumber, isoWeekdayOf } from "./calendar-days.ts";

/**
 * The days a class meets: every weekday from its first to its last day, and those two days whatever they are.
 * Each is the first day's start time on that date, so a daylight-saving change keeps the wall-clock hours.
 */
export function teachingDays(start: DateTime<true>, end: DateTime<true>): DateTime<true>[] {
  // The dates are counted as plain calendar days; only the days kept become DateTimes in the zone.
  const first = dayNumber(start);
  const last = dayNumber(end.setZone(start.zone));
  const days: DateTime<true>[] = [];
  for (let day = first; day <= last; day++) {
    const isEdge = day === first || day === last;
    if (isEdge || isoWeekdayOf(day) <= 5) days.push(day === first ? start : start.plus({ days: day - first }));
  }
  return days;
}
