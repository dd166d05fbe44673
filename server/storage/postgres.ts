// The shared store: PostgreSQL through node-postgres (`pg`), for several server processes on
// several machines (DATABASE_URL). The same tables and columns as the SQLite file, so the same
// questions are answered with psql: SQLite's INTEGER becomes integer or bigint (times in ms,
// seeds up to 2^32 and the figures are bigint), 0/1 becomes boolean, and the JSON columns are
// `json`: the text exactly as written (key order included, so stored rounds and exports read
// the same as from SQLite), checked to be JSON, and open to -> and ->> in queries. SQLite's
// hidden rowid, which breaks ties in listings, is an explicit identity column here.
//
// Schema steps are counted in schema_version (one row per step) and applied in one transaction
// under a transaction-level advisory lock, so several processes starting at once on a fresh
// database migrate it exactly once; a database from a newer server is refused.
import pg from "pg";
import type { RoundRecord } from "../hosting/rounds.js";
import {
  CHECKPOINT_COLUMNS,
  checkpointFromRow,
  type CheckpointRow,
  checkpointRow,
  keepsSnapshot,
  type PlayerRow,
  playerFromRow,
  playerRow,
  ROUND_COLUMNS,
  ROUND_DATA_COLUMNS,
  roundDataRow,
  roundFromRow,
  type RoundRow,
  roundRow,
  SESSION_COLUMNS,
  sessionFromRow,
  sessionRow,
  type SessionRow,
} from "./rows.js";
import type { Checkpoint, CheckpointWrite, SessionListing, SessionRecord, SessionStore } from "./store.js";
import type { RoomLogEntry } from "../../shared/protocol/stored.js";
import { checkpointGap } from "./checkpoint-rules.js";
import { log } from "../log.js";
import { columnsOf, postgresRecordType, schemaSteps } from "./tables.js";

/** Applied in order; the number applied is MAX(version) in schema_version. Generated from
 *  tables.ts with SQLite's, so versions and columns match the SQLite steps. */
export const PG_MIGRATIONS: readonly string[] = schemaSteps("postgres");

/** pg_advisory_xact_lock key held while migrating ("smold" in ASCII). */
export const MIGRATION_LOCK = 0x736d6f6c64;

/** Connections per process: rounds and listings are a few quick statements each. */
export const POOL_SIZE = 5;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const key of [...u.searchParams.keys()]) if (/pass/i.test(key)) u.searchParams.set(key, "***");
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** A connection error's words; Node's AggregateError (IPv4 and IPv6 both refused) has none of its own. */
function reason(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return err.errors.map((e: unknown) => (e as Error).message).join("; ");
  return err instanceof Error ? err.message : String(err);
}

/** bigint (int8) as a JS number: every value stored here is a safe integer, anything else is an error. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned ${text}, not a safe integer`);
  return n;
}

/** Type parsers of this store's connections only (the process-wide defaults stay as they are). */
function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, parseInt8);
  return types;
}

/** Its players as json_agg gives them (row_to_json: figures as JSON numbers, not int8 text). */
interface RoundWithPlayers extends RoundRow {
  players: PlayerRow[];
}

const SESSION_COLUMN_LIST = SESSION_COLUMNS.join(", ");
const PLAYER_COLUMN_LIST = columnsOf("round_players").join(", ");
/** A player's columns as json_to_recordset reads them from the array saveRound sends. */
const PLAYER_RECORD = postgresRecordType("round_players", ["session_id", "round"]);
// Built from the shared column lists, so the positional values cannot fall out of step with them.
const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(", ");
const INSERT_ROUND = `INSERT INTO rounds (${ROUND_COLUMNS.join(", ")}) VALUES (${placeholders(ROUND_COLUMNS.length)})`;
const UPSERT_CHECKPOINT = `INSERT INTO checkpoints (${CHECKPOINT_COLUMNS.join(", ")}) VALUES (${placeholders(CHECKPOINT_COLUMNS.length)})
  ON CONFLICT (session_id) DO UPDATE SET ${CHECKPOINT_COLUMNS.filter((c) => c !== "session_id" && c !== "snapshot")
    .map((c) => `${c} = excluded.${c}`)
    .join(", ")},
    snapshot = CASE WHEN $${CHECKPOINT_COLUMNS.length + 1}::boolean THEN checkpoints.snapshot ELSE excluded.snapshot END`;
