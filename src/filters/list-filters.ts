/** The first `count` items that are not `item`: "other articles" without the one being read. */
export function othersThan<T>(items: readonly T[], item: T, count: number): T[] {
  // Every article page asks for this over the whole list: looking at count + 1 items keeps it constant per page.
  return items.slice(0, count + 1).filter((candidate) => candidate !== item).slice(0, count);
}
