// A compact timeline for the results screen: team value, praise and fires over the round, at
// most RECAP_POINTS samples, with the tipping point measured on the full per-second fires. It
// rides along with the summary message, so quick play (which keeps no debrief) can draw the
// round's story on any screen.
import { collapseFiresFor, tippingPoint } from "./debrief.js";
import type { GameState, Timeline } from "./state.js";
import type { RoundSummary } from "./summary.js";

export const RECAP_POINTS = 120;

export interface Recap {
  /** The second of each sample (every few seconds, and always the last). */
  seconds: number[];
  value: number[];
  praise: number[];
  fires: number[];
  /** The second the round tipped (shared tippingPoint), or null. */
  tipping: number | null;
}

/** The summary message players get when a round ends. */
export interface ResultsSummary extends RoundSummary {
  recap?: Recap;
}

/** `ended` and `collapseFires` as tippingPoint takes them: only a round that spiralled tipped. */
export function recapOf(timeline: Timeline, team: number, ended = "", collapseFires = 0, points = RECAP_POINTS): Recap {
  const n = timeline.fires.length;
  const stepSeconds = Math.max(1, Math.ceil(n / points));
  const seconds: number[] = [];
  for (let t = 0; t < n; t += stepSeconds) seconds.push(t);
  // The last second is the round's result: always keep it.
  if (n > 0 && seconds.at(-1) !== n - 1) seconds.push(n - 1);
  const pick = (xs: readonly number[]) => seconds.map((t) => xs[t] ?? 0);
  return {
    seconds,
    value: pick(timeline.value),
    praise: pick(timeline.praise),
    fires: pick(timeline.fires),
    tipping: tippingPoint(timeline.fires, team, ended, collapseFires),
  };
}

/** The summary with its recap; the team size is the summary's players, as the debrief counts it. */
export function withRecap(summary: RoundSummary, game: GameState): ResultsSummary {
  return { ...summary, recap: recapOf(game.timeline, summary.players.length, game.ended, collapseFiresFor(game.scenario, game.side)) };
}
