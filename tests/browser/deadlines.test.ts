import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/build-site.ts";
import { CLOCKS } from "../support/build-site.ts";
import { rawCourses, rawSessions } from "../support/raw-content.ts";
import { buildDir, fileForUrl, page } from "../support/site-output.ts";
import { emulate, useServedBrowser, type LoadSettings } from "../support/served-browser.ts";

// The deadline script in real Chromium, under the site's CSP, with the browser's clock set on either side of a
// deadline taken from the data file: the page must switch without a rebuild, and stand as built without JavaScript.
const buildClock = DateTime.fromISO(CLOCKS.december);
const listPrices = new Map(rawCourses().map((course) => [course.id, course.priceUSD]));
const upcoming = rawSessions().filter((session) => session.startAt > buildClock && session.status === "scheduled" && session.mode !== "onsite");
const closing = upcoming.find((session) => session.registrationCloses && DateTime.fromISO(session.registrationCloses, { zone: "America/Denver" }) > buildClock && session.seatsLeft > 0 && (session.priceUSD ?? listPrices.get(session.course)) !== undefined);
const earlyBird = upcoming.find((session) => session.earlyBird && DateTime.fromISO(session.earlyBird.until, { zone: "America/Denver" }) > buildClock);
const confirming = upcoming.find((session) => session.confirmBy && !session.guaranteedToRun && DateTime.fromISO(session.confirmBy, { zone: "America/Denver" }) > buildClock);
const online = upcoming.find((session) => session.mode === "online");
const at = (text: string) => DateTime.fromISO(text, { zone: "America/Denver" });

const served = useServedBrowser();

/** The page every load of this file uses, with the console errors of its current load. */
interface Tab {
  page: Page;
  errors: string[];
  clockInstalled: boolean;
}

// One page for every load, navigated again for each, each with its zone and JavaScript set on the page (emulate):
// a context per kind of load made Chromium start a renderer for each, most of this file's CPU. Every load still
// gets a new document (the deadline script runs from the start) at the clock set just before it, as Playwright
// replays the clock into each new document.
let tab: Promise<Tab> | undefined;

afterAll(async () => {
  await (await tab?.catch(() => undefined))?.page.context().close();
});

/** Loads a page with the browser's clock at `now` (before any script runs) and, if given, a time zone. */
async function open(url: string, options: LoadSettings & { now?: DateTime } = {}): Promise<Page> {
  const current = await (tab ??= served.browser.newContext().then(async (context) => {
    const page = await context.newPage();
    const opened: Tab = { page, errors: [], clockInstalled: false };
    page.on("console", (message) => {
      if (message.type() === "error") opened.errors.push(message.text());
    });
    return opened;
  }));
  await emulate(current.page, options);
  if (options.now && current.clockInstalled) await current.page.clock.setSystemTime(options.now.toJSDate());
  else if (options.now) {
    await current.page.clock.install({ time: options.now.toJSDate() });
    current.clockInstalled = true;
  }
  current.errors.length = 0;
  const response = await current.page.goto(`${served.server.origin}${url}`);
  expect(response?.status()).toBe(200);
  await current.page.waitForLoadState("load");
  expect(current.errors, `${url}: console errors`).toEqual([]);
  return current.page;
}

