// A hosted session's rounds: each round's settings, input log, timeline and summary, kept
// for the debrief (server/storage keeps them across restarts).
import { type GameState, replay, type Scenario } from "../../shared/index.js";
import type { BoardMode } from "../../shared/protocol/index.js";
import type { RoundSettings } from "../../shared/settings.js";

export type { RoomLogEntry, RoundRecord } from "../../shared/protocol/stored.js";
import type { RoomLogEntry, RoundRecord } from "../../shared/protocol/stored.js";

/** What the round engine knows of a finished round (Round.played), and what the room adds. */
export function roundRecord(
  sessionId: string,
  code: string,
  shown: { round: number; board: string },
  settings: RoundSettings,
  played: Omit<RoundRecord, "sessionId" | "code" | "round" | "scenarioId" | "customisation" | "seats" | "board">,
): RoundRecord {
  return {
    sessionId,
    code,
    round: shown.round,
    scenarioId: settings.scenarioId,
    customisation: { ...settings.customisation },
    seats: settings.seats,
    board: shown.board as BoardMode,
    ...played,
  };
}

/** Rebuilds a hosted round from its log; a round the host ended early stops at `untilTick`,
 *  with the entries logged at that tick applied as they were live. */
export function replayRound(scenario: Scenario, seed: number, log: readonly RoomLogEntry[], untilTick = Infinity): GameState {
  return replay(scenario, seed, log, untilTick, true);
}
