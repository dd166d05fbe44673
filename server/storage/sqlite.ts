// The embedded store: one SQLite file. Rounds are split into plain columns and one row per
// player, so a facilitator can answer questions with the sqlite3 CLI alone; the bulky input
// log and timeline sit in their own table so `SELECT * FROM rounds` stays readable.
// better-sqlite3 is synchronous: each method does its work before it returns, and its promise
// is already settled (an error is a rejected promise, never a throw).
import Database from "better-sqlite3";
import type { RoundRecord } from "../hosting/rounds.js";
import type { BoardMode } from "../protocol.js";
import type { PlayerSummary } from "../../shared/index.js";
import { migrate } from "./migrations.js";
import type { SessionKind, SessionListing, SessionRecord, SessionStore } from "./store.js";

interface SessionRow {
  id: string;
  kind: SessionKind;
  host_hash: string;
  code: string;
  created_at: number;
  parent_id: string | null;
  team: string | null;
}

interface RoundRow {
  session_id: string;
  round: number;
  code: string;
  scenario_id: string;
  customisation: string;
  scenario: string;
  seed: number;
  seats: number;
  board: string;
  ended: string;
  ticks: number;
  seconds: number;
  hash: string;
  started_at: number;
  ended_at: number;
  value: number;
  praise: number;
  collapsed: number;
  log: string;
  timeline: string;
}

interface PlayerRow {
  round: number;
  seat: number;
  name: string;
  bot: string | null;
  praise: number;
  direct: number;
  indirect: number;
  net: number;
  saves: number;
  heat_removed: number;
  guard_built: number;
  risk_cleared: number;
  fires_caused: number;
  effort: string;
}

/** NULL parent and team are left out, so a plain session reads back as it was saved. */
const session = (r: SessionRow): SessionRecord => ({
  id: r.id,
  kind: r.kind,
  hostHash: r.host_hash,
  code: r.code,
  createdAt: r.created_at,
  ...(r.parent_id !== null && { parentId: r.parent_id }),
  ...(r.team !== null && { team: r.team }),
});

