import type { DateTime } from "luxon";
import { boundedMemo } from "../lib/bounded-memo.ts";

/**
 * Memoises a label of an instant, keyed by its epoch milliseconds: for functions that first move the instant
 * into the site's zone and locale, so that the label depends on the instant alone. Pages ask for the same dates
 * thousands of times (an article's date on every list and neighbour), and each zone conversion or zone name
 * costs luxon an Intl call. Bounded (boundedMemo), so a long `npm start` cannot grow it.
 */
export function memoByInstant<T>(label: (value: DateTime) => T, limit = 10_000): (value: DateTime) => T {
  const memo = boundedMemo(label, (value: DateTime) => value.toMillis(), limit);
  // An invalid date has no instant to key it by.
  return (value) => (value.isValid ? memo(value) : label(value));
}
