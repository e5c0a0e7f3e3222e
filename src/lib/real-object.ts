/** The key under which a recording proxy (src/eleventy/read-recorder.ts) hands over the model object it stands for. */
export const REAL_OBJECT: unique symbol = Symbol("real object");

/**
 * `value` itself, or the model object a recording proxy stands for. Look-ups by identity (the page table's
 * `url(template, item)`) call this, since in `npm start` a page's render sees the model through proxies.
 */
export function realObject<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  return (value as { [REAL_OBJECT]?: T })[REAL_OBJECT] ?? value;
}
