// How the debrief and the host console group the rules' seven effort counters for people:
// the four choices that matter, and everything else (walking, standing, burnt out).
import { EFFORTS } from "../../shared/index.js";
import { type Key, t } from "../i18n/index.js";

export interface EffortGroup {
  /** In the page's language. */
  readonly label: string;
  /** Indices into EFFORTS. */
  idx: number[];
  color: string;
}

const at = (name: (typeof EFFORTS)[number]) => EFFORTS.indexOf(name);

// The label is read when drawn, so it is in the language the catalogues were started in.
const group = (key: Key, idx: number[], color: string): EffortGroup => ({
  get label() {
    return t(key);
  },
  idx,
  color,
});

export const EFFORT_GROUPS: readonly EffortGroup[] = [
  group("charts.extinguish", [at("extinguish")], "#d55e00"),
  group("charts.invest", [at("invest")], "#0072b2"),
  group("charts.stepBack", [at("stepBack")], "#cc79a7"),
  group("charts.sprint", [at("sprint")], "#e69f00"),
  group("charts.other", [at("walk"), at("idle"), at("burntOut")], "#5d6373"),
];

/** Percent of the counters in `row` (EFFORTS.length values from `offset`) per group; zeros when empty. */
export function groupShares(row: readonly number[], offset = 0): number[] {
  let total = 0;
  for (let e = 0; e < EFFORTS.length; e++) total += row[offset + e] ?? 0;
  return EFFORT_GROUPS.map((g) => (total > 0 ? (100 * g.idx.reduce((a, i) => a + (row[offset + i] ?? 0), 0)) / total : 0));
}
