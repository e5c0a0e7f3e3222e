import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDateRange, formatDeadline, formatTimeRange } from "../../src/time/format-range.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";

const denver = (text: string) => DateTime.fromISO(text, { zone: SITE_ZONE });

describe("formatDateRange", () => {
  it.each([
    ["2027-07-12T09:00", "2027-07-12T16:30", "Mon 12 Jul 2027"],
    ["2026-12-07T09:00", "2026-12-10T16:30", "Mon 7 \u2013 Thu 10 Dec 2026"],
    ["2026-11-30T09:00", "2026-12-02T16:30", "Mon 30 Nov \u2013 Wed 2 Dec 2026"],
    ["2026-12-30T09:00", "2027-01-01T16:30", "Wed 30 Dec 2026 \u2013 Fri 1 Jan 2027"],
  ])("writes %s to %s as %s", (start, end, expected) => {
    expect(formatDateRange(denver(start), denver(end))).toBe(expected);
  });

  it("uses the site's zone whatever zone the values carry", () => {
    const start = denver("2026-12-07T22:00").setZone("UTC"); // already 8 December in UTC
    expect(formatDateRange(start, start.plus({ minutes: 30 }))).toBe("Mon 7 Dec 2026");
  });
});

describe("formatTimeRange", () => {
  it("names MST in winter and MDT in summer", () => {
    expect(formatTimeRange(denver("2027-01-12T09:00"), denver("2027-01-12T16:30"))).toBe("9:00 AM \u2013 4:30 PM MST");
    expect(formatTimeRange(denver("2027-07-12T09:00"), denver("2027-07-12T16:30"))).toBe("9:00 AM \u2013 4:30 PM MDT");
  });

  it("names both zones when a class crosses the daylight-saving change", () => {
    expect(formatTimeRange(denver("2027-03-12T09:00"), denver("2027-03-15T16:30"))).toBe("9:00 AM MST \u2013 4:30 PM MDT");
  });
});

describe("formatDeadline", () => {
  it.each([
    ["2026-12-03T17:00", "Thu 3 Dec 2026, 5:00 PM MST"],
    ["2027-07-12T09:30", "Mon 12 Jul 2027, 9:30 AM MDT"],
    ["2027-02-01T00:00", "Sun 31 Jan 2027"],
    ["2027-03-15T00:00", "Sun 14 Mar 2027"],
    ["2027-02-01T00:01", "Mon 1 Feb 2027, 12:01 AM MST"],
  ])("writes a deadline at %s as %s", (at, expected) => {
    expect(formatDeadline(denver(at))).toBe(expected);
  });

  it("reads midnight in the site's zone whatever zone the value carries", () => {
    expect(formatDeadline(denver("2027-02-01T00:00").setZone("UTC"))).toBe("Sun 31 Jan 2027");
    expect(formatDeadline(denver("2027-01-31T17:00").setZone("Asia/Tokyo"))).toBe("Sun 31 Jan 2027, 5:00 PM MST");
  });
});
