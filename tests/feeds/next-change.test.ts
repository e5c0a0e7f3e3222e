import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createBuildContext } from "../../src/collections/build-context.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { nextChange, nextChangeFile, scheduledChanges } from "../../src/feeds/next-change.ts";
import { CLOCKS } from "../support/build-site.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";
import { rawSessions, readYaml, ZONE } from "../support/raw-content.ts";
import { buildDir } from "../support/site-output.ts";

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }) as DateTime<true>;
let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(() => fixture.cleanup());

describe("next change", () => {
  it("is the earliest of class starts and ends, article publications and promotion starts and ends after the clock", async () => {
    // The fixture: a promotion for January 2027, a class from 12 to 16 January 2027, and two published articles.
    const content = await loadContent(fixture.root);
    const context = (iso: string) => createBuildContext(at(iso), {});
    expect(nextChangeFile(content, context("2026-12-01T09:00")).nextChange).toBe("2027-01-01T07:00:00Z");
    expect(nextChange(content, context("2026-12-01T09:00"))?.reason).toContain("starts");
    expect(nextChangeFile(content, context("2027-01-05T09:00")).nextChange).toBe("2027-01-12T16:00:00Z");
    expect(nextChange(content, context("2027-01-05T09:00"))?.reason).toContain("java-fundamentals-2027-01-den starts");
    expect(nextChangeFile(content, context("2027-01-13T09:00")).nextChange).toBe("2027-01-16T23:30:00Z");
    // The promotion's last day is 31 January: it leaves at the start of 1 February, Denver time.
    expect(scheduledChanges(content, context("2027-01-20T09:00")).map((change) => change.at.toUTC().toISO())).toContain("2027-02-01T07:00:00.000Z");
    expect(nextChangeFile(content, context("2030-01-01T00:00"))).toEqual({ builtAt: "2030-01-01T07:00:00Z", nextChange: null });
  });

  it("ignores standing promotions, which have no dates", async () => {
    await fixture.edit("_data/promotions.yaml", (text) => `${text}- id: standing\n  title: Always on\n  body: Placed in articles.\n`);
    const content = await loadContent(fixture.root);
    const reasons = scheduledChanges(content, createBuildContext(at("2026-12-01T09:00"), {})).map((change) => change.reason);
    expect(reasons.some((reason) => reason.includes("Always on"))).toBe(false);
  });

  it("counts a scheduled article's publication, not a draft's", async () => {
    const article = (date: string, draft: boolean) => `---\ntitle: Later\ndate: "${date}"\nauthor: hsg\nsummary: Later.\ndraft: ${draft}\n---\n\nText.\n`;
    await fixture.write("content/articles/later.md", article("2026-12-05T07:00", false));
    await fixture.write("content/articles/unfinished.md", article("2026-12-03", true));
    const content = await loadContent(fixture.root);
    expect(nextChangeFile(content, createBuildContext(at("2026-12-01T09:00"), {})).nextChange).toBe("2026-12-05T14:00:00Z");
    expect(nextChange(content, createBuildContext(at("2026-12-01T09:00"), {}))?.reason).toBe("article later is published");
  });

  it("is written to /next-change.json, matching the sample content", () => {
    const now = DateTime.fromISO(CLOCKS.december);
    const moments = rawSessions().flatMap((session) => [session.startAt, session.endAt]);
    const articles = readdirSync(path.join(FIXTURE_ROOT, "content/articles"), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".md"))
      .map((file) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(FIXTURE_ROOT, "content/articles", file), "utf8"))![1]!) as { date: string; draft?: boolean });
    for (const article of articles) if (!article.draft) moments.push(DateTime.fromISO(article.date, { zone: ZONE }));
    for (const promotion of readYaml<{ validFrom: string; validUntil: string }[]>("_data/promotions.yaml")) {
      moments.push(DateTime.fromISO(promotion.validFrom, { zone: ZONE }), DateTime.fromISO(promotion.validUntil, { zone: ZONE }).plus({ days: 1 }));
    }
    const earliest = moments.filter((moment) => moment > now).sort((a, b) => a.toMillis() - b.toMillis())[0];
    const file = JSON.parse(readFileSync(path.join(buildDir("december"), "next-change.json"), "utf8")) as { builtAt: string; nextChange: string | null };
    expect(DateTime.fromISO(file.builtAt).toMillis()).toBe(now.toMillis());
    expect(file.nextChange === null ? undefined : DateTime.fromISO(file.nextChange).toMillis()).toBe(earliest?.toMillis());
  });
});
