// The embedded store: one SQLite file. Rounds are split into plain columns and one row per
// player, so a facilitator can answer questions with the sqlite3 CLI alone; the bulky input
// log and timeline sit in their own table so `SELECT * FROM rounds` stays readable.
// better-sqlite3 is synchronous: each method does its work before it returns, and its promise
// is already settled (an error is a rejected promise, never a throw).
import Database from "better-sqlite3";
import type { RoundRecord } from "../hosting/rounds.js";
import type { PlayerSummary } from "../../shared/index.js";
import { migrate } from "./migrations.js";
import { columnsOf, type TableName } from "./tables.js";
import {
  CHECKPOINT_COLUMNS,
  checkpointFromRow,
  type CheckpointRow,
  checkpointRow,
  keepsSnapshot,
  type JsonText,
  type PlayerRow,
  playerFromRow,
  playerRow,
  roundDataRow,
  roundFromRow,
  type RoundRow,
  roundRow,
  sessionFromRow,
  sessionRow,
  type SessionRow,
} from "./rows.js";
import type { Checkpoint, CheckpointWrite, SessionListing, SessionRecord, SessionStore } from "./store.js";
import type { RoomLogEntry } from "../../shared/protocol/stored.js";
import { checkpointGap } from "./checkpoint-rules.js";

/** As better-sqlite3 reads them: JSON columns are text, booleans 0/1. */
type SqliteRoundRow = Omit<JsonText<RoundRow, "customisation" | "scenario" | "log" | "timeline">, "collapsed"> & { collapsed: number };
type SqlitePlayerRow = JsonText<PlayerRow, "effort"> & { round: number };

