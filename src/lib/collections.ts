/**
 * Small list helpers shared by the collections (articles, schedule, catalog), kept here so that no collection
 * module imports another only for a helper.
 */

/** Groups items under each key they name, keeping their order. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) for (const key of keys(item)) (groups[key] ??= []).push(item);
  return groups;
}

/** The items with the first of each key kept, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

/** The first `count` items that pass `test`, in order, looking no further: a few of thousands of articles. */
export function firstWhere<T>(items: readonly T[], count: number, test: (item: T) => boolean): T[] {
  const found: T[] = [];
  for (const item of items) {
    if (found.length >= count) break;
    if (test(item)) found.push(item);
  }
  return found;
}
