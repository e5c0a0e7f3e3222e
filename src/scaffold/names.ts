/** A URL slug from a title: lowercase ASCII words joined by single hyphens, at most about 60 characters, cut at a word. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug && slug.length + 1 + word.length > 60) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 60);
  }
  return slug;
}

/** `wanted` if it is free, else the first of `wanted-2`, `wanted-3`, ... that is. */
export function freeName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Edit distance between two strings (insertions, deletions, substitutions and swaps of neighbours each count one). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known name closest to `input`, if it is close enough to be a likely typo (or contains it as a whole word). */
export function nearestName(input: string, known: readonly string[]): string | undefined {
  const scored = known.map((name) => ({ name, distance: editDistance(input, name) })).sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  const best = scored[0];
  if (best && best.distance <= Math.max(2, Math.floor(input.length / 3))) return best.name;
  return known.find((name) => name.startsWith(`${input}-`) || name.endsWith(`-${input}`));
}
