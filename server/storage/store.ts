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
}

export interface SessionListing extends SessionRecord {
  rounds: number;
  /** When the last round ended; null before the first one. */
  lastPlayedAt: number | null;
}

export interface SessionStore {
  /** Inserts a session, or updates its code when it is hosted again. */
  saveSession(session: SessionRecord): void;
  getSession(id: string): SessionRecord | null;
  /** The sessions hosted with one secret, newest first. */
  listSessions(hostHash: string): SessionListing[];
  /** Keeps a finished round; saving the same (session, round) again replaces it. */
  saveRound(record: RoundRecord): void;
  /** A session's rounds in round order, with logs and timelines. */
  listRounds(sessionId: string): RoundRecord[];
  close(): void;
}
