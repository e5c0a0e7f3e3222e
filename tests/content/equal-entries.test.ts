import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ContentCache, forgetContentCacheMemory } from "../../src/content/content-cache.ts";
import { sameData } from "../../src/content/equal-entries.ts";
import { FILE_KINDS } from "../../src/content/load-file.ts";
import type { Session } from "../../src/schemas/session.ts";
import { createFixture } from "../support/content-fixture.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";

const SCHEDULE = "_data/schedule.yaml";

describe("sameData", () => {
  const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

  it("holds plain data the same entry by entry, and dates the same by instant, zone and locale", () => {
    expect(sameData({ a: [1, { b: "x" }], c: at("2027-01-04T09:00", "America/Denver") }, { a: [1, { b: "x" }], c: at("2027-01-04T09:00", "America/Denver") })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    // The same instant written in another zone prints another time: not the same data.
    expect(sameData(at("2027-01-04T09:00", "America/Denver"), at("2027-01-04T16:00", "UTC"))).toBe(false);
    expect(sameData(at("2027-01-04T09:00", "UTC"), at("2027-01-04T09:00", "UTC").setLocale("de"))).toBe(false);
    expect(sameData(new Date(0), new Date(0))).toBe(false);
  });
});

describe("a file loaded again after a save", () => {
  it("keeps the objects of the entries that did not change, and gives the changed one its new data", async () => {
    const text = readFileSync(path.join(FIXTURE_ROOT, SCHEDULE), "utf8");
    const cache = new ContentCache(FIXTURE_ROOT, { disk: false });
    const before = await cache.load(FILE_KINDS.session, SCHEDULE, text);
    const edited = text.replace(/^( {2}enrolled: )(\d+)$/m, (_, field: string, count: string) => `${field}${Number(count) - 1}`);
    expect(edited).not.toBe(text);
    const after = await cache.load(FILE_KINDS.session, SCHEDULE, edited);
    expect(after.entries).toHaveLength(before.entries.length);
    const changed = after.entries.filter((entry, index) => entry.data !== before.entries[index]!.data);
    expect(changed).toHaveLength(1);
    const first = before.entries[0]!.data as Session;
    expect((changed[0]!.data as Session).id).toBe(first.id);
    expect((changed[0]!.data as Session).enrolled).toBe(first.enrolled - 1);
    // A class moved to another place in the file is found by its id.
    const blocks = edited.trimEnd().split("\n\n");
    const moved = await cache.load(FILE_KINDS.session, SCHEDULE, `${[...blocks.slice(1), blocks[0]].join("\n\n")}\n`);
    expect(moved.entries.at(-1)!.data).toBe(changed[0]!.data);
    expect(moved.entries.slice(0, -1).every((entry, index) => entry.data === after.entries[index + 1]!.data)).toBe(true);
  });

  it("keeps the last load's objects when a save brings back a text the disk cache holds from an earlier session", async () => {
    const text = readFileSync(path.join(FIXTURE_ROOT, SCHEDULE), "utf8");
    const edit = (count: number) => text.replace(/^( {2}enrolled: )(\d+)$/m, (_, field: string) => `${field}${count}`);
    const fixture = await createFixture();
    try {
      // An earlier session of `npm start` saw the first text and kept its result on disk.
      const earlier = new ContentCache(fixture.root, { settledMs: 0 });
      await earlier.load(FILE_KINDS.session, SCHEDULE, edit(1));
      await earlier.save();
      forgetContentCacheMemory();
      // This session loads the second text, then the editor brings the first back (an undo, a branch switched back).
      const cache = new ContentCache(fixture.root, { settledMs: 0 });
      const second = await cache.load(FILE_KINDS.session, SCHEDULE, edit(2));
      const undone = await cache.load(FILE_KINDS.session, SCHEDULE, edit(1));
      expect(cache.stats.disk).toBe(1);
      expect((undone.entries[0]!.data as Session).enrolled).toBe(1);
      expect(undone.entries[0]!.data).not.toBe(second.entries[0]!.data);
      expect(undone.entries.slice(1).every((entry, index) => entry.data === second.entries[index + 1]!.data)).toBe(true);
    } finally {
      await fixture.cleanup();
      forgetContentCacheMemory();
    }
  });
});
