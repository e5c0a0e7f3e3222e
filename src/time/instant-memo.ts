import type { DateTime } from "luxon";

/**
 * Memoises a label of an instant, keyed by its epoch milliseconds: for functions that first move the instant
 * into the site's zone and locale, so that the label depends on the instant alone. Pages ask for the same dates
 * thousands of times (an article's date on every list and neighbour), and each zone conversion or zone name
 * costs luxon an Intl call. Bounded: past `limit` entries it starts again, so a long `npm start` cannot grow it.
 */
export function memoByInstant<T>(label: (value: DateTime) => T, limit = 10_000): (value: DateTime) => T {
  const labels = new Map<number, T>();
  return (value) => {
    if (!value.isValid) return label(value);
    const key = value.toMillis();
    const known = labels.get(key);
    if (known !== undefined || labels.has(key)) return known as T;
    if (labels.size >= limit) labels.clear();
    const fresh = label(value);
    labels.set(key, fresh);
    return fresh;
  };
}
