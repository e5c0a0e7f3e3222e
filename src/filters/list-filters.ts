/** The first `count` items that are not `item`: "other articles" without the one being read. */
export function othersThan<T>(items: readonly T[], item: T, count: number): T[] {
  return items.filter((candidate) => candidate !== item).slice(0, count);
}
