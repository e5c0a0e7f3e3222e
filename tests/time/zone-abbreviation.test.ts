import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dayNumber, isoWeekdayOf } from "../../src/time/calendar-days.ts";
import { memoByInstant } from "../../src/time/instant-memo.ts";
import { zoneAbbreviation } from "../../src/time/zone-abbreviation.ts";

const denver = (iso: string) => DateTime.fromISO(iso, { zone: "America/Denver" }) as DateTime<true>;

describe("zoneAbbreviation", () => {
  it("writes what luxon's ZZZZ writes, through a year and on each side of both daylight-saving changes", () => {
    const seen = new Set<string>();
    const year = Array.from({ length: 2000 }, (_, index) => denver("2027-01-01T00:30").plus({ hours: 5 * index }));
    // The last minute before and the first after each change (in November, 1:30 happens twice).
    const changes = [denver("2027-03-14T01:59"), denver("2027-03-14T03:00"), ...[1, 2].map((hours) => denver("2027-11-07T00:30").plus({ hours }))];
    for (const at of [...year, ...changes]) {
      const expected = at.setLocale("en-US").toFormat("ZZZZ");
      seen.add(expected);
      expect(zoneAbbreviation(at)).toBe(expected);
    }
    expect([...seen].sort()).toEqual(["MDT", "MST"]);
    expect(changes.map(zoneAbbreviation)).toEqual(["MST", "MDT", "MDT", "MST"]);
  });

  it("reads an instant given in another zone in the site's zone", () => {
    expect(zoneAbbreviation(DateTime.fromISO("2027-07-01T12:00:00Z", { zone: "utc" }))).toBe("MDT");
  });
});

describe("calendar days", () => {
  it("count days and name weekdays as luxon does, across years and the DST change", () => {
    const start = denver("2026-12-28T09:00");
    for (let offset = 0; offset < 800; offset++) {
      const day = start.plus({ days: offset });
      expect(dayNumber(day)).toBe(dayNumber(start) + offset);
      expect(isoWeekdayOf(dayNumber(day))).toBe(day.weekday);
    }
  });

  it("know the days before 1970 too", () => {
    expect(isoWeekdayOf(dayNumber(denver("1969-12-29T09:00")))).toBe(1);
  });
});

describe("memoByInstant", () => {
  it("works a label out once per instant, whatever zone the instant is given in", () => {
    let calls = 0;
    const label = memoByInstant((value) => {
      calls++;
      return value.setZone("America/Denver").toISO();
    });
    const at = denver("2027-03-14T03:30");
    expect(label(at.setZone("utc"))).toBe(label(at));
    expect(calls).toBe(1);
  });

  it("starts again past its limit rather than growing", () => {
    let calls = 0;
    const label = memoByInstant(() => ++calls, 2);
    const at = denver("2027-03-14T09:00");
    label(at);
    label(at.plus({ minutes: 1 }));
    label(at.plus({ minutes: 2 }));
    label(at);
    expect(calls).toBe(4);
  });
});
