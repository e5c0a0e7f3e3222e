import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createBuildContext } from "../../src/collections/build-context.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { nextChangeFile } from "../../src/feeds/next-change.ts";
import { cappedFetch, checkAndRebuild, decideRebuild, FALLBACK_REBUILD_HOUR_UTC, MAX_BODY_BYTES } from "../../src/netlify/scheduled-rebuild.ts";
import { readSiteNow } from "../../src/time/clock.ts";
import { createFixture } from "../support/content-fixture.ts";
import { buildDir } from "../support/site-output.ts";

// A stand-in for the live site and the build hook, on loopback: it serves whatever /next-change.json the test sets,
// counts POSTs, and can answer with a redirect, an endless body or nothing at all.
type Answer = { kind: "json"; status: number; body: string } | { kind: "redirect"; status: number; location: string } | { kind: "huge" } | { kind: "silent" };
let server: Server;
let base: string;
let served: Answer = { kind: "json", status: 404, body: "" };
let posts = 0;
/** Requests that reached the "elsewhere" path, which only a followed redirect would reach. */
let elsewhere = 0;
/** Bytes of the endless body the client accepted before it hung up, once it has. */
let hugeSent: Promise<number> = Promise.resolve(0);
const HUGE_BYTES = 300 * 1024 * 1024;

/** Writes up to 300 MB in 64 KB chunks, waiting whenever the client stops reading, and resolves with what it sent. */
function sendHuge(response: ServerResponse): Promise<number> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    response.on("close", () => resolve(sent));
    response.writeHead(200, { "content-type": "application/json" });
    const pump = () => {
      while (sent < HUGE_BYTES && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", pump);
      }
      response.end();
    };
    pump();
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/elsewhere") {
      elsewhere++;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ builtAt: "2020-01-01T00:00:00Z", nextChange: null }));
    } else if (request.method === "POST" && request.url === "/hook") {
      posts++;
      response.writeHead(200).end("{}");
    } else if (request.method === "POST" && request.url === "/hook-moved") {
      response.writeHead(307, { location: "/hook" }).end();
    } else if (request.method === "GET" && request.url === "/next-change.json") {
      const answer = served;
      if (answer.kind === "json") response.writeHead(answer.status, { "content-type": "application/json", "content-length": Buffer.byteLength(answer.body) }).end(answer.body);
      else if (answer.kind === "redirect") response.writeHead(answer.status, { location: answer.location }).end();
      else if (answer.kind === "huge") hugeSent = sendHuge(response);
      // "silent" never answers: the client's timeout must end the request.
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  posts = 0;
  elsewhere = 0;
  served = { kind: "json", status: 404, body: "" };
});

const NOW = new Date("2026-12-01T16:30:00Z");
const HOUR = 60 * 60 * 1000;
const serve = (body: unknown) => (served = { kind: "json", status: 200, body: typeof body === "string" ? body : JSON.stringify(body) });
const run = (now = NOW) => checkAndRebuild({ siteUrl: base, buildHookUrl: `${base}/hook`, now });

