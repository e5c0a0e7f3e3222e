import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BuildContext } from "../../src/collections/build-context.ts";
import { buildSiteModel, type SiteModel } from "../../src/collections/site-model.ts";
import { ContentCache } from "../../src/content/content-cache.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { CLOCKS } from "../support/build-site.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";


/** Freezes a plain object or array and everything plain it holds; class instances (luxon dates) keep their own rules. */
function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  seen.add(value);
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  return value;
}

/** Whether `value` and every plain object and array it reaches are frozen. */
function frozenThroughout(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== "object" || value === null || seen.has(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return true;
  seen.add(value);
  return Object.isFrozen(value) && Object.values(value).every((child) => frozenThroughout(child, seen));
}

const contexts: [string, BuildContext][] = [
  ["production in December", { now: DateTime.fromISO(CLOCKS.december, { setZone: true }) as DateTime<true>, includeUnpublished: false }],
  ["production in March", { now: DateTime.fromISO(CLOCKS.march, { setZone: true }) as DateTime<true>, includeUnpublished: false }],
  ["development", { now: DateTime.fromISO(CLOCKS.december, { setZone: true }) as DateTime<true>, includeUnpublished: true }],
];

/** The fixture site's model, every stage's output deep-frozen the moment it is built; and the stages in order. */
async function frozenModel(context: BuildContext): Promise<{ model: SiteModel; stages: string[] }> {
  const stages: string[] = [];
  // A cache in memory only: on disk it would be written into the repository's fixture folder, for a later run to read.
  const content = await loadContent(FIXTURE_ROOT, { cache: new ContentCache(FIXTURE_ROOT, { disk: false }) });
  const model = buildSiteModel(content, context, (stage, output) => {
    stages.push(stage);
    return deepFreeze(output);
  });
  return { model, stages };
}

describe("the site model is built one way", () => {
  it.each(contexts)("builds from stages frozen as soon as they are built, so no stage writes into another's objects (%s)", async (_name, context) => {
    const { model, stages } = await frozenModel(context);
    expect(new Set(stages).size).toBe(stages.length);
    // Every part of the model came out of a frozen stage: nothing was filled in after the fact.
    for (const [key, value] of Object.entries(model)) if (key !== "context") expect(frozenThroughout(value), key).toBe(true);
  });

  it.each(contexts)("relates each class to its course, instructor and venue pages through the schedule's maps (%s)", async (_name, context) => {
    const { model } = await frozenModel(context);
    expect(model.schedule.upcoming.length).toBeGreaterThan(0);
    for (const course of model.catalog.courses) {
      expect(course.sessions.map((session) => session.id)).toEqual(model.schedule.upcoming.filter((session) => session.courseId === course.id).map((session) => session.id));
      expect(course.nextPublic?.id).toBe(course.sessions.find((session) => session.isBookable)?.id);
    }
    for (const instructor of model.instructors) {
      expect(instructor.sessions.map((session) => session.id)).toEqual(model.schedule.upcoming.filter((session) => session.instructor.id === instructor.id).map((session) => session.id));
    }
    for (const venue of model.venues) {
      expect(venue.sessions.map((session) => session.id)).toEqual(model.schedule.upcoming.filter((session) => session.location?.id === venue.id).map((session) => session.id));
    }
    for (const path of model.learningPaths.paths) {
      path.courses.forEach((course, index) => {
        expect(course).toBe(model.catalog.byId[course.id]);
        expect(course.paths.find((step) => step.path.id === path.id)?.position).toBe(index + 1);
      });
    }
  });

  it("fails a stage that writes into an earlier stage's frozen output", () => {
    const output = deepFreeze({ courses: [{ id: "a", sessions: [] as string[] }] });
    expect(() => output.courses[0]!.sessions.push("late")).toThrow(TypeError);
  });
});
