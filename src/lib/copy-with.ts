/**
 * A copy of `item` with `changes` in place of its own fields. Unlike `{ ...item, ...changes }` it keeps the
 * properties that are not enumerable: a production build's articles give their Markdown and HTML through such
 * getters, read from the content cache when a page uses them (src/content/content-cache.ts), and a spread copy
 * would have no text at all.
 */
export function copyWith<T extends object>(item: T, changes: Partial<T>): T {
  return Object.defineProperties(Object.create(Object.getPrototypeOf(item) as object | null) as T, {
    ...Object.getOwnPropertyDescriptors(item),
    ...Object.getOwnPropertyDescriptors(changes),
  });
}
