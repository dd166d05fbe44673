// What a facilitator may change about a scenario before a round, as one pure transform, so
// the server, the debrief and any replay derive exactly the same rules from the same choices.
import { fromPhase, parseScenario, type Scenario } from "./scenario.js";

export interface Customisation {
  /** Round length in seconds (counted from the starting phase). */
  durationSeconds?: number;
  /** Growth exponent of new fires, in halves: 2 (linear), 3 (1.5, the default), 4 (quadratic). */
  exponentHalves?: 2 | 3 | 4;
  /** Spread chance of every phase, in percent of the scenario's (100 = unchanged). */
  spreadPct?: number;
  /** Start in this growth phase (0 = the first). */
  startPhase?: number;
}

export type CustomiseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function customise(base: Scenario, c: Customisation): CustomiseResult {
  if (c.startPhase !== undefined && (!Number.isInteger(c.startPhase) || c.startPhase < 0 || c.startPhase >= base.phases.length))
    return { ok: false, error: `startPhase: "${base.id}" has phases 0..${base.phases.length - 1}` };
  if (c.spreadPct !== undefined && (!Number.isInteger(c.spreadPct) || c.spreadPct < 0 || c.spreadPct > 400))
    return { ok: false, error: "spreadPct: a whole percentage from 0 to 400" };
  const shifted = fromPhase(base, c.startPhase ?? 0);
  const pct = c.spreadPct ?? 100;
  const candidate = {
    ...shifted,
    durationSeconds: c.durationSeconds ?? shifted.durationSeconds,
    ignition: { ...shifted.ignition, exponentHalves: c.exponentHalves ?? shifted.ignition.exponentHalves },
    phases: shifted.phases.map((p) => ({ ...p, spread: Math.floor((p.spread * pct) / 100) })),
  };
  // The result is validated like any scenario, so a bad length or exponent is refused by name.
  return parseScenario(candidate);
}
