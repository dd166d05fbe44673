// A hosted session's rounds: each round's settings, input log, timeline and summary, kept
// for the debrief (server/storage keeps them across restarts).
import { type GameState, replay, type Scenario } from "../../shared/index.js";

export type { RoomLogEntry, RoundRecord } from "../../shared/protocol/stored.js";
import type { RoomLogEntry } from "../../shared/protocol/stored.js";

/** Rebuilds a hosted round from its log; a round the host ended early stops at `untilTick`,
 *  with the entries logged at that tick applied as they were live. */
export function replayRound(scenario: Scenario, seed: number, log: readonly RoomLogEntry[], untilTick = Infinity): GameState {
  return replay(scenario, seed, log, untilTick, true);
}
