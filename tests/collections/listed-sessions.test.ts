import { describe, expect, it } from "vitest";
import { listedMonths, listedSessions } from "../../src/collections/listed-sessions.ts";

const month = (label: string, count: number) => ({ label, url: `/schedule/${label}/`, sessions: Array.from({ length: count }, (_, index) => `${label}-${index}`) });

describe("listed sessions", () => {
  it("lists the first classes and counts the rest per month, each month linked", () => {
    const months = [month("a", 3), month("b", 2), month("c", 4)];
    const sessions = months.flatMap((m) => m.sessions);
    const monthOf = (session: string) => months.find((m) => m.sessions.includes(session))!;
    const listed = listedSessions(sessions, monthOf, 4);
    expect(listed.sessions).toEqual(["a-0", "a-1", "a-2", "b-0"]);
    expect(listed.later).toEqual([
      { label: "b", url: "/schedule/b/", count: 1, countLabel: "1 class" },
      { label: "c", url: "/schedule/c/", count: 4, countLabel: "4 classes" },
    ]);
    expect(listedSessions(sessions, monthOf, 100)).toEqual({ sessions, later: [] });
  });

  it("shows whole months up to the limit, always the first, and links the rest", () => {
    const months = [month("a", 3), month("b", 2), month("c", 4)];
    expect(listedMonths(months, 5)).toEqual({ months: months.slice(0, 2), later: [{ label: "c", url: "/schedule/c/", count: 4, countLabel: "4 classes" }] });
    expect(listedMonths(months, 1).months).toEqual(months.slice(0, 1));
    expect(listedMonths(months, 100)).toEqual({ months, later: [] });
  });
});
