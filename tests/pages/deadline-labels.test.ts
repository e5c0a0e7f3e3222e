import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawSessions, ZONE } from "../support/raw-content.ts";
import { allPages, buildDir, page } from "../support/site-output.ts";

const dir = buildDir("december");
const buildClock = DateTime.fromISO(CLOCKS.december, { zone: ZONE });
const squash = (text: string) => text.replace(/\s+/g, " ");

describe("deadlines on the built pages", () => {
  it("never writes a deadline as 12:00 AM: a midnight deadline is the day it ends", async () => {
    const midnight: string[] = [];
    for (const file of await allPages(dir)) {
      const text = squash(page(dir, file)("main").text());
      if (text.includes("12:00 AM")) midnight.push(file);
    }
    expect(midnight).toEqual([]);
  });

  it("shows an early-bird price that ends at midnight as lasting until the day before", () => {
    const session = rawSessions().find((candidate) => candidate.earlyBird?.until.endsWith("T00:00") && DateTime.fromISO(candidate.earlyBird.until, { zone: ZONE }) > buildClock && candidate.status === "scheduled");
    expect(session, "the fixture has a class whose early-bird price ends at midnight").toBeDefined();
    const lastDay = DateTime.fromISO(session!.earlyBird!.until, { zone: ZONE }).minus({ days: 1 }).setLocale("en-US").toFormat("ccc d LLL yyyy");
    expect(squash(page(dir, `/schedule/${session!.id}/`)("main").text())).toContain(`early-bird price until ${lastDay},`);
  });
});
