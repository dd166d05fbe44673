// Where facilitation sessions and their finished rounds are kept. One interface: SQLite is
// the embedded default (server/storage/sqlite.ts), memory serves tests, and PostgreSQL
// (server/storage/postgres.ts) is shared by several machines. Every method answers with a
// promise, so a store on the network fits; the embedded ones resolve at once.
import type { RoundRecord } from "../hosting/rounds.js";

export type { SessionKind, SessionListing, SessionRecord } from "../../shared/protocol/stored.js";
import type { SessionListing, SessionRecord } from "../../shared/protocol/stored.js";

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
