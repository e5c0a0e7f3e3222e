import { afterEach, describe, expect, it } from "vitest";
import { readSiteNow } from "../../src/time/clock.ts";

describe("readSiteNow", () => {
  const saved = process.env.SITE_NOW;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_NOW;
    else process.env.SITE_NOW = saved;
  });

  it("reads SITE_NOW with an offset and shows it in the site zone", () => {
    const now = readSiteNow({ SITE_NOW: "2026-12-01T09:00:00-07:00" });
    expect(now.toISO()).toBe("2026-12-01T09:00:00.000-07:00");
    expect(now.zoneName).toBe("America/Denver");
  });

  it("converts a UTC SITE_NOW to the same instant in the site zone", () => {
    const now = readSiteNow({ SITE_NOW: "2027-07-01T15:00:00Z" });
    expect(now.toISO()).toBe("2027-07-01T09:00:00.000-06:00");
    expect(now.zoneName).toBe("America/Denver");
    expect(now.toMillis()).toBe(Date.UTC(2027, 6, 1, 15));
  });

  it("reads a SITE_NOW without an offset as local time in the site zone", () => {
    expect(readSiteNow({ SITE_NOW: "2026-12-01T09:00" }).toISO()).toBe("2026-12-01T09:00:00.000-07:00");
    expect(readSiteNow({ SITE_NOW: " 2027-03-15 " }).toISO()).toBe("2027-03-15T00:00:00.000-06:00");
  });

  it("uses the real clock when SITE_NOW is unset, empty or blank", () => {
    for (const env of [{}, { SITE_NOW: "" }, { SITE_NOW: "   " }]) {
      const before = Date.now();
      const now = readSiteNow(env);
      const after = Date.now();
      expect(now.isValid).toBe(true);
      expect(now.zoneName).toBe("America/Denver");
      expect(now.toMillis()).toBeGreaterThanOrEqual(before);
      expect(now.toMillis()).toBeLessThanOrEqual(after);
    }
  });

  it("reads process.env by default", () => {
    process.env.SITE_NOW = "2026-12-24T18:30:00-07:00";
    expect(readSiteNow().toISO()).toBe("2026-12-24T18:30:00.000-07:00");
  });

  it("refuses a SITE_NOW that is not ISO 8601, quoting it and giving an example", () => {
    expect(() => readSiteNow({ SITE_NOW: "next tuesday" })).toThrow(/^SITE_NOW="next tuesday" is not an ISO 8601 date-time \(.+\)\. Example: SITE_NOW=2026-12-01T09:00:00-07:00$/);
  });

  it("refuses an impossible date", () => {
    expect(() => readSiteNow({ SITE_NOW: "2026-02-30T09:00:00-07:00" })).toThrow(/SITE_NOW="2026-02-30T09:00:00-07:00" is not an ISO 8601 date-time/);
  });
});

describe("readSiteNow is strict", () => {
  it.each(["2026", "2026-W49", "2026-335", "2026-12-01T25:00:00-07:00"])("refuses the truncated or impossible SITE_NOW %s", (value) => {
    expect(() => readSiteNow({ SITE_NOW: value })).toThrow(new RegExp(`SITE_NOW="${value}" is not an ISO 8601 date-time`));
  });
});
