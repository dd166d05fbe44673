// A hosted session's rounds: each round's settings, input log, timeline and summary, kept
// for the debrief (server/storage keeps them across restarts).
import { type Customisation, type GameState, type LogEntry, replay, type RoundSummary, type Scenario, type Timeline } from "../../shared/index.js";
import type { BoardMode } from "../protocol.js";

/** A hosted round's log: the rules' own entries, including the host's phase events. */
export type RoomLogEntry = LogEntry;

/** Rebuilds a hosted round from its log; a round the host ended early stops at `untilTick`,
 *  with the entries logged at that tick applied as they were live. */
export function replayRound(scenario: Scenario, seed: number, log: readonly RoomLogEntry[], untilTick = Infinity): GameState {
  return replay(scenario, seed, log, untilTick, true);
}

export interface RoundRecord {
  /** The facilitation session (POST /api/rooms sessionId) and the room code. */
  sessionId: string;
  code: string;
  round: number;
  /** Built-in scenario id and the host's customisation of it. */
  scenarioId: string;
  customisation: Customisation;
  /** The scenario the rules ran (after customise()). */
  scenario: Scenario;
  seed: number;
  seats: number;
  board: BoardMode;
  log: RoomLogEntry[];
  /** "time" | "collapse" | "host" (ended by the host). */
  ended: string;
  /** Ticks played; replayRound(scenario, seed, log, ticks) rebuilds the final state. */
  ticks: number;
  hash: string;
  summary: RoundSummary;
  /** The round's per-second samples (fires, hidden risk, value, praise, effort per seat). */
  timeline: Timeline;
  startedAt: number;
  endedAt: number;
}
