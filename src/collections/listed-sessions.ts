import { plural } from "../lib/plural.ts";
import type { LaterMonth, ListedSessions } from "./views.ts";

/** A group of classes with a page of its own (a month). */
interface MonthOf<S> {
  label: string;
  url: string;
  sessions: S[];
}

/**
 * The most classes one list page shows. At about 70 bytes of gzipped HTML each, a hundred keep the page well
 * inside the 30 KB budget for HTML and CSS, however many classes are scheduled; the rest are a link per month.
 */
export const LISTED_SESSIONS = 100;

/**
 * The first `limit` classes of `sessions` (in start order), and the later ones counted per month, each month
 * linking to its own page. `monthOf` finds the month of a class among `months`.
 */
export function listedSessions<S>(sessions: readonly S[], monthOf: (session: S) => MonthOf<S>, limit = LISTED_SESSIONS): ListedSessions<S> {
  const later = new Map<MonthOf<S>, number>();
  for (const session of sessions.slice(limit)) {
    const month = monthOf(session);
    later.set(month, (later.get(month) ?? 0) + 1);
  }
  return { sessions: sessions.slice(0, limit), later: [...later].map(([month, count]) => laterMonth(month, count)) };
}

/** Whole months from the first while they hold no more than `limit` classes together (always the first), and the rest as links. */
export function listedMonths<M extends MonthOf<unknown>>(months: readonly M[], limit = LISTED_SESSIONS): { months: M[]; later: LaterMonth[] } {
  let shown = 0;
  let count = 0;
  while (shown < months.length && (shown === 0 || count + months[shown]!.sessions.length <= limit)) count += months[shown++]!.sessions.length;
  return { months: months.slice(0, shown), later: months.slice(shown).map((month) => laterMonth(month, month.sessions.length)) };
}

function laterMonth(month: MonthOf<unknown>, count: number): LaterMonth {
  return { label: month.label, url: month.url, count, countLabel: plural(count, "class", "classes") };
}