describe("scheduled rebuild", () => {
  it("posts to the build hook once the next change has passed", async () => {
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T16:00:00Z" });
    expect(await run()).toEqual({ rebuild: true, posted: true, reason: "a scheduled change was due at 2026-12-01T16:00:00.000Z" });
    expect(posts).toBe(1);
  });

  it("stays quiet while the next change is ahead and the build is fresh", async () => {
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T17:00:00Z" });
    expect(await run()).toMatchObject({ rebuild: false, posted: false });
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: null });
    expect(await run()).toMatchObject({ rebuild: false });
    expect(posts).toBe(0);
  });

  it("rebuilds once a day even when nothing is scheduled", async () => {
    serve({ builtAt: "2026-11-30T16:00:00Z", nextChange: null });
    expect(await run()).toMatchObject({ rebuild: true, posted: true });
    expect(posts).toBe(1);
  });

  it("survives a missing or malformed file: quiet, except once a day in the fallback hour", async () => {
    const fallbackHour = new Date(Date.UTC(2026, 11, 1, FALLBACK_REBUILD_HOUR_UTC, 10));
    for (const setUp of [() => (served = { kind: "json", status: 404, body: "" }), () => serve("{ not json"), () => serve({ nextChange: "2026-01-01T00:00:00Z" }), () => serve({ builtAt: "yesterday" })]) {
      setUp();
      expect(await run()).toMatchObject({ rebuild: false, posted: false });
      expect(await run(fallbackHour)).toMatchObject({ rebuild: true, posted: true });
    }
    expect(posts).toBe(4);
  });

  it("survives an unreachable site and says when it is not configured", async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await checkAndRebuild({ siteUrl: `http://127.0.0.1:${deadPort}`, buildHookUrl: `${base}/hook`, now: NOW });
    expect(unreachable).toEqual({ rebuild: false, posted: false, reason: "/next-change.json could not be reached (ECONNREFUSED); waiting for the daily fallback hour (9:00 UTC)" });
    expect(await checkAndRebuild({ siteUrl: base, buildHookUrl: undefined, now: NOW })).toMatchObject({ posted: false, reason: expect.stringContaining("BUILD_HOOK_URL") });
    expect(posts).toBe(0);
  });

  it("runs as the Netlify function with URL and BUILD_HOOK_URL from the environment", async () => {
    // Built a day and ten minutes ago: the daily rebuild is due this hour.
    serve({ builtAt: new Date(Date.now() - 24 * HOUR - 10 * 60 * 1000).toISOString(), nextChange: null });
    const saved = { URL: process.env.URL, BUILD_HOOK_URL: process.env.BUILD_HOOK_URL };
    process.env.URL = base;
    process.env.BUILD_HOOK_URL = `${base}/hook`;
    try {
      const { default: handler } = await import("../../netlify/functions/scheduled-rebuild.mts");
      const response = await handler();
      expect(await response.json()).toMatchObject({ rebuild: true, posted: true });
      expect(posts).toBe(1);
    } finally {
      restoreEnvironment(saved);
    }
  });

  it("decides from the file alone", () => {
    expect(decideRebuild({ body: { builtAt: "2026-12-01T16:29:00Z", nextChange: "2026-12-01T16:30:00Z" } }, NOW).rebuild).toBe(true);
    expect(decideRebuild({ body: [] }, NOW).rebuild).toBe(false);
  });
});

