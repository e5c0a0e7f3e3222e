import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { teachingDayCount, teachingDays } from "../../src/time/teaching-days.ts";
import { teachingDaysRule } from "../../src/feeds/calendar.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";

const denver = (text: string) => DateTime.fromISO(text, { zone: SITE_ZONE }) as DateTime<true>;
const dates = (days: DateTime[]) => days.map((day) => day.toFormat("ccc d LLL HH:mm"));

describe("teachingDays", () => {
  it("is the one day of a one-day class", () => {
    expect(dates(teachingDays(denver("2027-07-12T09:00"), denver("2027-07-12T16:30")))).toEqual(["Mon 12 Jul 09:00"]);
  });

  it("is every weekday of a Monday-to-Friday class, at the first day's start time", () => {
    expect(dates(teachingDays(denver("2026-12-07T09:00"), denver("2026-12-11T16:30")))).toEqual([
      "Mon 7 Dec 09:00",
      "Tue 8 Dec 09:00",
      "Wed 9 Dec 09:00",
      "Thu 10 Dec 09:00",
      "Fri 11 Dec 09:00",
    ]);
  });

  it("skips the weekend, and keeps the wall-clock hour across the daylight-saving change", () => {
    const days = teachingDays(denver("2027-03-12T09:00"), denver("2027-03-15T16:30"));
    expect(dates(days)).toEqual(["Fri 12 Mar 09:00", "Mon 15 Mar 09:00"]);
    expect(days.map((day) => day.offset)).toEqual([-420, -360]);
  });

  it("keeps a first or last day that falls on a weekend", () => {
    expect(dates(teachingDays(denver("2027-05-08T09:00"), denver("2027-05-11T16:30")))).toEqual(["Sat 8 May 09:00", "Mon 10 May 09:00", "Tue 11 May 09:00"]);
  });

  it("are counted by teachingDayCount as teachingDays lists them, for every first day of March 2027 and up to three weeks", () => {
    // March holds the daylight-saving change and every weekday; the count the content check compares with durationDays.
    for (let first = 1; first <= 31; first++) {
      const start = denver(`2027-03-${String(first).padStart(2, "0")}T09:00`);
      for (let length = 0; length <= 21; length++) {
        const end = start.plus({ days: length }).set({ hour: 16, minute: 30 });
        expect(teachingDayCount(start, end), `${start.toISODate()} to ${end.toISODate()}`).toBe(teachingDays(start, end).length);
      }
    }
  });
});

describe("teachingDaysRule", () => {
  const session = (start: string, end: string) => ({ days: teachingDays(denver(start), denver(end)), end: denver(end) });

  it("describes a Monday-to-Friday class as five weekday meetings", () => {
    expect(teachingDaysRule(session("2026-12-07T09:00", "2026-12-11T16:30"))).toMatchObject({ freq: "DAILY", count: 5, byDay: ["MO", "TU", "WE", "TH", "FR"] });
  });

  it("needs no rule for a one-day class", () => {
    expect(teachingDaysRule(session("2027-07-12T09:00", "2027-07-12T16:30"))).toBeUndefined();
  });

  it("gives up rather than invent a meeting when one rule cannot describe the days", () => {
    // Saturday to the Sunday eight days later: a rule with SA and SU would also meet on the first Sunday.
    expect(teachingDaysRule(session("2027-05-08T09:00", "2027-05-16T16:30"))).toBeUndefined();
  });
});
