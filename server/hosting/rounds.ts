// A hosted session's rounds: each round's settings, input log and summary, kept for the
// debrief. In memory for now; RoundStore is the seam where persistent storage plugs in.
import { applyEntry, createGame, type Customisation, type GameState, type LogEntry, type RoundSummary, type Scenario, stateHash, step } from "../../shared/index.js";
// Not on the rules' front door: the room's "next phase" event calls it exactly where the
// rules' own phase growth would (see RoomLogEntry below).
import { enterPhase } from "../../shared/game.js";
import type { BoardMode } from "../protocol.js";

/** The host moved the round to the next growth phase; applied in log order like any entry. */
export interface PhaseEvent {
  tick: number;
  seat: -1;
  phase: number;
}

/** A hosted round's log: the rules' entries plus the host's phase events. */
export type RoomLogEntry = LogEntry | PhaseEvent;

export function isPhaseEvent(e: RoomLogEntry): e is PhaseEvent {
  return "phase" in e;
}

/** Applies one entry of a hosted round's log. */
export function applyRoomEntry(s: GameState, e: RoomLogEntry): void {
  if (isPhaseEvent(e)) enterPhase(s, e.phase);
  else applyEntry(s, e);
}

/**
 * Rebuilds a hosted round from its log, like the rules' replay, plus phase events. A round
 * the host ended early stops at `untilTick`; entries logged at that very tick (after the
 * last step) are applied too, as they were live.
 */
export function replayRound(scenario: Scenario, seed: number, log: readonly RoomLogEntry[], untilTick = Infinity): GameState {
  const s = createGame(scenario, seed);
  let k = 0;
  while (!s.ended && s.tick < untilTick) {
    while (k < log.length && log[k]!.tick <= s.tick) applyRoomEntry(s, log[k++]!);
    step(s);
  }
  while (k < log.length && log[k]!.tick <= s.tick) applyRoomEntry(s, log[k++]!);
  return s;
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
  startedAt: number;
  endedAt: number;
}

/** Where finished rounds go. Later: SQLite; now: memory. */
export interface RoundStore {
  save(record: RoundRecord): void;
  list(sessionId: string): RoundRecord[];
}

export class MemoryRoundStore implements RoundStore {
  private readonly bySession = new Map<string, RoundRecord[]>();

  save(record: RoundRecord): void {
    const list = this.bySession.get(record.sessionId) ?? [];
    list.push(record);
    this.bySession.set(record.sessionId, list);
  }

  list(sessionId: string): RoundRecord[] {
    return this.bySession.get(sessionId) ?? [];
  }

  /** Forget a session (the room closed; nothing persistent to keep yet). */
  drop(sessionId: string): void {
    this.bySession.delete(sessionId);
  }
}

