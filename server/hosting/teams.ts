// Placing people in teams: balanced sizes for a whole group, and the smallest team for a late
// arrival. Pure functions over ids, so the rules of thumb are tested without a room.

/** How many teams of about `size` people `n` people make: as close to `size` as possible,
 *  never smaller than `min` per team when there are enough people for one team of `min`. */
export function teamCount(n: number, size: number, min: number): number {
  if (n <= 0) return 1;
  let k = Math.max(1, Math.round(n / size));
  while (k > 1 && Math.floor(n / k) < min) k--;
  return k;
}

/** Deals `people` (in arrival order) into `k` teams whose sizes differ by at most one. */
export function deal<T>(people: readonly T[], k: number): T[][] {
  const teams: T[][] = Array.from({ length: k }, () => []);
  people.forEach((p, i) => teams[i % k]!.push(p));
  return teams;
}

/** The team a newcomer joins: the one with fewest members, the first such on a tie. */
export function smallestTeam(sizes: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestSize = Infinity;
  for (const [id, size] of sizes) if (size < bestSize) [best, bestSize] = [id, size];
  return best;
}