function restoreEnvironment(saved: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

describe("scheduled rebuild backs off while the live file stays in the past", () => {
  /** The hours past `due` (checked every hour for `hours` hours) at which the check asks for a rebuild. */
  const askingHours = (file: (due: Date) => unknown, hours: number) => {
    const due = new Date("2026-12-01T16:00:00Z");
    return Array.from({ length: hours }, (_, hour) => hour).filter((hour) => decideRebuild({ body: file(due) }, new Date(due.getTime() + hour * HOUR + 5 * 60 * 1000)).rebuild);
  };

  it("asks 1, 2, 4, 8 and 16 hours past a due change, then once a day", () => {
    const stuck = (due: Date) => ({ builtAt: "2026-12-01T08:00:00Z", nextChange: due.toISOString() });
    expect(askingHours(stuck, 24 * 5)).toEqual([0, 1, 2, 4, 8, 16, 40, 64, 88, 112]);
  });

  it("backs off the same way when the daily rebuild is overdue", () => {
    const stale = (due: Date) => ({ builtAt: new Date(due.getTime() - 24 * HOUR).toISOString(), nextChange: null });
    expect(askingHours(stale, 24 * 3)).toEqual([0, 1, 2, 4, 8, 16, 40, 64]);
  });

  it("says in its log line that it backs off, and when it asks next", () => {
    const file = { body: { builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T10:00:00Z" } };
    expect(decideRebuild(file, new Date("2026-12-01T13:30:00Z"))).toEqual({
      rebuild: false,
      reason: "a scheduled change was due at 2026-12-01T10:00:00.000Z; the live site still predates it 3 h later (failing builds, or publishing off?): backing off until 4 h past due",
    });
    expect(decideRebuild(file, new Date("2026-12-01T14:30:00Z"))).toEqual({
      rebuild: true,
      reason: "a scheduled change was due at 2026-12-01T10:00:00.000Z; the live site still predates it 4 h later (failing builds, or publishing off?): asking again, then next at 8 h past due",
    });
  });

  it("asks once a day for a site built at 1970 (SITE_NOW left set), not every hour", () => {
    const file = { body: { builtAt: "1970-01-01T00:00:00Z", nextChange: "1970-01-02T00:00:00Z" } };
    const asks = Array.from({ length: 48 }, (_, hour) => decideRebuild(file, new Date(NOW.getTime() + hour * HOUR)).rebuild).filter(Boolean);
    expect(asks).toHaveLength(2);
  });

  it("distrusts a build dated in the future (9999): it rebuilds in the daily fallback hour instead of never", () => {
    const file = { body: { builtAt: "9999-01-01T00:00:00Z", nextChange: null } };
    expect(decideRebuild(file, NOW)).toEqual({
      rebuild: false,
      reason: "/next-change.json says it was built at 9999-01-01T00:00:00.000Z, in the future (was SITE_NOW set?); waiting for the daily fallback hour (9:00 UTC)",
    });
    expect(decideRebuild(file, new Date(Date.UTC(2026, 11, 1, FALLBACK_REBUILD_HOUR_UTC))).rebuild).toBe(true);
  });
});

describe("scheduled rebuild talks to the network defensively", () => {
  const overdue = { builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T16:00:00Z" };

  it("does not follow a redirect of /next-change.json: the 3xx is a failure, the target is never fetched", async () => {
    served = { kind: "redirect", status: 302, location: `${base}/elsewhere` };
    const result = await run(new Date(Date.UTC(2026, 11, 1, 12)));
    expect(result).toEqual({ rebuild: false, posted: false, reason: "/next-change.json answered HTTP 302, a redirect, which is not followed; waiting for the daily fallback hour (9:00 UTC)" });
    expect(elsewhere).toBe(0);
  });

  it("does not follow a redirect of the build hook: the POST is reported as failed", async () => {
    serve(overdue);
    const result = await checkAndRebuild({ siteUrl: base, buildHookUrl: `${base}/hook-moved`, now: NOW });
    expect(result).toEqual({ rebuild: true, posted: false, reason: "a scheduled change was due at 2026-12-01T16:00:00.000Z; the build hook answered HTTP 307, a redirect, which is not followed" });
    expect(posts).toBe(0);
  });

  it("reads at most a few KB of a 300 MB answer, then hangs up", async () => {
    served = { kind: "huge" };
    const result = await run();
    expect(result).toMatchObject({ rebuild: false, posted: false, reason: expect.stringContaining(`/next-change.json is more than the ${MAX_BODY_BYTES} bytes read: the rest was not read`) });
    const sent = await hugeSent;
    // What the server could push before the client hung up: the socket buffers on both sides, a few MB at most.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(sent).toBeLessThan(HUGE_BYTES / 10);
  });

  it("refuses an answer whose declared length is over the limit without reading it", async () => {
    serve(" ".repeat(MAX_BODY_BYTES + 1));
    expect(await cappedFetch(new URL("/next-change.json", base), {}, MAX_BODY_BYTES)).toEqual({ ok: false, error: `is ${MAX_BODY_BYTES + 1} bytes, more than the ${MAX_BODY_BYTES} read: not read` });
  });

  it("gives up on a site that never answers", async () => {
    served = { kind: "silent" };
    expect(await cappedFetch(new URL("/next-change.json", base), {}, MAX_BODY_BYTES, 300)).toEqual({ ok: false, error: "gave no answer within 0.3 s" });
  });

  it.each([
    ["not a URL", "secret-token-123 not a url", "BUILD_HOOK_URL is not a valid URL"],
    ["plain http", "http://api.example.com/build_hooks/secret-token-123", "BUILD_HOOK_URL must be an https:// address"],
    ["javascript:", "javascript:alert('secret-token-123')", "BUILD_HOOK_URL must be an https:// address"],
  ])("reports a BUILD_HOOK_URL that is %s without echoing it into the log or the response", async (_, hook, message) => {
    serve(overdue);
    const saved = { URL: process.env.URL, BUILD_HOOK_URL: process.env.BUILD_HOOK_URL };
    process.env.URL = base;
    process.env.BUILD_HOOK_URL = hook;
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const { default: handler } = await import("../../netlify/functions/scheduled-rebuild.mts");
      const body = await (await handler()).text();
      const logged = log.mock.calls.flat().join("\n");
      expect(logged).toContain(message);
      expect(body).toContain(message);
      for (const text of [logged, body]) expect(text).not.toContain("secret-token-123");
      expect(posts).toBe(0);
    } finally {
      log.mockRestore();
      restoreEnvironment(saved);
    }
  });
});

describe("/next-change.json says when, never what", () => {
  it("holds only builtAt and nextChange, in the fixture build", () => {
    const file = JSON.parse(readFileSync(path.join(buildDir("december"), "next-change.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual(["builtAt", "nextChange"]);
  });

  it("names no scheduled article's slug and no upcoming promotion's title", async () => {
    const fixture = await createFixture();
    try {
      await fixture.write("content/articles/secret-merger-with-acme.md", `---\ntitle: We merge with Acme\ndate: "2026-12-05T07:00"\nauthor: hsg\nsummary: Big news.\n---\n\nText.\n`);
      await fixture.edit("_data/promotions.yaml", (text) => `${text}- id: secret-sale\n  title: Secret Spring Sale\n  body: Half price.\n  validFrom: "2026-12-03"\n  validUntil: "2026-12-04"\n`);
      const content = await loadContent(fixture.root);
      const now = DateTime.fromISO("2026-12-01T09:00", { zone: "America/Denver" }) as DateTime<true>;
      const text = JSON.stringify(nextChangeFile(content, createBuildContext(now, {})));
      expect(JSON.parse(text)).toEqual({ builtAt: "2026-12-01T16:00:00Z", nextChange: "2026-12-03T07:00:00Z" });
      for (const secret of ["secret-merger-with-acme", "Acme", "Secret Spring Sale", "secret-sale"]) expect(text).not.toContain(secret);
    } finally {
      await fixture.cleanup();
    }
  });
});

describe("SITE_NOW in a production build", () => {
  it.each(["1970-01-01T00:00", "9999-12-31T00:00"])("ignores SITE_NOW=%s when Netlify's CONTEXT is production, with a warning", (value) => {
    const warnings: string[] = [];
    const before = Date.now();
    const now = readSiteNow({ SITE_NOW: value, CONTEXT: "production" }, (message) => warnings.push(message));
    expect(now.toMillis()).toBeGreaterThanOrEqual(before);
    expect(now.toMillis()).toBeLessThanOrEqual(Date.now());
    expect(warnings).toEqual(["SITE_NOW is ignored: a production build (CONTEXT=production) runs at the real time. Remove SITE_NOW from the production environment variables."]);
    expect(createBuildContext(now, { CONTEXT: "production" })).toMatchObject({ includeUnpublished: false, preview: false });
  });

  it("keeps SITE_NOW in a deploy preview and a local build, without a warning", () => {
    const warn = vi.fn();
    for (const env of [{ SITE_NOW: "2026-12-01T09:00", CONTEXT: "deploy-preview" }, { SITE_NOW: "2026-12-01T09:00" }]) {
      expect(readSiteNow(env, warn).toISO()).toBe("2026-12-01T09:00:00.000-07:00");
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
