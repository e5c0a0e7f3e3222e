import type { DateTime } from "luxon";
import type { Content } from "../content/load-content.ts";
import type { BuildContext } from "../collections/build-context.ts";

/** One future moment at which a rebuilt site would differ from this build, and why. */
export interface ScheduledChange {
  at: DateTime;
  /** E.g. `class java-fundamentals-2027-01-den starts (registration closes)`: for the build's own use, never published. */
  reason: string;
}

/**
 * The contents of /next-change.json, read by the scheduled rebuild function (netlify/functions/). It says when
 * and never what: the file is public, and a scheduled article's slug or an upcoming promotion's title is news
 * the firm has not published yet.
 */
export interface NextChangeFile {
  /** The build's clock, ISO 8601: the function rebuilds when this is more than a day old. */
  builtAt: string;
  /** The earliest future change, ISO 8601, or null when nothing is scheduled. */
  nextChange: string | null;
}

/**
 * Every moment after the build's clock at which the pages depend on time: a class starting (it closes to
 * registration) or ending (it leaves the site), a scheduled article's publication, a promotion's first day
 * and the day after its last. The daily "did you know?" fact and the footer year are left to the daily rebuild.
 */
export function scheduledChanges(content: Content, context: BuildContext): ScheduledChange[] {
  const changes: ScheduledChange[] = [];
  for (const session of content.sessions) {
    changes.push({ at: session.start, reason: `class ${session.id} starts (registration closes)` });
    changes.push({ at: session.end, reason: `class ${session.id} ends` });
  }
  for (const article of content.articles) {
    if (!article.draft) changes.push({ at: article.date, reason: `article ${article.slug} is published` });
  }
  for (const promotion of content.promotions) {
    // A standing promotion (no dates) is placed in articles only and never changes with time.
    if (!promotion.validFrom || !promotion.validUntil) continue;
    changes.push({ at: promotion.validFrom.startOf("day"), reason: `promotion "${promotion.title}" starts` });
    changes.push({ at: promotion.validUntil.plus({ days: 1 }).startOf("day"), reason: `promotion "${promotion.title}" ends` });
  }
  return changes.filter((change) => change.at > context.now).sort((a, b) => a.at.toMillis() - b.at.toMillis());
}

/** The earliest future change, or undefined when nothing is scheduled. */
export function nextChange(content: Content, context: BuildContext): ScheduledChange | undefined {
  return scheduledChanges(content, context)[0];
}

/** The /next-change.json of a build: the moments only. */
export function nextChangeFile(content: Content, context: BuildContext): NextChangeFile {
  const next = nextChange(content, context);
  const iso = (moment: DateTime) => moment.toUTC().toISO({ suppressMilliseconds: true })!;
  return { builtAt: iso(context.now), nextChange: next ? iso(next.at) : null };
}
