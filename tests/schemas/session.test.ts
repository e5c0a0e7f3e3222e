import { describe, expect, it } from "vitest";
import { sessionSchema } from "../../src/schemas/session.ts";

const validSession = () => ({
  id: "java-fundamentals-2027-01-den",
  course: "java-fundamentals",
  start: "2027-01-12T09:00",
  end: "2027-01-16T16:30",
  mode: "classroom",
  location: "denver-downtown",
  instructor: "elena-marsh",
  seats: 12,
  enrolled: 9,
  status: "scheduled",
  guaranteedToRun: true,
  priceUSD: 1995,
});

function issuesOf(value: unknown): { path: string; code: string; message: string }[] {
  const result = sessionSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("sessionSchema: valid sessions", () => {
  it("accepts a classroom session and reads its times in America/Denver (winter: -07:00)", () => {
    const session = sessionSchema.parse(validSession());
    expect(session.start.toISO()).toBe("2027-01-12T09:00:00.000-07:00");
    expect(session.end.toISO()).toBe("2027-01-16T16:30:00.000-07:00");
    expect(session.start.zoneName).toBe("America/Denver");
    expect(session).toMatchObject({ id: "java-fundamentals-2027-01-den", location: "denver-downtown", seats: 12, enrolled: 9, guaranteedToRun: true, priceUSD: 1995 });
  });

  it("reads summer times with offset -06:00", () => {
    const session = sessionSchema.parse({ ...validSession(), start: "2027-07-12T09:00", end: "2027-07-14T16:00" });
    expect(session.start.toISO()).toBe("2027-07-12T09:00:00.000-06:00");
    expect(session.end.toISO()).toBe("2027-07-14T16:00:00.000-06:00");
    expect(session.end.zoneName).toBe("America/Denver");
  });

  it("accepts a session spanning the spring-forward change", () => {
    const session = sessionSchema.parse({ ...validSession(), start: "2027-03-12T09:00", end: "2027-03-15T16:00" });
    expect(session.start.offset).toBe(-420);
    expect(session.end.offset).toBe(-360);
  });

  it("defaults enrolled, status and guaranteedToRun; an online session needs no location", () => {
    const session = sessionSchema.parse({
      id: "aws-2027-01-online",
      course: "aws-fundamentals",
      start: "2027-01-12T08:00",
      end: "2027-01-14T15:00",
      mode: "online",
      instructor: "david-okafor",
      seats: 20,
    });
    expect(session).toMatchObject({ enrolled: 0, status: "scheduled", guaranteedToRun: false });
    expect(session.location).toBeUndefined();
    expect(session.priceUSD).toBeUndefined();
  });

  it("accepts a full class (enrolled equal to seats)", () => {
    expect(sessionSchema.safeParse({ ...validSession(), enrolled: 12 }).success).toBe(true);
  });

  it("accepts cancelled and postponed sessions", () => {
    expect(sessionSchema.parse({ ...validSession(), status: "cancelled" }).status).toBe("cancelled");
    expect(sessionSchema.parse({ ...validSession(), status: "postponed" }).status).toBe("postponed");
  });
});

describe("sessionSchema: invalid sessions", () => {
  it("requires instructor", () => {
    const { instructor: _omitted, ...session } = validSession();
    expect(issuesOf(session)).toEqual([{ path: "instructor", code: "invalid_type", message: "Invalid input: expected string, received undefined" }]);
  });

  it("requires start", () => {
    const { start: _omitted, ...session } = validSession();
    expect(issuesOf(session)).toEqual([{ path: "start", code: "custom", message: "is required" }]);
  });

  it("refuses an unknown field such as a typo", () => {
    expect(issuesOf({ ...validSession(), titel: "Java" })).toEqual([{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "titel"' }]);
  });

  it("refuses an end before the start", () => {
    expect(issuesOf({ ...validSession(), end: "2027-01-11T16:30" })).toEqual([{ path: "end", code: "custom", message: "must be after start" }]);
  });

  it("refuses an end equal to the start", () => {
    expect(issuesOf({ ...validSession(), end: "2027-01-12T09:00" })).toEqual([{ path: "end", code: "custom", message: "must be after start" }]);
  });

  it("compares instants, not wall-clock text, for offset date-times", () => {
    // 10:00 in New York is 08:00 in Denver: before the 09:00 start.
    expect(issuesOf({ ...validSession(), end: "2027-01-12T10:00:00-05:00" })).toEqual([{ path: "end", code: "custom", message: "must be after start" }]);
  });

  it("refuses more enrolled students than seats", () => {
    expect(issuesOf({ ...validSession(), seats: 12, enrolled: 13 })).toEqual([{ path: "enrolled", code: "custom", message: "is 13 but only 12 seats are offered" }]);
  });

  it("refuses a classroom session without a location", () => {
    const { location: _omitted, ...session } = validSession();
    expect(issuesOf(session)).toEqual([{ path: "location", code: "custom", message: "is required for a classroom session" }]);
  });

  it("reports every cross-field problem at once", () => {
    const { location: _omitted, ...session } = validSession();
    expect(issuesOf({ ...session, end: "2027-01-01T09:00", enrolled: 20 }).map((issue) => issue.path)).toEqual(["end", "enrolled", "location"]);
  });

  it("refuses a start inside the spring-forward gap", () => {
    expect(issuesOf({ ...validSession(), start: "2027-03-14T02:30", end: "2027-03-14T05:00" })).toEqual([
      { path: "start", code: "custom", message: '"2027-03-14T02:30" does not exist in America/Denver (clocks skip it at the daylight-saving change)' },
    ]);
  });

  it("refuses impossible dates", () => {
    expect(issuesOf({ ...validSession(), end: "2025-02-30T16:30" })[0]).toMatchObject({ path: "end", message: '"2025-02-30T16:30" is not a real date or time: check the month, day and hour' });
    expect(issuesOf({ ...validSession(), start: "2024-13-01T09:00" })[0]).toMatchObject({ path: "start", message: expect.stringContaining("is not a real date") });
  });

  it("refuses an unquoted YAML date", () => {
    expect(issuesOf({ ...validSession(), start: new Date("2027-01-12T16:00:00Z") })).toEqual([
      { path: "start", code: "custom", message: 'must be in quotes, such as "2026-12-07": unquoted YAML dates are not accepted (npm run fix adds the quotes)' },
    ]);
  });

  it("refuses an unknown mode", () => {
    expect(issuesOf({ ...validSession(), mode: "hybrid" })).toEqual([
      { path: "mode", code: "invalid_value", message: 'Invalid option: expected one of "classroom"|"online"|"onsite"' },
    ]);
  });

  it("refuses a misspelt status", () => {
    expect(issuesOf({ ...validSession(), status: "canceled" })[0]).toMatchObject({ path: "status", code: "invalid_value" });
  });

  it.each([0, -3])("refuses seats %d", (seats) => {
    expect(issuesOf({ ...validSession(), seats, enrolled: 0 })[0]).toMatchObject({ path: "seats", code: "too_small" });
  });

  it("refuses fractional seats and negative enrolment", () => {
    expect(issuesOf({ ...validSession(), seats: 12.5 })[0]).toMatchObject({ path: "seats", code: "invalid_type" });
    expect(issuesOf({ ...validSession(), enrolled: -1 })[0]).toMatchObject({ path: "enrolled", code: "too_small" });
  });

  it("refuses a price that is not a whole number", () => {
    expect(issuesOf({ ...validSession(), priceUSD: 1995.99 })).toEqual([{ path: "priceUSD", code: "invalid_type", message: "must be a whole number of dollars" }]);
  });

  it("refuses guaranteedToRun written as a string", () => {
    expect(issuesOf({ ...validSession(), guaranteedToRun: "yes" })[0]).toMatchObject({ path: "guaranteedToRun", code: "invalid_type" });
  });

  it("refuses an id that is not kebab-case", () => {
    expect(issuesOf({ ...validSession(), id: "Java Fundamentals January" })[0]).toMatchObject({ path: "id", code: "invalid_format" });
  });
});

describe("sessionSchema: meetings, deadlines and moves", () => {
  it("accepts per-day meetings, an early-bird price, deadlines and a previous start", () => {
    const parsed = sessionSchema.parse({
      ...validSession(),
      meetings: [
        { start: "2027-01-12T09:00", end: "2027-01-12T16:30" },
        { start: "2027-01-16T09:00", end: "2027-01-16T12:00" },
      ],
      earlyBird: { priceUSD: 1795, until: "2026-12-15T00:00" },
      registrationCloses: "2027-01-08T17:00",
      confirmBy: "2027-01-01T17:00",
      previousStart: "2027-01-05T09:00",
      priceNote: "Winter rate",
    });
    expect(parsed.meetings?.map((meeting) => meeting.end.toISO())).toEqual(["2027-01-12T16:30:00.000-07:00", "2027-01-16T12:00:00.000-07:00"]);
    expect(parsed.policies).toEqual({});
  });

  it("refuses a meeting over two days, meetings out of order, and deadlines after the start", () => {
    expect(
      issuesOf({
        ...validSession(),
        meetings: [
          { start: "2027-01-13T09:00", end: "2027-01-14T16:30" },
          { start: "2027-01-12T09:00", end: "2027-01-12T16:30" },
        ],
        earlyBird: { priceUSD: 1795, until: "2027-01-20T00:00" },
        confirmBy: "2027-01-13T00:00",
        registrationCloses: "2027-01-17T00:00",
        previousStart: "2027-01-12T09:00",
      }).map((issue) => `${issue.path}: ${issue.message}`),
    ).toEqual([
      "meetings.0.end: must be on the same day as its start",
      "meetings.1.start: must come after the meeting before it",
      "previousStart: is the same as start: give the start the class had before it moved",
      "registrationCloses: must not be after the class ends",
      "earlyBird.until: must not be after the class starts",
      "confirmBy: must not be after the class starts",
    ]);
  });
});
