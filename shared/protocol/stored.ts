// The stored round and session as both sides see them: the server keeps them (server/storage)
// and answers them over /api/sessions; the host console reads them for the debrief and lists.
import type { RoundEnd } from "../ending.js";
import type { Customisation, LogEntry, RoundSummary, Scenario, Timeline } from "../index.js";
import type { BoardMode } from "./wire.js";

/** A hosted round's log: the rules' own entries, including the host's phase events. */
export type RoomLogEntry = LogEntry;

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
  ended: RoundEnd;
  /** Ticks played; replayRound(scenario, seed, log, ticks) rebuilds the final state. */
  ticks: number;
  hash: string;
  summary: RoundSummary;
  /** The round's per-second samples (fires, hidden risk, value, praise, effort per seat). */
  timeline: Timeline;
  startedAt: number;
  endedAt: number;
}

export type SessionKind = "room" | "workshop";

export interface SessionRecord {
  /** The facilitation session id (a UUID, answered by POST /api/rooms). */
  id: string;
  kind: SessionKind;
  /** SHA-256 of the host secret, hex. The secret itself is never stored. */
  hostHash: string;
  /** The room code the session was last hosted under (codes are reused once a room closes). */
  code: string;
  createdAt: number;
  /** A team's session: the workshop session it belongs to. Absent for a plain session. */
  parentId?: string;
  /** A team's session: the team's name (typed by people, so guarded wherever it is exported). */
  team?: string;
}

export interface SessionListing extends SessionRecord {
  /** A plain session's rounds; a workshop's: the rounds of all its teams. */
  rounds: number;
  /** When the last round ended (of any team, for a workshop); null before the first one. */
  lastPlayedAt: number | null;
  /** A workshop's team sessions; 0 for a plain session. */
  teams: number;
}