const INSERT_CHECKPOINT_LOG = `INSERT INTO checkpoint_log (${columnsOf("checkpoint_log").join(", ")}) VALUES ($1, $2, $3)`;
const INSERT_ROUND_DATA = `INSERT INTO round_data (${ROUND_DATA_COLUMNS.join(", ")}) VALUES (${placeholders(ROUND_DATA_COLUMNS.length)})`;

/** Brings a database up to `steps` under the advisory lock; refuses one written by a newer server. */
export async function migratePostgres(client: pg.ClientBase, name: string, steps: readonly string[] = PG_MIGRATIONS): Promise<void> {
  await client.query("BEGIN");
  try {
    // Held to the end of this transaction: a second process starting now waits here, then finds
    // the steps applied. Creating schema_version under the lock keeps its creation single too.
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const { rows } = await client.query<{ version: number }>("SELECT COALESCE(MAX(version), 0) AS version FROM schema_version");
    const version = rows[0]!.version;
    if (version > steps.length)
      throw new Error(
        `${name}: the database is at schema version ${version}, newer than this server knows (${steps.length}); run a newer Smolder or point DATABASE_URL elsewhere`,
      );
    for (let v = version; v < steps.length; v++) {
      await client.query(steps[v]!);
      await client.query("INSERT INTO schema_version (version) VALUES ($1)", [v + 1]);
    }
    await client.query("COMMIT");
  } catch (err) {
    // Every step of this start is undone together, versions included.
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

export class PostgresSessionStore implements SessionStore {
  /** Operations under way, which close() waits for (a round finished during shutdown is still written). */
  private readonly pending = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly name: string,
  ) {}

  /** Connects, migrates, and answers once the store is usable; a database that cannot be reached
   *  within `connectTimeoutMs`, or that is newer than this server, rejects with a clear message.
   *  `steps` is the schema this server knows (tests pass fewer to act as an older server). */
  static async open(url: string, opts: { poolSize?: number; connectTimeoutMs?: number; steps?: readonly string[] } = {}): Promise<PostgresSessionStore> {
    const name = redactUrl(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? POOL_SIZE,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      // TCP keep-alive, so a connection idle behind a firewall or NAT is not silently dropped.
      keepAlive: true,
      application_name: "smolder",
      // A database that accepts the connection but stalls must not hold up room creation for ever.
      statement_timeout: 15_000,
      types: typeParsers(),
    });
    // An idle connection that breaks (a database restart) must not crash the server; the pool
    // drops it and the next query opens another.
    pool.on("error", (err) =>
      log.error({ event: "postgres-idle-error", database: name, reason: reason(err) }, `PostgreSQL at ${name}: an idle connection failed`),
    );
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, name, opts.steps);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => undefined);
      const message = reason(err);
      throw new Error(message.startsWith(name) ? message : `PostgreSQL at ${name}: ${message}`, { cause: err });
    }
    return new PostgresSessionStore(pool, name);
  }

  /** Runs one operation, counted for close(); refused once the store is closing. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`PostgreSQL store ${this.name} is closed`));
    const p = work();
    this.pending.add(p);
    const done = () => this.pending.delete(p);
    p.then(done, done);
    return p;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> {
    return (await this.pool.query<R>(sql, values)).rows;
  }

  /** `work` inside BEGIN … COMMIT on one connection, rolled back if it throws. */
  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await work(client);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  saveSession(s: SessionRecord): Promise<void> {
    const row = sessionRow(s);
    const values = SESSION_COLUMNS.map((c) => row[c]);
    return this.run(async () => {
      await this.query(
        `INSERT INTO sessions (${SESSION_COLUMN_LIST}) VALUES (${placeholders(SESSION_COLUMNS.length)})
         ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, team = COALESCE(EXCLUDED.team, sessions.team)`,
        values,
      );
    });
  }

  getSession(id: string): Promise<SessionRecord | null> {
    return this.run(async () => {
      const [row] = await this.query<SessionRow>(`SELECT ${SESSION_COLUMN_LIST} FROM sessions WHERE id = $1`, [id]);
      return row ? sessionFromRow(row) : null;
    });
  }

  listChildren(parentId: string): Promise<SessionRecord[]> {
    // Team names in byte order (COLLATE "C"), as SQLite's BINARY, whatever the database's locale.
    return this.run(async () =>
      (
        await this.query<SessionRow>(
          `SELECT ${SESSION_COLUMN_LIST} FROM sessions WHERE parent_id = $1 ORDER BY created_at, team COLLATE "C" NULLS FIRST, rowid`,
          [parentId],
        )
      ).map(sessionFromRow),
    );
  }

  listSessions(hostHash: string): Promise<SessionListing[]> {
    // Each top-level session s joined with itself and its teams (m), and their rounds: a plain
    // session counts its own rounds, a workshop those of its teams.
    return this.run(async () =>
      (
        await this.query<SessionRow & { rounds: number; last_played_at: number | null; teams: number }>(
          `SELECT s.id, s.kind, s.host_hash, s.code, s.created_at, s.parent_id, s.team,
                  COUNT(r.round)::integer AS rounds, MAX(r.ended_at) AS last_played_at, (COUNT(DISTINCT m.id) - 1)::integer AS teams
             FROM sessions s
             JOIN sessions m ON m.id = s.id OR m.parent_id = s.id
             LEFT JOIN rounds r ON r.session_id = m.id
            WHERE s.host_hash = $1 AND s.parent_id IS NULL
            GROUP BY s.id ORDER BY s.created_at DESC, s.rowid DESC`,
          [hostHash],
        )
      ).map((r) => ({ ...sessionFromRow(r), rounds: r.rounds, lastPlayedAt: r.last_played_at, teams: r.teams })),
    );
  }

  saveRound(r: RoundRecord): Promise<void> {
    // Everything is read from the record now, before the first await: the caller may change it later.
    const key = [r.sessionId, r.round];
    const row = roundRow(r);
    const round = ROUND_COLUMNS.map((c) => row[c]);
    const players = JSON.stringify(r.summary.players.map(playerRow));
    const dataRow = roundDataRow(r);
    const data = ROUND_DATA_COLUMNS.map((c) => dataRow[c]);
    return this.run(() =>
      this.transaction(async (c) => {
        // The old round's players and data go with it (ON DELETE CASCADE).
        await c.query("DELETE FROM rounds WHERE session_id = $1 AND round = $2", key);
        await c.query(INSERT_ROUND, round);
        // All the players in one statement, from one JSON array.
        await c.query(
          `INSERT INTO round_players (${PLAYER_COLUMN_LIST})
           SELECT $1, $2, p.* FROM json_to_recordset($3::json) AS p (${PLAYER_RECORD})`,
          [...key, players],
        );
        await c.query(INSERT_ROUND_DATA, data);
      }),
    );
  }

  listRounds(sessionId: string): Promise<RoundRecord[]> {
    // One statement, so the rounds and their players come from one snapshot.
    return this.run(async () => {
      const rows = await this.query<RoundWithPlayers>(
        `SELECT r.*, d.log, d.timeline,
                COALESCE((SELECT json_agg(p ORDER BY p.seat) FROM round_players p WHERE p.session_id = r.session_id AND p.round = r.round), '[]'::json) AS players
           FROM rounds r JOIN round_data d USING (session_id, round)
          WHERE r.session_id = $1 ORDER BY r.round`,
        [sessionId],
      );
      return rows.map((r) => roundFromRow(r, r.players.map(playerFromRow)));
    });
  }

  saveCheckpoint(w: CheckpointWrite): Promise<void> {
    // Everything is read from the write now, before the first await: the caller may change it later.
    const { sessionId, from } = w;
    const row = checkpointRow(w);
    const head = [...CHECKPOINT_COLUMNS.map((c) => row[c]), keepsSnapshot(w)];
    const entries = w.entries.length ? JSON.stringify(w.entries) : null;
    return this.run(() =>
      this.transaction(async (c) => {
        // The row is locked to the end of the write, so a second writer of the same room waits and
        // then sees this write's length.
        const stored = await c.query<{ log_length: number }>("SELECT log_length FROM checkpoints WHERE session_id = $1 FOR UPDATE", [sessionId]);
        const gap = checkpointGap({ sessionId, from }, stored.rows[0]?.log_length ?? null);
        if (gap) throw new Error(gap);
        if (from === 0) await c.query("DELETE FROM checkpoint_log WHERE session_id = $1", [sessionId]);
        await c.query(UPSERT_CHECKPOINT, head);
        if (entries !== null) await c.query(INSERT_CHECKPOINT_LOG, [sessionId, from, entries]);
      }),
    );
  }

  listCheckpoints(): Promise<Checkpoint[]> {
    return this.readCheckpoints(null);
  }

  async getCheckpoint(sessionId: string): Promise<Checkpoint | null> {
    return (await this.readCheckpoints(sessionId))[0] ?? null;
  }

  /** Every checkpoint (null) or one room's. One statement, so heads and logs come from one snapshot. */
  private readCheckpoints(sessionId: string | null): Promise<Checkpoint[]> {
    return this.run(async () => {
      const rows = await this.query<Omit<CheckpointRow, "room" | "snapshot"> & { room: unknown; snapshot: Checkpoint["snapshot"]; chunks: RoomLogEntry[][] }>(
        `SELECT c.*, COALESCE((SELECT json_agg(l.entries ORDER BY l.seq) FROM checkpoint_log l WHERE l.session_id = c.session_id), '[]'::json) AS chunks
           FROM checkpoints c WHERE $1::text IS NULL OR c.session_id = $1 ORDER BY c.saved_at, c.session_id`,
        [sessionId],
      );
      return rows.map((r) => checkpointFromRow(r, r.chunks));
    });
  }

  deleteCheckpoint(sessionId: string): Promise<void> {
    return this.run(async () => {
      await this.query("DELETE FROM checkpoints WHERE session_id = $1", [sessionId]);
    });
  }

  deleteIdleSince(cutoff: number): Promise<number> {
    return this.run(async () => {
      let gone = 0;
      await this.transaction(async (c) => {
        const idle = await c.query<{ id: string }>(
          `SELECT s.id FROM sessions s
             JOIN sessions m ON m.id = s.id OR m.parent_id = s.id
             LEFT JOIN rounds r ON r.session_id = m.id
            WHERE s.parent_id IS NULL
            GROUP BY s.id HAVING GREATEST(s.created_at, COALESCE(MAX(r.ended_at), 0)) < $1`,
          [cutoff],
        );
        const ids = idle.rows.map((r) => r.id);
        // Teams first: their parent link has no cascade. Rounds, players and data cascade.
        await c.query("DELETE FROM sessions WHERE parent_id = ANY($1::text[])", [ids]);
        await c.query("DELETE FROM sessions WHERE id = ANY($1::text[])", [ids]);
        gone = ids.length;
      });
      return gone;
    });
  }

  /** Refuses new operations, waits for those under way (a round being saved), then closes the pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.pending]);
      await this.pool.end();
    })();
    return this.closing;
  }
}