/** `INSERT INTO table (…) VALUES (@…)` over every column of `table`, named as the row objects are. */
const insertNamed = (table: TableName) => {
  const columns = columnsOf(table);
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`;
};

/** Prepared once per connection. */
function prepare(db: Database.Database) {
  return {
    upsertSession: db.prepare(
      `${insertNamed("sessions")}
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, team = COALESCE(excluded.team, team)`,
    ),
    getSession: db.prepare<[string], SessionRow>(`SELECT * FROM sessions WHERE id = ?`),
    listChildren: db.prepare<[string], SessionRow>(`SELECT * FROM sessions WHERE parent_id = ? ORDER BY created_at, team, rowid`),
    // Each top-level session s joined with itself and its teams (m), and their rounds: a plain
    // session counts its own rounds, a workshop those of its teams.
    listSessions: db.prepare<[string], SessionRow & { rounds: number; last_played_at: number | null; teams: number }>(
      `SELECT s.*, COUNT(r.round) AS rounds, MAX(r.ended_at) AS last_played_at, COUNT(DISTINCT m.id) - 1 AS teams
         FROM sessions s
         JOIN sessions m ON m.id = s.id OR m.parent_id = s.id
         LEFT JOIN rounds r ON r.session_id = m.id
        WHERE s.host_hash = ? AND s.parent_id IS NULL
        GROUP BY s.id ORDER BY s.created_at DESC, s.rowid DESC`,
    ),
    deleteRound: db.prepare(`DELETE FROM rounds WHERE session_id = ? AND round = ?`),
    // A top-level session's last activity: its creation, or its own or its teams' latest round.
    idleSessions: db.prepare<[number], { id: string }>(
      `SELECT s.id FROM sessions s
         JOIN sessions m ON m.id = s.id OR m.parent_id = s.id
         LEFT JOIN rounds r ON r.session_id = m.id
        WHERE s.parent_id IS NULL
        GROUP BY s.id HAVING MAX(s.created_at, COALESCE(MAX(r.ended_at), 0)) < ?`,
    ),
    deleteChildren: db.prepare(`DELETE FROM sessions WHERE parent_id = ?`),
    deleteSession: db.prepare(`DELETE FROM sessions WHERE id = ?`),
    insertRound: db.prepare(insertNamed("rounds")),
    insertPlayer: db.prepare(insertNamed("round_players")),
    insertData: db.prepare(insertNamed("round_data")),
    listRounds: db.prepare<[string], SqliteRoundRow>(
      `SELECT r.*, d.log, d.timeline FROM rounds r JOIN round_data d USING (session_id, round) WHERE r.session_id = ? ORDER BY r.round`,
    ),
    listPlayers: db.prepare<[string], SqlitePlayerRow>(`SELECT * FROM round_players WHERE session_id = ? ORDER BY round, seat`),
    logLength: db.prepare<[string], number>(`SELECT log_length FROM checkpoints WHERE session_id = ?`).pluck(),
    upsertCheckpoint: db.prepare(
      `${insertNamed("checkpoints")}
       ON CONFLICT (session_id) DO UPDATE SET ${CHECKPOINT_COLUMNS.filter((c) => c !== "session_id" && c !== "snapshot")
         .map((c) => `${c} = excluded.${c}`)
         .join(", ")},
         snapshot = CASE WHEN @keep = 1 THEN checkpoints.snapshot ELSE excluded.snapshot END`,
    ),
    deleteLog: db.prepare(`DELETE FROM checkpoint_log WHERE session_id = ?`),
    insertLog: db.prepare(insertNamed("checkpoint_log")),
    listCheckpoints: db.prepare<[{ id: string | null }], CheckpointRow>(
      `SELECT * FROM checkpoints WHERE @id IS NULL OR session_id = @id ORDER BY saved_at, rowid`,
    ),
    listCheckpointLog: db.prepare<[{ id: string | null }], { session_id: string; entries: string }>(
      `SELECT session_id, entries FROM checkpoint_log WHERE @id IS NULL OR session_id = @id ORDER BY session_id, seq`,
    ),
    deleteCheckpoint: db.prepare(`DELETE FROM checkpoints WHERE session_id = ?`),
  };
}

/** Runs `fn`, retrying for up to `ms` while SQLite answers SQLITE_BUSY. */
function whileBusy<T>(fn: () => T, ms: number): T {
  const deadline = Date.now() + ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

export class SqliteSessionStore implements SessionStore {
  private readonly db: Database.Database;
  private readonly q: ReturnType<typeof prepare>;
  private readonly saveTx: (r: RoundRecord) => void;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      // Another process (the sqlite3 CLI, a second server) may hold the lock for a moment;
      // set first, so even switching a fresh file to WAL waits for a second server starting at once.
      this.db.pragma("busy_timeout = 5000");
      // Switching a fresh file to WAL upgrades a lock, and SQLite answers BUSY at once rather than
      // wait (deadlock avoidance), so two servers starting together on one new file retry here.
      whileBusy(() => this.db.pragma("journal_mode = WAL"), 5000);
      this.db.pragma("foreign_keys = ON");
      migrate(this.db, file);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.q = prepare(this.db);
    this.saveTx = this.db.transaction((r: RoundRecord) => this.writeRound(r));
  }

  async saveSession(s: SessionRecord): Promise<void> {
    this.q.upsertSession.run(sessionRow(s));
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.q.getSession.get(id);
    return row ? sessionFromRow(row) : null;
  }

  async listChildren(parentId: string): Promise<SessionRecord[]> {
    return this.q.listChildren.all(parentId).map(sessionFromRow);
  }

  async listSessions(hostHash: string): Promise<SessionListing[]> {
    return this.q.listSessions.all(hostHash).map((r) => ({ ...sessionFromRow(r), rounds: r.rounds, lastPlayedAt: r.last_played_at, teams: r.teams }));
  }

  async deleteIdleSince(cutoff: number): Promise<number> {
    // Teams first: their parent link has no cascade. Rounds, players and data cascade.
    return this.db.transaction(() => {
      const idle = this.q.idleSessions.all(cutoff);
      for (const { id } of idle) {
        this.q.deleteChildren.run(id);
        this.q.deleteSession.run(id);
      }
      return idle.length;
    })();
  }

  async saveRound(record: RoundRecord): Promise<void> {
    this.saveTx(record);
  }

  private writeRound(r: RoundRecord): void {
    const key = { session_id: r.sessionId, round: r.round };
    this.q.deleteRound.run(r.sessionId, r.round);
    this.q.insertRound.run({ ...roundRow(r), collapsed: r.summary.collapsed ? 1 : 0 });
    for (const p of r.summary.players) this.q.insertPlayer.run({ ...key, ...playerRow(p), effort: JSON.stringify(p.effort) });
    this.q.insertData.run(roundDataRow(r));
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    const players = new Map<number, PlayerSummary[]>();
    for (const p of this.q.listPlayers.all(sessionId)) {
      const list = players.get(p.round) ?? [];
      list.push(playerFromRow({ ...p, effort: JSON.parse(p.effort) as PlayerRow["effort"] }));
      players.set(p.round, list);
    }
    return this.q.listRounds.all(sessionId).map((r) =>
      roundFromRow(
        {
          ...r,
          customisation: JSON.parse(r.customisation) as RoundRow["customisation"],
          scenario: JSON.parse(r.scenario) as RoundRow["scenario"],
          log: JSON.parse(r.log) as RoundRow["log"],
          timeline: JSON.parse(r.timeline) as RoundRow["timeline"],
          collapsed: r.collapsed === 1,
        },
        players.get(r.round) ?? [],
      ),
    );
  }

  async saveCheckpoint(w: CheckpointWrite): Promise<void> {
    this.db
      .transaction(() => {
        const stored = this.q.logLength.get(w.sessionId);
        const gap = checkpointGap(w, stored ?? null);
        if (gap) throw new Error(gap);
        if (w.from === 0) this.q.deleteLog.run(w.sessionId);
        this.q.upsertCheckpoint.run({ ...checkpointRow(w), keep: keepsSnapshot(w) ? 1 : 0 });
        if (w.entries.length) this.q.insertLog.run({ session_id: w.sessionId, seq: w.from, entries: JSON.stringify(w.entries) });
      })
      .immediate();
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    return this.readCheckpoints(null);
  }

  async getCheckpoint(sessionId: string): Promise<Checkpoint | null> {
    return this.readCheckpoints(sessionId)[0] ?? null;
  }

  /** Every checkpoint (null) or one room's, in one read transaction so heads and logs agree. */
  private readCheckpoints(sessionId: string | null): Checkpoint[] {
    return this.db.transaction(() => this.readCheckpointRows(sessionId))();
  }

  private readCheckpointRows(sessionId: string | null): Checkpoint[] {
    const chunks = new Map<string, RoomLogEntry[][]>();
    for (const c of this.q.listCheckpointLog.all({ id: sessionId })) {
      const list = chunks.get(c.session_id) ?? [];
      list.push(JSON.parse(c.entries) as RoomLogEntry[]);
      chunks.set(c.session_id, list);
    }
    return this.q.listCheckpoints
      .all({ id: sessionId })
      .map((r) =>
        checkpointFromRow(
          { ...r, room: JSON.parse(r.room) as unknown, snapshot: r.snapshot === null ? null : (JSON.parse(r.snapshot) as Checkpoint["snapshot"]) },
          chunks.get(r.session_id) ?? [],
        ),
      );
  }

  async deleteCheckpoint(sessionId: string): Promise<void> {
    this.q.deleteCheckpoint.run(sessionId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
