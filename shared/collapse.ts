// How close a map is to collapsing, on the rules' own threshold (collapseFiresFor), so a
// dashboard's gauge, its "tipped" line and the debrief never disagree about where collapse is.
import { collapseFiresFor } from "./debrief.js";
import type { Scenario } from "./scenario.js";

/** What a view needs to count the fires that can collapse the map: those in the active square. */
export interface ActiveSquare {
  heat: readonly number[];
  width: number;
  ax: number;
  ay: number;
  side: number;
}

/** Fires burning in the active square (the ones step() weighs against the collapse threshold). */
export function activeFires(v: ActiveSquare): number {
  let fires = 0;
  for (let y = v.ay; y < v.ay + v.side; y++) for (let x = v.ax; x < v.ax + v.side; x++) if ((v.heat[y * v.width + x] ?? 0) > 0) fires++;
  return fires;
}

/** Whole percent of the way from no fires to the collapse threshold (rounded down, so 100 means
 *  the threshold is reached, never "one fire short"), at most 100. */
export function collapseProgress(scenario: Scenario, side: number, fires: number): number {
  const limit = Math.max(1, collapseFiresFor(scenario, side));
  return Math.min(100, Math.floor((100 * fires) / limit));
}