describe("the deadline script", () => {
  it("is a file of at most 1 KB, loaded by every session page", () => {
    expect(readFileSync(path.join(REPO_ROOT, "src/browser/deadlines.js")).byteLength).toBeLessThanOrEqual(1024);
    // The built file's name carries a content hash: follow the session page's own script element to it.
    const $ = page(buildDir("december"), `/schedule/${upcoming[0]!.id}/`);
    const src = $('script[src*="/assets/deadlines"]').attr("src");
    expect(src, "the session page loads the deadline script").toBeDefined();
    expect(readFileSync(fileForUrl(buildDir("december"), src!)).byteLength).toBeLessThanOrEqual(1024);
  });

  it("closes registration in the browser once the deadline has passed, and keeps it open before", async () => {
    expect(closing, "a session of the data with registrationCloses after the December clock").toBeDefined();
    const deadline = at(closing!.registrationCloses!);
    const before = await open(`/schedule/${closing!.id}/`, { now: deadline.minus({ hours: 1 }) });
    expect(await before.locator("#register").isVisible()).toBe(true);
    expect(await before.getByText("Registration for this class closed").isVisible()).toBe(false);

    const after = await open(`/schedule/${closing!.id}/`, { now: deadline.plus({ minutes: 1 }) });
    expect(await after.locator("#register").isVisible()).toBe(false);
    expect(await after.getByText("Registration for this class closed").isVisible()).toBe(true);
  });

  it("switches while the page stays open, at the deadline itself", async () => {
    const deadline = at(closing!.registrationCloses!);
    const page = await open(`/schedule/${closing!.id}/`, { now: deadline.minus({ minutes: 5 }) });
    expect(await page.locator("#register").isVisible()).toBe(true);
    await page.clock.runFor(6 * 60 * 1000);
    expect(await page.locator("#register").isVisible()).toBe(false);
  });

  it("keeps the build's state with JavaScript off", async () => {
    const page = await open(`/schedule/${closing!.id}/`, { javaScriptEnabled: false });
    expect(await page.locator("#register").isVisible()).toBe(true);
    expect(await page.getByText("Registration for this class closed").isVisible()).toBe(false);
  });

  it("retires the early-bird price at its deadline", async () => {
    expect(earlyBird, "a session of the data with an early-bird price running at the December clock").toBeDefined();
    const until = at(earlyBird!.earlyBird!.until);
    const price = `$${earlyBird!.earlyBird!.priceUSD.toLocaleString("en-US")}`;
    const before = await open(`/schedule/${earlyBird!.id}/`, { now: until.minus({ days: 1 }) });
    expect(await before.locator(".facts").getByText(`${price} early-bird price`).isVisible()).toBe(true);
    const after = await open(`/schedule/${earlyBird!.id}/`, { now: until.plus({ minutes: 1 }) });
    expect(await after.locator(".facts").getByText(`${price} early-bird price`).isVisible()).toBe(false);
  });

  it("asks visitors to confirm before booking travel until the confirmation date", async () => {
    expect(confirming, "a session of the data with confirmBy after the December clock").toBeDefined();
    const confirmBy = at(confirming!.confirmBy!);
    const before = await open(`/schedule/${confirming!.id}/`, { now: confirmBy.minus({ days: 1 }) });
    expect(await before.getByText("Confirm before booking travel").isVisible()).toBe(true);
    const after = await open(`/schedule/${confirming!.id}/`, { now: confirmBy.plus({ minutes: 1 }) });
    expect(await after.getByText("Confirm before booking travel").isVisible()).toBe(false);
    expect(await after.getByText("The confirmation date has passed").isVisible()).toBe(true);
  });
});

describe("the visitor's own time for online classes", () => {
  it("adds the local hours next to Denver time in another zone, and nothing in Denver", async () => {
    expect(online, "an upcoming online session in the data").toBeDefined();
    const first = online!.meetingTimes[0]!;
    const newYork = await open(`/schedule/${online!.id}/`, { timezoneId: "America/New_York", now: buildClock });
    const local = newYork.locator(".facts .local-time");
    expect(await local.isVisible()).toBe(true);
    const expected = `${first.start.setZone("America/New_York").toFormat("h:mm a")} \u2013 ${first.end.setZone("America/New_York").toFormat("h:mm a")}`;
    expect((await local.innerText()).replace(/\s+/g, " ")).toContain(expected.replace(/\s+/g, " "));

    const denver = await open(`/schedule/${online!.id}/`, { timezoneId: "America/Denver", now: buildClock });
    expect(await denver.locator(".facts .local-time").isVisible()).toBe(false);
  });

  it("names the zone with its UTC offset when JavaScript is off", async () => {
    const page = await open(`/schedule/${online!.id}/`, { javaScriptEnabled: false });
    const offset = online!.startAt.offset / 60;
    expect(await page.locator(".facts").innerText()).toContain(`Mountain Time, UTC\u2212${Math.abs(offset)}`);
  });
});
