/**
 * `compute` memoised by a key of its argument, holding at most `limit` results: past it the memory starts again, so
 * a long `npm start` or odd content cannot grow it. For pure functions asked the same question thousands of times in
 * a build (a date's label, a tag's slug).
 */
export function boundedMemo<A, K, T>(compute: (value: A) => T, keyOf: (value: A) => K, limit = 10_000): (value: A) => T {
  const results = new Map<K, T>();
  return (value) => {
    const key = keyOf(value);
    const known = results.get(key);
    if (known !== undefined || results.has(key)) return known as T;
    if (results.size >= limit) results.clear();
    const fresh = compute(value);
    results.set(key, fresh);
    return fresh;
  };
}
