import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rehearseSaves } from "../../src/build/save-rehearsal.ts";
import { createBuildContext } from "../../src/collections/build-context.ts";
import { buildSiteModel } from "../../src/collections/site-model.ts";
import { loadContent, type Content } from "../../src/content/load-content.ts";
import { pageTableOf } from "../../src/pages/page-table.ts";
import { CLOCKS } from "../support/build-site.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

let fixture: Fixture;
let content: Content;
const context = () => createBuildContext(DateTime.fromISO(CLOCKS.december, { setZone: true }) as DateTime<true>, { ELEVENTY_RUN_MODE: "serve" });

beforeEach(async () => {
  fixture = await createFixture();
  content = await loadContent(fixture.root);
});
afterEach(async () => {
  await fixture.cleanup();
});

describe("rehearseSaves: the model's part of a save of each kind, before the first real one", () => {
  it("goes through an article's, a course's and a class's save, each deriving some stages again, keeping the others and listing every page", () => {
    const rehearsal = rehearseSaves(content, context());
    expect(rehearsal.kinds).toEqual(["article", "course", "class"]);
    // Three saves, each reaching some stages and not all: the path a real save takes through the memo.
    expect(rehearsal.stages.derived).toBeGreaterThanOrEqual(3);
    expect(rehearsal.stages.reused).toBeGreaterThanOrEqual(3);
    // Each save's page table, as the real save's check makes it: every page of the site, three times.
    expect(rehearsal.pages).toBe(3 * pageTableOf(buildSiteModel(content, context())).entries.length);
  });

  it("leaves the loaded content as it was: the same objects, with the same fields", () => {
    const before = JSON.stringify(content);
    const [article, session] = [content.articles[0], content.sessions[0]];
    const course = Object.values(content.courses)[0];
    rehearseSaves(content, context());
    expect(JSON.stringify(content)).toBe(before);
    expect(content.articles[0]).toBe(article);
    expect(content.sessions[0]).toBe(session);
    expect(Object.values(content.courses)[0]).toBe(course);
  });

  it("leaves out a kind the site has nothing of: no class save for a site without classes", () => {
    expect(rehearseSaves({ ...content, sessions: [] }, context()).kinds).toEqual(["article", "course"]);
  });
});
