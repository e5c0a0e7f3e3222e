import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { Signer } from "../../src/eleventy/signature.ts";

describe("Signer", () => {
  it("changes with a field of the object and of the objects it refers to, down to the depth asked for", () => {
    const make = (title: string, courseSummary: string) => ({ title, neighbour: { title: "Next", course: { summary: courseSummary } } });
    const signer = new Signer();
    const base = signer.of(make("A", "S"), 2);
    expect(signer.of(make("A", "S"), 2)).toBe(base);
    expect(signer.of(make("B", "S"), 2)).not.toBe(base);
    expect(signer.of(make("A", "T"), 2)).not.toBe(base);
    // One level less does not reach the course's summary.
    expect(signer.of(make("A", "S"), 1)).toBe(signer.of(make("A", "T"), 1));
  });

  it("signs a model with cycles, and dates by their instant", () => {
    const session: { start: DateTime; course?: object } = { start: DateTime.fromISO("2026-12-07T09:00", { zone: "America/Denver" }) };
    const course = { title: "Java", sessions: [session] };
    session.course = course;
    const signer = new Signer();
    const first = signer.of(course, 5);
    const moved = { title: "Java", sessions: [{ start: DateTime.fromISO("2026-12-08T09:00", { zone: "America/Denver" }), course }] };
    expect(new Signer().of(moved, 5)).not.toBe(first);
  });

  it("leaves out the fields only an object's own page shows where another page refers to it", () => {
    const signer = new Signer((_owner, key, own) => key === "html" && !own);
    const article = (html: string) => ({ title: "T", html });
    expect(signer.of(article("<p>one</p>"), 1)).not.toBe(signer.of(article("<p>two</p>"), 1));
    expect(signer.of({ items: [article("<p>one</p>")] }, 2)).toBe(signer.of({ items: [article("<p>two</p>")] }, 2));
  });
});