/** Prepared once per connection. */
function prepare(db: Database.Database) {
  return {
    upsertSession: db.prepare(
      `INSERT INTO sessions (id, kind, host_hash, code, created_at, parent_id, team) VALUES (@id, @kind, @hostHash, @code, @createdAt, @parentId, @team)
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
    insertRound: db.prepare(
      `INSERT INTO rounds (session_id, round, code, scenario_id, customisation, scenario, seed, seats, board, ended, ticks, seconds, hash, started_at, ended_at, value, praise, collapsed)
       VALUES (@session_id, @round, @code, @scenario_id, @customisation, @scenario, @seed, @seats, @board, @ended, @ticks, @seconds, @hash, @started_at, @ended_at, @value, @praise, @collapsed)`,
    ),
    insertPlayer: db.prepare(
      `INSERT INTO round_players (session_id, round, seat, name, bot, praise, direct, indirect, net, saves, heat_removed, guard_built, risk_cleared, fires_caused, effort)
       VALUES (@session_id, @round, @seat, @name, @bot, @praise, @direct, @indirect, @net, @saves, @heat_removed, @guard_built, @risk_cleared, @fires_caused, @effort)`,
    ),
    insertData: db.prepare(`INSERT INTO round_data (session_id, round, log, timeline) VALUES (?, ?, ?, ?)`),
    listRounds: db.prepare<[string], RoundRow>(
      `SELECT r.*, d.log, d.timeline FROM rounds r JOIN round_data d USING (session_id, round) WHERE r.session_id = ? ORDER BY r.round`,
    ),
    listPlayers: db.prepare<[string], PlayerRow>(`SELECT * FROM round_players WHERE session_id = ? ORDER BY round, seat`),
  };
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
      this.db.pragma("journal_mode = WAL");
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
    this.q.upsertSession.run({ id: s.id, kind: s.kind, hostHash: s.hostHash, code: s.code, createdAt: s.createdAt, parentId: s.parentId ?? null, team: s.team ?? null });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.q.getSession.get(id);
    return row ? session(row) : null;
  }

  async listChildren(parentId: string): Promise<SessionRecord[]> {
    return this.q.listChildren.all(parentId).map(session);
  }

  async listSessions(hostHash: string): Promise<SessionListing[]> {
    return this.q.listSessions.all(hostHash).map((r) => ({ ...session(r), rounds: r.rounds, lastPlayedAt: r.last_played_at, teams: r.teams }));
  }

  async saveRound(record: RoundRecord): Promise<void> {
    this.saveTx(record);
  }

  private writeRound(r: RoundRecord): void {
    const key = { session_id: r.sessionId, round: r.round };
    this.q.deleteRound.run(r.sessionId, r.round);
    this.q.insertRound.run({
      ...key,
      code: r.code,
      scenario_id: r.scenarioId,
      customisation: JSON.stringify(r.customisation),
      scenario: JSON.stringify(r.scenario),
      seed: r.seed,
      seats: r.seats,
      board: r.board,
      ended: r.ended,
      ticks: r.ticks,
      seconds: r.summary.seconds,
      hash: r.hash,
      started_at: r.startedAt,
      ended_at: r.endedAt,
      value: r.summary.value,
      praise: r.summary.praise,
      collapsed: r.summary.collapsed ? 1 : 0,
    });
    for (const p of r.summary.players)
      this.q.insertPlayer.run({
        ...key,
        seat: p.seat,
        name: p.name,
        bot: p.bot,
        praise: p.praise,
        direct: p.direct,
        indirect: p.indirect,
        net: p.net,
        saves: p.saves,
        heat_removed: p.heatRemoved,
        guard_built: p.guardBuilt,
        risk_cleared: p.riskCleared,
        fires_caused: p.firesCaused,
        effort: JSON.stringify(p.effort),
      });
    this.q.insertData.run(r.sessionId, r.round, JSON.stringify(r.log), JSON.stringify(r.timeline));
  }

  async listRounds(sessionId: string): Promise<RoundRecord[]> {
    const players = new Map<number, PlayerSummary[]>();
    for (const p of this.q.listPlayers.all(sessionId)) {
      const list = players.get(p.round) ?? [];
      list.push({
        seat: p.seat,
        name: p.name,
        bot: p.bot,
        praise: p.praise,
        direct: p.direct,
        indirect: p.indirect,
        net: p.net,
        saves: p.saves,
        heatRemoved: p.heat_removed,
        guardBuilt: p.guard_built,
        riskCleared: p.risk_cleared,
        firesCaused: p.fires_caused,
        effort: JSON.parse(p.effort) as PlayerSummary["effort"],
      });
      players.set(p.round, list);
    }
    return this.q.listRounds.all(sessionId).map((r) => {
      const scenario = JSON.parse(r.scenario) as RoundRecord["scenario"];
      return {
        sessionId: r.session_id,
        code: r.code,
        round: r.round,
        scenarioId: r.scenario_id,
        customisation: JSON.parse(r.customisation) as RoundRecord["customisation"],
        scenario,
        seed: r.seed,
        seats: r.seats,
        board: r.board as BoardMode,
        log: JSON.parse(r.log) as RoundRecord["log"],
        ended: r.ended,
        ticks: r.ticks,
        hash: r.hash,
        // The summary's own copies of the scenario, seed and end tick are the round's.
        summary: {
          scenario: scenario.id,
          seed: r.seed,
          endTick: r.ticks,
          seconds: r.seconds,
          collapsed: r.collapsed === 1,
          value: r.value,
          praise: r.praise,
          players: players.get(r.round) ?? [],
        },
        timeline: JSON.parse(r.timeline) as RoundRecord["timeline"],
        startedAt: r.started_at,
        endedAt: r.ended_at,
      };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
