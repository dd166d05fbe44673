// Where facilitation sessions and their finished rounds are kept. One interface: SQLite is
// the embedded default (server/storage/sqlite.ts), memory serves tests, and PostgreSQL
// (server/storage/postgres.ts) is shared by several machines. Every method answers with a
// promise, so a store on the network fits; the embedded ones resolve at once.
import type { RoundRecord } from "../hosting/rounds.js";

export type { SessionKind, SessionListing, SessionRecord } from "../../shared/protocol/stored.js";
import type { RoomLogEntry, SessionListing, SessionRecord } from "../../shared/protocol/stored.js";

/**
 * A round in progress as its room last wrote it, so a server that starts on the same store can
 * bring the room back: replaying `log` from `snapshot` (or from the start) reaches `tick`, whose
 * rules hash is `hash`. One per room, keyed by the room's session.
 */
export interface Checkpoint {
  sessionId: string;
  code: string;
  round: number;
  /** The checkpoint's format: a server refuses to restore one newer than it knows. */
  format: number;
  savedAt: number;
  tick: number;
  hash: string;
  /** The room's own facts (settings, seats, host…), as the room wrote them. */
  room: unknown;
  /** A rules state to replay from, at its tick; null: replay from the round's start. */
  snapshot: { tick: number; state: unknown } | null;
  log: RoomLogEntry[];
}

/** One write: the head as it is now, and the log entries since the last write. */
export interface CheckpointWrite extends Omit<Checkpoint, "log" | "snapshot"> {
  /** Index in the round's log of `entries[0]`: the stored log's length, or 0 to start it afresh. */
  from: number;
  entries: RoomLogEntry[];
  /** Replaces the stored snapshot when given; left out, the stored one stays (it is large). */
  snapshot?: Checkpoint["snapshot"];
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
  /** Writes a room's progress: the head replaced, `entries` appended to its log. A `from` other than
   *  0 or the stored log's length is refused (a write was lost): the room then writes from 0. */
  saveCheckpoint(write: CheckpointWrite): Promise<void>;
  /** Every round in progress, logs whole, oldest write first. */
  listCheckpoints(): Promise<Checkpoint[]>;
  /** One room's round in progress, or null. */
  getCheckpoint(sessionId: string): Promise<Checkpoint | null>;
  /** The round ended (it is saved as a round) or its room closed for good. */
  deleteCheckpoint(sessionId: string): Promise<void>;
  /** Waits for the operations under way, then lets go of the file or the connections. */
  close(): Promise<void>;
}
