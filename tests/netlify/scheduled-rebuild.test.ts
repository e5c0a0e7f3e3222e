import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkAndRebuild, decideRebuild, FALLBACK_REBUILD_HOUR_UTC } from "../../src/netlify/scheduled-rebuild.ts";

// A stand-in for the live site and the build hook, on loopback: it serves whatever /next-change.json the test sets and counts POSTs.
let server: Server;
let base: string;
let served: { status: number; body: string } = { status: 404, body: "" };
let posts = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === "POST" && request.url === "/hook") {
      posts++;
      response.writeHead(200).end("{}");
    } else if (request.method === "GET" && request.url === "/next-change.json") {
      response.writeHead(served.status, { "content-type": "application/json" }).end(served.body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  posts = 0;
  served = { status: 404, body: "" };
});

const NOW = new Date("2026-12-01T16:30:00Z");
const serve = (body: unknown) => (served = { status: 200, body: typeof body === "string" ? body : JSON.stringify(body) });
const run = (now = NOW) => checkAndRebuild({ siteUrl: base, buildHookUrl: `${base}/hook`, now });

describe("scheduled rebuild", () => {
  it("posts to the build hook once the next change has passed", async () => {
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T16:00:00Z", reason: "class x starts" });
    expect(await run()).toMatchObject({ rebuild: true, posted: true });
    expect(posts).toBe(1);
  });

  it("stays quiet while the next change is ahead and the build is fresh", async () => {
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: "2026-12-01T17:00:00Z", reason: "class x starts" });
    expect(await run()).toMatchObject({ rebuild: false, posted: false });
    serve({ builtAt: "2026-12-01T08:00:00Z", nextChange: null, reason: null });
    expect(await run()).toMatchObject({ rebuild: false });
    expect(posts).toBe(0);
  });

  it("rebuilds once a day even when nothing is scheduled", async () => {
    serve({ builtAt: "2026-11-30T16:00:00Z", nextChange: null, reason: null });
    expect(await run()).toMatchObject({ rebuild: true, posted: true });
    expect(posts).toBe(1);
  });

  it("survives a missing or malformed file: quiet, except once a day in the fallback hour", async () => {
    const fallbackHour = new Date(Date.UTC(2026, 11, 1, FALLBACK_REBUILD_HOUR_UTC, 10));
    for (const setUp of [() => (served = { status: 404, body: "" }), () => serve("{ not json"), () => serve({ nextChange: "2026-01-01T00:00:00Z" }), () => serve({ builtAt: "yesterday" })]) {
      setUp();
      expect(await run()).toMatchObject({ rebuild: false, posted: false });
      expect(await run(fallbackHour)).toMatchObject({ rebuild: true, posted: true });
    }
    expect(posts).toBe(4);
  });

  it("survives an unreachable site and says when it is not configured", async () => {
    const unreachable = await checkAndRebuild({ siteUrl: "http://127.0.0.1:1", buildHookUrl: `${base}/hook`, now: NOW });
    expect(unreachable).toMatchObject({ rebuild: false, posted: false });
    expect(unreachable.reason).toMatch(/could not be read/);
    expect(await checkAndRebuild({ siteUrl: base, buildHookUrl: undefined, now: NOW })).toMatchObject({ posted: false, reason: expect.stringContaining("BUILD_HOOK_URL") });
    expect(posts).toBe(0);
  });

  it("runs as the Netlify function with URL and BUILD_HOOK_URL from the environment", async () => {
    serve({ builtAt: "2020-01-01T00:00:00Z", nextChange: null, reason: null });
    const saved = { URL: process.env.URL, BUILD_HOOK_URL: process.env.BUILD_HOOK_URL };
    process.env.URL = base;
    process.env.BUILD_HOOK_URL = `${base}/hook`;
    try {
      const { default: handler } = await import("../../netlify/functions/scheduled-rebuild.mts");
      const response = await handler();
      expect(await response.json()).toMatchObject({ rebuild: true, posted: true });
      expect(posts).toBe(1);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("decides from the file alone", () => {
    expect(decideRebuild({ body: { builtAt: "2026-12-01T16:29:00Z", nextChange: "2026-12-01T16:30:00Z" } }, NOW).rebuild).toBe(true);
    expect(decideRebuild({ body: [] }, NOW).rebuild).toBe(false);
  });
});
