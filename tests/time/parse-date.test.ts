import { describe, expect, it } from "vitest";
import { parseSiteDate } from "../../src/time/parse-date.ts";
import { SITE_ZONE } from "../../src/time/zone.ts";

/** Parses and returns the ISO string, failing the test with the parser's message if it refused. */
function iso(input: string, options?: { allowTime: boolean }): string {
  const result = parseSiteDate(input, options);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.message}`);
  expect(result.value.zoneName).toBe(SITE_ZONE);
  return result.value.toISO();
}

/** Parses and returns the refusal message, failing the test if the input was accepted. */
function refusal(input: string, options?: { allowTime: boolean }): string {
  const result = parseSiteDate(input, options);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.value.toISO()}`);
  return result.message;
}

describe("parseSiteDate: accepted input", () => {
  it("the site zone is America/Denver", () => {
    expect(SITE_ZONE).toBe("America/Denver");
  });

  it("reads a date as midnight in the site zone", () => {
    expect(iso("2027-01-12")).toBe("2027-01-12T00:00:00.000-07:00");
    expect(iso("2027-07-12")).toBe("2027-07-12T00:00:00.000-06:00");
  });

  it("reads a local date-time in standard time with offset -07:00", () => {
    expect(iso("2027-01-12T09:00")).toBe("2027-01-12T09:00:00.000-07:00");
  });

  it("reads a local date-time in daylight time with offset -06:00", () => {
    expect(iso("2027-07-12T09:00")).toBe("2027-07-12T09:00:00.000-06:00");
  });

  it("accepts seconds", () => {
    expect(iso("2027-07-12T09:00:30")).toBe("2027-07-12T09:00:30.000-06:00");
  });

  it("converts a date-time with an offset to the same instant in the site zone", () => {
    expect(iso("2027-01-12T16:00:00Z")).toBe("2027-01-12T09:00:00.000-07:00");
    expect(iso("2027-07-12T09:00-04:00")).toBe("2027-07-12T07:00:00.000-06:00");
    expect(iso("2027-07-12T09:00:00.250+02:00")).toBe("2027-07-12T01:00:00.250-06:00");
  });

  it("keeps the instant of an offset date-time", () => {
    const result = parseSiteDate("2027-01-12T16:00:00Z");
    expect(result.ok && result.value.toMillis()).toBe(Date.UTC(2027, 0, 12, 16, 0, 0));
  });

  it("ignores surrounding whitespace", () => {
    expect(iso("  2027-01-12T09:00 \n")).toBe("2027-01-12T09:00:00.000-07:00");
  });

  it("accepts 29 February in a leap year", () => {
    expect(iso("2024-02-29")).toBe("2024-02-29T00:00:00.000-07:00");
  });

  it("accepts the times either side of the spring-forward gap", () => {
    expect(iso("2027-03-14T01:59")).toBe("2027-03-14T01:59:00.000-07:00");
    expect(iso("2027-03-14T03:00")).toBe("2027-03-14T03:00:00.000-06:00");
  });

  it("accepts an offset time that falls in the gap, since it names a real instant", () => {
    expect(iso("2027-03-14T02:30-07:00")).toBe("2027-03-14T03:30:00.000-06:00");
  });

  it("accepts a repeated fall-back hour written with its offset, each reading its own instant", () => {
    expect(iso("2027-11-07T01:30-06:00")).toBe("2027-11-07T01:30:00.000-06:00");
    expect(iso("2027-11-07T01:30-07:00")).toBe("2027-11-07T01:30:00.000-07:00");
  });

  it("accepts a date when only dates are allowed", () => {
    expect(iso("2027-01-12", { allowTime: false })).toBe("2027-01-12T00:00:00.000-07:00");
  });
});

describe("parseSiteDate: refused input", () => {
  it("refuses a repeated fall-back hour without an offset, showing both readings", () => {
    expect(refusal("2027-11-07T01:30")).toBe(
      `"2027-11-07T01:30" happens twice that night in America/Denver (clocks go back an hour): write 2027-11-07T01:30-06:00 for the first time or 2027-11-07T01:30-07:00 for the second`,
    );
  });

  it.each(["2025-02-30", "2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2027-01-12T25:00", "2027-01-12T09:60", "2027-01-12T09:00:60"])(
    "%s is not a real date or time",
    (input) => {
      expect(refusal(input)).toBe(`"${input}" is not a real date or time: check the month, day and hour`);
    },
  );

  it.each(["2027-03-14T02:30", "2027-03-14T02:00", "2027-03-14T02:59:59"])("%s lies in the spring-forward gap", (input) => {
    expect(refusal(input)).toBe(`"${input}" does not exist in America/Denver (clocks skip it at the daylight-saving change)`);
  });

  it.each(["", "tomorrow", "12/07/2026", "2027-1-12", "2027-01-12 09:00", "2027-01-12T9:00", "20270112", "2027-01-12T09:00:00.5", "2027-01-12T09"])(
    "%j is not in an accepted format",
    (input) => {
      expect(refusal(input)).toBe(`"${input.trim()}" is not a date such as "2026-12-07" or a date-time such as "2026-12-07T09:00"`);
    },
  );

  it("refuses a time when only dates are allowed", () => {
    expect(refusal("2027-01-12T09:00", { allowTime: false })).toBe(`"2027-01-12T09:00" has a time; give a date only, such as "2026-12-07"`);
    expect(refusal("2027-01-12T09:00:00-07:00", { allowTime: false })).toMatch(/has a time/);
  });

  it("names only the date format when only dates are allowed", () => {
    expect(refusal("next week", { allowTime: false })).toBe(`"next week" is not a date such as "2026-12-07"`);
  });

  it("checks a date-only value for reality even when only dates are allowed", () => {
    expect(refusal("2025-02-30", { allowTime: false })).toMatch(/is not a real date/);
  });

  it("refuses an offset date-time with an impossible day", () => {
    expect(refusal("2025-02-30T09:00:00-07:00")).toMatch(/is not a real date or time/);
  });

  it("refuses hour 24 instead of rolling it over to the next day", () => {
    expect(parseSiteDate("2027-01-12T24:00").ok).toBe(false);
  });

  it("explains hour 24 as an impossible time, not as a daylight-saving gap", () => {
    expect(refusal("2027-01-12T24:00")).toMatch(/is not a real date or time/);
  });
});

describe("parseSiteDate with an offset is as strict as without", () => {
  it.each(["2026-12-07T24:00-07:00", "2026-12-07T09:00+25:00", "2026-12-07T09:00-14:30", "2026-02-30T09:00:00Z"])("refuses %s", (input) => {
    const result = parseSiteDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/is not a real date or time/);
  });

  it("accepts fractions of a second only with an offset", () => {
    expect(parseSiteDate("2026-12-07T09:00:00.123Z").ok).toBe(true);
    expect(parseSiteDate("2026-12-07T09:00:00.123").ok).toBe(false);
  });
});
