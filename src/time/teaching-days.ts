import type { DateTime } from "luxon";

/**
 * The days a class meets: every weekday from its first to its last day, and those two days whatever they are.
 * Each is the first day's start time on that date, so a daylight-saving change keeps the wall-clock hours.
 */
export function teachingDays(start: DateTime<true>, end: DateTime<true>): DateTime<true>[] {
  const days: DateTime<true>[] = [];
  for (let day = start; day.startOf("day") <= end.startOf("day"); day = day.plus({ days: 1 })) {
    const isEdge = day.hasSame(start, "day") || day.hasSame(end, "day");
    if (isEdge || day.weekday <= 5) days.push(day);
  }
  return days;
}
