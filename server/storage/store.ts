// Where facilitation sessions and their finished rounds are kept. One interface: SQLite is
// the embedded default (server/storage/sqlite.ts), memory serves tests, and PostgreSQL
// (server/storage/postgres.ts) is shared by several machines. Every method answers with a
// promise, so a store on the network fits; the embedded ones resolve at once.
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
  saveSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  /** A workshop's team sessions, by createdAt then team name. */
  listChildren(parentId: string): Promise<SessionRecord[]>;
  /** The top-level sessions (no parent) hosted with one secret, newest first. */
  listSessions(hostHash: string): Promise<SessionListing[]>;
  /** Keeps a finished round; saving the same (session, round) again replaces it. The session must
   *  be stored. The record is read before this returns (the caller may change it afterwards). */
  saveRound(record: RoundRecord): Promise<void>;
  /** A session's rounds in round order, with logs and timelines. */
  listRounds(sessionId: string): Promise<RoundRecord[]>;
  /**
   * Retention: deletes every top-level session (with its teams and all their rounds) whose last
   * activity, its creation or the end of its latest round (any team's, for a workshop), came
   * before `cutoff` (ms since the epoch). Answers how many top-level sessions went.
   */
  deleteIdleSince(cutoff: number): Promise<number>;
  /** Waits for the operations under way, then lets go of the file or the connections. */
  close(): Promise<void>;
}
