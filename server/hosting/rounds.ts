// A hosted session's rounds: each round's settings, input log and summary, kept for the
// debrief. In memory for now; RoundStore is the seam where persistent storage plugs in.
import { type Customisation, type GameState, type LogEntry, replay, type RoundSummary, type Scenario, stateHash } from "../../shared/index.js";
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

