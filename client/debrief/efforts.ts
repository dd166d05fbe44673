// How the debrief and the host console group the rules' seven effort counters for people:
// the four choices that matter, and everything else (walking, standing, burnt out).
import { EFFORTS } from "../../shared/index.js";

export interface EffortGroup {
  label: string;
  /** Indices into EFFORTS. */
  idx: number[];
  color: string;
}

const at = (name: (typeof EFFORTS)[number]) => EFFORTS.indexOf(name);

export const EFFORT_GROUPS: readonly EffortGroup[] = [
  { label: "Extinguish", idx: [at("extinguish")], color: "#d55e00" },
  { label: "Invest", idx: [at("invest")], color: "#0072b2" },
  { label: "Step back", idx: [at("stepBack")], color: "#cc79a7" },
  { label: "Sprint", idx: [at("sprint")], color: "#e69f00" },
  { label: "Walk, idle, burnt out", idx: [at("walk"), at("idle"), at("burntOut")], color: "#5d6373" },
];

/** Percent of the counters in `row` (EFFORTS.length values from `offset`) per group; zeros when empty. */
export function groupShares(row: readonly number[], offset = 0): number[] {
  let total = 0;
  for (let e = 0; e < EFFORTS.length; e++) total += row[offset + e] ?? 0;
  return EFFORT_GROUPS.map((g) => (total > 0 ? (100 * g.idx.reduce((a, i) => a + (row[offset + i] ?? 0), 0)) / total : 0));
}
