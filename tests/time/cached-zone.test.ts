import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { CachedZone } from "../../src/time/cached-zone.ts";
import { SITE_TIME_ZONE, SITE_ZONE } from "../../src/time/zone.ts";

const MINUTE = 60_000;

/**
 * The offsets the cached zone gives from `from` for `minutes` minutes, every `step` minutes, beside the IANA zone's
 * own, where they differ. Five minutes is fine enough: every change below falls on a five-minute mark (or, in 1883,
 * four seconds after one), so both sides of it are asked.
 */
function mismatches(name: string, from: string, minutes: number, step = 5): string[] {
  const cached = new CachedZone(name);
  const iana = IANAZone.create(name);
  const start = DateTime.fromISO(from, { zone: "utc" }).toMillis();
  const wrong: string[] = [];
  // Twice over: the first pass fills the cache, the second reads from it.
  for (let pass = 0; pass < 2; pass++) {
    for (let minute = 0; minute < minutes; minute += step) {
      const ts = start + minute * MINUTE;
      if (cached.offset(ts) !== iana.offset(ts)) wrong.push(`${name} ${new Date(ts).toISOString()}: ${cached.offset(ts)} against ${iana.offset(ts)}`);
    }
  }
  return wrong;
}

describe("the site's cached time zone", () => {
  it("gives the IANA zone's offset every five minutes of the three weeks around Denver's daylight-saving changes", () => {
    // An offset is kept per week: the weeks before, of and after each change.
    expect(mismatches(SITE_ZONE, "2026-03-01T00:00:00Z", 21 * 24 * 60)).toEqual([]);
    expect(mismatches(SITE_ZONE, "2026-10-25T00:00:00Z", 21 * 24 * 60)).toEqual([]);
  });

  it("gives the IANA zone's offset where zones change by half an hour, at odd minutes, or far in the past", () => {
    // Lord Howe Island moves by 30 minutes; Kathmandu sits at +5:45; Denver kept local mean time until 1883.
    expect(mismatches("Australia/Lord_Howe", "2026-04-04T00:00:00Z", 2 * 24 * 60)).toEqual([]);
    expect(mismatches("Asia/Kathmandu", "1985-12-31T00:00:00Z", 2 * 24 * 60)).toEqual([]);
    expect(mismatches(SITE_ZONE, "1883-11-17T00:00:00Z", 3 * 24 * 60)).toEqual([]);
  });

  it("gives the IANA zone's offset every 25 hours (each hour of the day in turn) across ten years", () => {
    expect(mismatches(SITE_ZONE, "2020-01-01T00:00:00Z", 10 * 366 * 24 * 60, 25 * 60)).toEqual([]);
  });

  it("makes date-times equal to luxon's own zone's, with the same name, local time and abbreviation", () => {
    const text = "2026-03-08T03:30:00";
    const cached = DateTime.fromISO(text, { zone: SITE_TIME_ZONE });
    const plain = DateTime.fromISO(text, { zone: SITE_ZONE });
    expect(cached.equals(plain)).toBe(true);
    expect(cached.zoneName).toBe(SITE_ZONE);
    expect(cached.toISO()).toBe(plain.toISO());
    expect(cached.plus({ days: 1 }).toISO()).toBe(plain.plus({ days: 1 }).toISO());
    expect(cached.toFormat("ZZZZ")).toBe(plain.toFormat("ZZZZ"));
  });

  it("refuses a zone name that does not exist", () => {
    expect(() => new CachedZone("America/Atlantis")).toThrow("unknown time zone: America/Atlantis");
  });
});
