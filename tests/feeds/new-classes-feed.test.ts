import { readFileSync } from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CLOCKS } from "../support/build-site.ts";
import { rawSessions, readYaml, ZONE } from "../support/raw-content.ts";
import { buildDir, fileForUrl, page } from "../support/site-output.ts";

// The "newly added classes" feed, parsed as a feed reader would and checked against the schedule file.
const SITE_URL = readYaml<{ url: string }>("_data/site.yaml").url.replace(/\/$/, "");
const clock = DateTime.fromISO(CLOCKS.december);
const FEED = "/schedule/new-classes.xml";

describe("newly added classes feed (SITE_NOW 2026-12-01)", () => {
  const dir = buildDir("december");

  it("lists the bookable public classes that carry an added date, newest first, at most 20", () => {
    const expected = rawSessions()
      .filter((session) => session.added && session.startAt > clock && session.mode !== "onsite" && session.status === "scheduled")
      .sort((a, b) => DateTime.fromISO(b.added!, { zone: ZONE }).toMillis() - DateTime.fromISO(a.added!, { zone: ZONE }).toMillis() || a.startAt.toMillis() - b.startAt.toMillis())
      .slice(0, 20);
    expect(expected.length).toBeGreaterThan(1);
    const feed = parseFeed(readFileSync(fileForUrl(dir, FEED), "utf8"));
    expect(feed.items.map((item) => item.url)).toEqual(expected.map((session) => `${SITE_URL}/schedule/${session.id}/`));
    expect(feed.items.map((item) => item.published!.getTime())).toEqual(expected.map((session) => DateTime.fromISO(session.added!, { zone: ZONE }).toMillis()));
  });

  it("is announced on /schedule/", () => {
    const $ = page(dir, "/schedule/");
    expect($(`link[rel="alternate"][type="application/atom+xml"][href="${FEED}"]`)).toHaveLength(1);
    expect($(`main a[href="${FEED}"]`).length).toBeGreaterThan(0);
  });
});
