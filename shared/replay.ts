// The input log: everything that came from outside the rules, stamped with the tick it
// was applied before. Replaying it from the same scenario and seed rebuilds the game exactly.
import { addPlayer, createGame, enterPhase, rejoinPlayer, removePlayer } from "./game.js";
import { applyIntent, type Intent } from "./intents.js";
import type { Scenario } from "./scenario.js";
import type { GameState, PlayerSpec } from "./state.js";
import { step } from "./step.js";

export type LogEntry =
  | { tick: number; seat: number; intent: Intent }
  | { tick: number; seat: number; join: PlayerSpec }
  | { tick: number; seat: number; leave: true }
  | { tick: number; seat: number; rejoin: true }
  /** A facilitator moved the round on to the next growth phase early (seat is -1). */
  | { tick: number; seat: -1; phase: number };

/** Applies one logged entry to a game at its tick. */
export function applyEntry(s: GameState, e: LogEntry): void {
  if ("intent" in e) applyIntent(s, e.seat, e.intent);
  else if ("join" in e) addPlayer(s, e.join);
  else if ("leave" in e) removePlayer(s, e.seat);
  else if ("phase" in e) {
    // Only forward: a phase the clock already reached is not entered twice.
    if (e.phase > s.phase) enterPhase(s, e.phase);
  } else rejoinPlayer(s, e.seat);
}

/**
 * Rebuilds a game from its log: the state at the start of tick `untilTick` (default: the end
 * of the round). With `throughLastTick`, entries stamped with the last tick are applied too,
 * as a room that stopped there applied them live (a leave after a facilitator ended the round).
 */
export function replay(scenario: Scenario, seed: number, log: readonly LogEntry[], untilTick = Infinity, throughLastTick = false): GameState {
  return replayFrom(createGame(scenario, seed), log, 0, untilTick, throughLastTick);
}

/**
 * Carries `s` on (changing it) by `log[from..]`, as `replay` does from the start: a restored
 * round replays only what came after its snapshot, `from` being the entries the snapshot had
 * already applied. Answers `s`.
 */
export function replayFrom(s: GameState, log: readonly LogEntry[], from: number, untilTick = Infinity, throughLastTick = false): GameState {
  let k = from;
  while (!s.ended && s.tick < untilTick) {
    while (k < log.length && log[k]!.tick <= s.tick) applyEntry(s, log[k++]!);
    step(s);
  }
  if (throughLastTick) while (k < log.length && log[k]!.tick <= s.tick) applyEntry(s, log[k++]!);
  return s;
}
