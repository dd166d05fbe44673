// Comparing two runs of one round (what really happened and a what-if) only means something at
// the same moment: a what-if that ran past the moment the host ended the real round would
// otherwise be credited with the extra time. Every screen that compares calls this.

export interface SameMoment {
  /** The second both runs reached (timeline sample k is second k + 1). */
  second: number;
  real: number;
  other: number;
  /** (other − real) / |real| in whole percent, rounded half away from zero; null when real is 0. */
  pct: number | null;
  /** True when the runs had different lengths, so the comparison stopped at the shorter one. */
  cut: boolean;
}

/** The two value series compared at the last second both reached; null if either is empty. */
export function atSameMoment(real: readonly number[], other: readonly number[]): SameMoment | null {
  const n = Math.min(real.length, other.length);
  if (n === 0) return null;
  const a = real[n - 1]!;
  const b = other[n - 1]!;
  const pct = a === 0 ? null : Math.sign(b - a) * Math.round((100 * Math.abs(b - a)) / Math.abs(a));
  return { second: n, real: a, other: b, pct, cut: real.length !== other.length };
}

/**
 * Hidden risk in a room's words: "fires waiting to happen", the total risk counted in tiles' worth
 * of the most risk a tile can hold (a tile that full is about to catch). Whole numbers only.
 */
export function firesWaiting(riskMax: number, totalRisk: number): number {
  return riskMax > 0 ? Math.round(totalRisk / riskMax) : 0;
}
