// Where facilitation sessions and their finished rounds are kept. One interface: SQLite is
// the embedded default (server/storage/sqlite.ts), memory serves tests, and a store shared by
// several machines would be one more implementation of the same methods.
import type { RoundRecord } from "../hosting/rounds.js";

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

export interface SessionStore {
  /** Inserts a session, or, when it is hosted again, updates its code and (when given) its team
   *  name. Kind, host, parent and createdAt never change. A parent must already be stored. */
  saveSession(session: SessionRecord): void;
  getSession(id: string): SessionRecord | null;
  /** A workshop's team sessions, by createdAt then team name. */
  listChildren(parentId: string): SessionRecord[];
  /** The top-level sessions (no parent) hosted with one secret, newest first. */
  listSessions(hostHash: string): SessionListing[];
  /** Keeps a finished round; saving the same (session, round) again replaces it. */
  saveRound(record: RoundRecord): void;
  /** A session's rounds in round order, with logs and timelines. */
  listRounds(sessionId: string): RoundRecord[];
  close(): void;
}
