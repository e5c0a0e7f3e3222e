/** Groups items under each key they name, keeping their order. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) for (const key of keys(item)) (groups[key] ??= []).push(item);
  return groups;
}
