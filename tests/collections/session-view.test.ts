import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import type { ScheduledSession } from "../../src/collections/views.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

const NOW = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;

/** Classes of the fixture's two courses in every state a page words differently. */
const SCHEDULE = `- id: guaranteed
  course: java-fundamentals
  start: "2027-01-11T09:00"
  end: "2027-01-15T16:30"
  mode: classroom
  location: denver-downtown
  instructor: elena-marsh
  seats: 12
  guaranteedToRun: true
- id: on-request
  course: advanced-java
  start: "2027-01-18T09:00"
  end: "2027-01-20T16:00"
  mode: online
  instructor: elena-marsh
  seats: 12
- id: cancelled
  course: advanced-java
  start: "2027-02-08T09:00"
  end: "2027-02-10T12:00"
  mode: online
  instructor: elena-marsh
  seats: 12
  status: cancelled
  meetings:
    - { start: "2027-02-08T09:00", end: "2027-02-08T16:30" }
    - { start: "2027-02-09T09:00", end: "2027-02-09T16:30" }
    - { start: "2027-02-10T09:00", end: "2027-02-10T12:00" }
- id: moved
  course: java-fundamentals
  start: "2027-03-08T09:00"
  end: "2027-03-12T16:30"
  previousStart: "2027-03-01T09:00"
  mode: classroom
  location: denver-downtown
  instructor: elena-marsh
  seats: 12
- id: private
  course: java-fundamentals
  start: "2027-04-05T09:00"
  end: "2027-04-09T16:30"
  mode: onsite
  instructor: elena-marsh
  seats: 12
`;

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
  await fixture.write("_data/schedule.yaml", SCHEDULE);
});
afterEach(async () => {
  await fixture.cleanup();
});

async function sessions(): Promise<Record<string, ScheduledSession>> {
  const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
  return Object.fromEntries(model.schedule.upcoming.map((session) => [session.id, session]));
}

describe("what a class's pages show, decided by the model", () => {
  it("says 'per seat' after a set price, and not after 'Price on request'", async () => {
    const all = await sessions();
    expect([all.guaranteed!.priceLabel, all.guaranteed!.pricedPerSeat]).toEqual(["$2,495", true]);
    expect([all["on-request"]!.priceLabel, all["on-request"]!.pricedPerSeat]).toEqual(["Price on request", false]);
  });

  it("gives each class its badges: availability first, then guaranteed or new dates; a private class only that", async () => {
    const all = await sessions();
    expect(all.guaranteed!.badges).toEqual([
      { label: "Open", kind: "open" },
      { label: "Guaranteed to run", kind: "guaranteed" },
    ]);
    expect(all.moved!.badges).toEqual([
      { label: "Open", kind: "open" },
      { label: "New dates", kind: "moved" },
    ]);
    expect(all.cancelled!.badges).toEqual([{ label: "Cancelled", kind: "cancelled" }]);
    expect(all.private!.badges).toEqual([{ label: "Private class for a client" }]);
  });

  it("flags what a cancelled, moved, online and private class shows", async () => {
    const all = await sessions();
    const flags = (session: ScheduledSession) => ({
      isCancelled: session.isCancelled,
      hasMoved: session.hasMoved,
      isOnline: session.isOnline,
      showsMeetings: session.showsMeetings,
      showsRunNotice: session.showsRunNotice,
      showsOffer: session.showsOffer,
    });
    expect(flags(all.guaranteed!)).toEqual({ isCancelled: false, hasMoved: false, isOnline: false, showsMeetings: false, showsRunNotice: true, showsOffer: true });
    expect(flags(all["on-request"]!)).toEqual({ isCancelled: false, hasMoved: false, isOnline: true, showsMeetings: false, showsRunNotice: true, showsOffer: true });
    // Its meetings have different hours, but a cancelled class lists none of them.
    expect(all.cancelled!.listsMeetings).toBe(true);
    expect(flags(all.cancelled!)).toEqual({ isCancelled: true, hasMoved: false, isOnline: true, showsMeetings: false, showsRunNotice: false, showsOffer: false });
    expect(flags(all.moved!)).toEqual({ isCancelled: false, hasMoved: true, isOnline: false, showsMeetings: false, showsRunNotice: true, showsOffer: true });
    expect(flags(all.private!)).toEqual({ isCancelled: false, hasMoved: false, isOnline: false, showsMeetings: false, showsRunNotice: false, showsOffer: false });
  });

  it("selects the home page's and the sidebar's next classes from the bookable ones, in start order", async () => {
    const model = buildSiteModel(await loadContent(fixture.root), { now: NOW, includeUnpublished: false });
    expect(model.highlights.nextClasses.map((session) => session.id)).toEqual(["guaranteed", "on-request", "moved"]);
    expect(model.highlights.sidebarClasses.map((session) => session.id)).toEqual(["guaranteed", "on-request", "moved"]);
  });
});
