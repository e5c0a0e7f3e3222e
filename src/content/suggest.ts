/**
 * The nearest of `candidates` to what an editor wrote, or undefined when none is close enough to be a likely
 * slip. Case is ignored ("Classroom" finds classroom). A candidate is close when it is a few edits away (two,
 * or a quarter of the word's length for long words: "intermidiate" finds intermediate), or, failing that, when
 * exactly one candidate contains the word or is contained in it ("online-live" finds online): editors often
 * write a value that belongs to a neighbouring field. A candidate contained in the word counts only when it is at
 * least half of it: the site's root "/" is contained in every path, and a link to a page that does not exist was
 * told "did you mean "/"?".
 */
export function closestMatch(written: string, candidates: Iterable<string>): string | undefined {
  const word = written.trim().toLowerCase();
  if (word === "") return undefined;
  const limit = Math.max(2, Math.floor(word.length / 4));
  let best: { candidate: string; distance: number } | undefined;
  const containing: string[] = [];
  for (const candidate of candidates) {
    // Only a closer candidate than the best so far can replace it, so it is worked out no further than that; after
    // an exact match none can.
    const within = best ? best.distance - 1 : limit;
    if (within < 0) break;
    const lower = candidate.toLowerCase();
    const distance = editDistanceWithin(word, lower, within);
    if (distance <= within) best = { candidate, distance };
    if (lower.includes(word) || (lower.length * 2 >= word.length && word.includes(lower))) containing.push(candidate);
  }
  if (best) return best.candidate;
  return containing.length === 1 ? containing[0] : undefined;
}

/** `; did you mean "x"?` for the closest candidate, or "" when there is none worth naming. */
export function didYouMean(written: string, candidates: Iterable<string>): string {
  const match = closestMatch(written, candidates);
  return match === undefined || match === written ? "" : `; did you mean "${match}"?`;
}

/**
 * editDistance when it is at most `limit`, else `limit + 1`, without the whole table: two words further apart in
 * length than the limit are too far, and once every cell of a row exceeds it so does the distance (each path through
 * the table crosses every row, and no step lowers it). `npm run check` looks for the nearest page of every broken
 * link among all the site's paths (8,900 at 4,000 articles): the whole table of each pair took about 50 ms a link.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let lowest = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (row[j]! < lowest) lowest = row[j]!;
    }
    if (lowest > limit) return limit + 1;
  }
  return Math.min(row[b.length]!, limit + 1);
}

/** Levenshtein distance: insertions, deletions and substitutions each count one. */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Number.POSITIVE_INFINITY);
}
