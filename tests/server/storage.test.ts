// The session stores: SQLite's and PostgreSQL's schemas and migrations, and one contract every
// store keeps (memory, SQLite in a temp folder, PostgreSQL on a private server started here):
// rounds come back deep-equal, a round saved again replaces the old one, listings by secret,
// a workshop's team sessions. The PostgreSQL part needs Debian's initdb (skipped without it,
// except when CI=true).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { DB_FILE, openStore } from "../../server/storage/open.js";
import { MIGRATIONS, migrate } from "../../server/storage/migrations.js";
import { MIGRATION_LOCK, migratePostgres, PG_MIGRATIONS, POOL_SIZE, PostgresSessionStore, redactUrl } from "../../server/storage/postgres.js";
import { SqliteSessionStore } from "../../server/storage/sqlite.js";
import type { SessionRecord, SessionStore } from "../../server/storage/store.js";
import { type PostgresServer, runPostgresTests, startPostgres } from "./postgres-server.js";
import { playedRound, session } from "./round-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "smolder-storage-"));
let files = 0;
const freshFile = () => join(dir, `t${files++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S1 = "11111111-1111-4111-8111-111111111111";
const S2 = "22222222-2222-4222-8222-222222222222";
const S3 = "33333333-3333-4333-8333-333333333333";
const W1 = "44444444-4444-4444-8444-444444444444";
const T1 = "55555555-5555-4555-8555-555555555555";
const T2 = "66666666-6666-4666-8666-666666666666";
const T3 = "77777777-7777-4777-8777-777777777777";
const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

const workshop = (id: string, hostHash: string, createdAt: number): SessionRecord => ({ ...session(id, hostHash, createdAt, "WKSHOP"), kind: "workshop" });
const teamOf = (parent: SessionRecord, id: string, team: string, createdAt: number, code = "CDEFGH"): SessionRecord => ({
  ...session(id, parent.hostHash, createdAt, code),
  parentId: parent.id,
  team,
});

describe("SQLite schema", () => {
  it("a fresh file is migrated to the current version, in WAL mode, with the tables a facilitator queries", async () => {
    const file = freshFile();
    await new SqliteSessionStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(["checkpoint_log", "checkpoints", "round_data", "round_players", "rounds", "sessions"]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('sessions')").pluck().all();
    expect(columns).toEqual(["id", "kind", "host_hash", "code", "created_at", "parent_id", "team"]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual(
      ["sessions_by_host", "sessions_by_parent"],
    );
    db.close();
  });

  it("re-opening an existing file keeps its data and migrates nothing again", async () => {
    const file = freshFile();
    const a = new SqliteSessionStore(file);
    await a.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1);
    await a.saveRound(r);
    await a.close();
    const b = new SqliteSessionStore(file);
    expect(await b.getSession(S1)).toEqual(session(S1, HASH_A, 1000));
    expect(await b.listRounds(S1)).toStrictEqual([r]);
    await b.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("a version-1 file is migrated to the current version and keeps its sessions and rounds", async () => {
    // A version-1 file with a session and a round, as the previous server wrote them.
    const source = freshFile();
    const old = new SqliteSessionStore(source);
    await old.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
    await old.saveRound(r);
    await old.close();
    const file = freshFile();
    const db = new Database(file);
    migrate(db, file, MIGRATIONS.slice(0, 1));
    db.prepare("ATTACH DATABASE ? AS source").run(source);
    db.exec(`INSERT INTO sessions SELECT id, kind, host_hash, code, created_at FROM source.sessions;
             INSERT INTO rounds SELECT * FROM source.rounds;
             INSERT INTO round_players SELECT * FROM source.round_players;
             INSERT INTO round_data SELECT * FROM source.round_data;
             DETACH DATABASE source;`);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM pragma_table_info('sessions')").pluck().all()).not.toContain("parent_id");
    db.close();

    const store = new SqliteSessionStore(file);
    expect(await store.getSession(S1)).toStrictEqual(session(S1, HASH_A, 1000));
    expect(await store.listRounds(S1)).toStrictEqual([r]);
    expect(await store.listSessions(HASH_A)).toStrictEqual([{ ...session(S1, HASH_A, 1000), rounds: 1, lastPlayedAt: r.endedAt, teams: 0 }]);
    expect(await store.listChildren(S1)).toEqual([]);
    // The new columns work on the migrated file.
    const w = workshop(W1, HASH_A, 2000);
    await store.saveSession(w);
    await store.saveSession(teamOf(w, T1, "Red", 2001));
    expect(await store.listChildren(W1)).toStrictEqual([teamOf(w, T1, "Red", 2001)]);
    await store.close();
    const after = new Database(file, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(after.prepare("SELECT parent_id, team FROM sessions WHERE id = ?").get(S1)).toEqual({ parent_id: null, team: null });
    after.close();
  });

  it("refuses a database written by a newer server, and leaves it alone", () => {
    const file = freshFile();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteSessionStore(file)).toThrow(/newer than this server knows/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(again.prepare("SELECT count(*) FROM sqlite_master").pluck().get()).toBe(0);
    again.close();
  });

  it("applies pending steps in order; a failing step is rolled back with its version", () => {
    const db = new Database(":memory:");
    migrate(db, "test", ["CREATE TABLE a (x)"]);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(() => migrate(db, "test", ["CREATE TABLE a (x)", "CREATE TABLE b (x); CREATE TABLE a (y)"])).toThrow(/already exists/);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    migrate(db, "test", ["CREATE TABLE a (x)", "CREATE TABLE b (x)"]);
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    db.close();
  });

  it("keeps one row per player of a round, queryable with plain SQL", async () => {
    const file = freshFile();
    const store = new SqliteSessionStore(file);
    await store.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
    await store.saveRound(r);
    await store.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT seat, name, praise, net FROM round_players WHERE session_id = ? AND round = 1 ORDER BY seat").all(S1);
    expect(rows).toEqual(r.summary.players.map((p) => ({ seat: p.seat, name: p.name, praise: p.praise, net: p.net })));
    expect(db.prepare("SELECT hash, value, collapsed FROM rounds").get()).toEqual({
      hash: r.hash,
      value: r.summary.value,
      collapsed: r.summary.collapsed ? 1 : 0,
    });
    db.close();
  });
});

describe("openStore", () => {
  it("DATA_DIR=:memory: keeps nothing on disk; a folder gets smolder.db, created if missing", async () => {
    expect(await openStore(":memory:")).toBeInstanceOf(MemorySessionStore);
    const folder = join(dir, "nested", "data");
    const store = await openStore(folder);
    expect(store).toBeInstanceOf(SqliteSessionStore);
    expect(existsSync(join(folder, DB_FILE))).toBe(true);
    await store.close();
    // An empty DATABASE_URL counts as unset.
    const again = await openStore(folder, " ");
    expect(again).toBeInstanceOf(SqliteSessionStore);
    await again.close();
  });

  it("a DATABASE_URL that is not PostgreSQL's is refused, naming the form it needs", async () => {
    await expect(openStore(":memory:", "mysql://localhost/smolder")).rejects.toThrow(/DATABASE_URL must be a PostgreSQL URL: postgres:\/\//);
  });
});

/** The contract every store keeps. `make` answers an empty store; each is closed after its test. */
function contract(make: () => Promise<SessionStore>): void {
  const opened: SessionStore[] = [];
  const fresh = async () => {
    const store = await make();
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it("rounds come back deep-equal, in round order, numbers as numbers", async () => {
    const store = await fresh();
    await store.saveSession(session(S1, HASH_A, 1000));
    const r2 = playedRound(S1, 2, { team: ["idle", "hero"] });
    const r1 = playedRound(S1, 1, { names: ['=HYPERLINK("x")', 'Ann, "the hero"', "Zoë 🔥 \\ 'x'"] });
    // Seeds reach 2^32 - 1, past a 32-bit integer.
    const r3 = playedRound(S1, 3, { seed: 0xfffffffe });
    await store.saveRound(r2);
    await store.saveRound(r3);
    await store.saveRound(r1);
    const back = await store.listRounds(S1);
    expect(back).toStrictEqual([r1, r2, r3]);
    expect(typeof back[2]!.seed).toBe("number");
    expect(typeof back[2]!.summary.players[0]!.net).toBe("number");
    expect(await store.listRounds(S2)).toEqual([]);
  });

  it("saving the same (session, round) again replaces it, players included", async () => {
    const store = await fresh();
    await store.saveSession(session(S1, HASH_A, 1000));
    await store.saveRound(playedRound(S1, 1, { team: ["hero", "hero", "hero", "hero"] }));
    const again = playedRound(S1, 1, { seed: 9, team: ["preventer"] });
    await store.saveRound(again);
    expect(await store.listRounds(S1)).toStrictEqual([again]);
  });

  it("a round is read when saveRound is called: changing the record afterwards changes nothing stored", async () => {
    const store = await fresh();
    await store.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1);
    const expected = structuredClone(r);
    const saving = store.saveRound(r);
    r.summary.players[0]!.name = "changed";
    r.log.length = 0;
    r.timeline.fires.push(99);
    await saving;
    expect(await store.listRounds(S1)).toStrictEqual([expected]);
  });

  it("retention deletes sessions idle since the cutoff, a workshop with its teams and rounds, and keeps the rest", async () => {
    const store = await fresh();
    const w = workshop(W1, HASH_A, 1000);
    await store.saveSession(session(S1, HASH_A, 1000)); // never played: idle since it was made
    await store.saveSession(session(S2, HASH_A, 1000));
    await store.saveRound({ ...playedRound(S2, 1), endedAt: 9000 });
    await store.saveSession(w);
    await store.saveSession(teamOf(w, T1, "Red", 2000));
    await store.saveRound({ ...playedRound(T1, 1), endedAt: 20_000 }); // the workshop was played late
    await store.saveSession(session(S3, HASH_A, 15_000));
    expect(await store.deleteIdleSince(10_000)).toBe(2);
    expect((await store.listSessions(HASH_A)).map((x) => x.id)).toEqual([S3, W1]);
    expect(await store.listRounds(S2)).toEqual([]);
    expect(await store.getSession(T1)).not.toBeNull();
    expect(await store.listRounds(T1)).toHaveLength(1);
    expect(await store.deleteIdleSince(10_000)).toBe(0);
    expect(await store.deleteIdleSince(30_000)).toBe(2);
    expect(await store.listSessions(HASH_A)).toEqual([]);
    expect(await store.getSession(T1)).toBeNull();
    expect(await store.listRounds(T1)).toEqual([]);
  });

  it("a round needs its session", async () => {
    const store = await fresh();
    await expect(store.saveRound(playedRound(S1, 1))).rejects.toThrow(/foreign key/i);
    expect(await store.listRounds(S1)).toEqual([]);
  });

  it("lists the sessions of one secret, newest first, with their round counts", async () => {
    const store = await fresh();
    await store.saveSession(session(S1, HASH_A, 1000));
    await store.saveSession(session(S2, HASH_B, 2000));
    await store.saveSession(session(S3, HASH_A, 3000));
    const r = playedRound(S1, 1);
    await store.saveRound(r);
    // Hosted again under a new code: the code changes, nothing else does.
    await store.saveSession({ ...session(S1, HASH_B, 9999), code: "GHJKMN" });
    expect(await store.getSession(S1)).toEqual({ ...session(S1, HASH_A, 1000), code: "GHJKMN" });
    expect(await store.getSession(S2.replace("2", "4"))).toBeNull();
    expect(await store.listSessions(HASH_A)).toEqual([
      { ...session(S3, HASH_A, 3000), rounds: 0, lastPlayedAt: null, teams: 0 },
      { ...session(S1, HASH_A, 1000), code: "GHJKMN", rounds: 1, lastPlayedAt: r.endedAt, teams: 0 },
    ]);
    expect((await store.listSessions(HASH_B)).map((s) => s.id)).toEqual([S2]);
    expect(await store.listSessions("c".repeat(64))).toEqual([]);
  });

  it("sessions created at the same moment: the last saved is listed first; teams of one name in the order saved", async () => {
    const store = await fresh();
    for (const id of [S2, S1, S3]) await store.saveSession(session(id, HASH_A, 5000));
    expect((await store.listSessions(HASH_A)).map((s) => s.id)).toEqual([S3, S1, S2]);
    const w = workshop(W1, HASH_A, 1000);
    await store.saveSession(w);
    for (const id of [T3, T1, T2]) await store.saveSession(teamOf(w, id, "Same", 2000));
    expect((await store.listChildren(W1)).map((t) => t.id)).toEqual([T3, T1, T2]);
  });

  it("a workshop's team sessions come back with parent and team, by createdAt then team name", async () => {
    const store = await fresh();
    const w = workshop(W1, HASH_A, 1000);
    await store.saveSession(w);
    await store.saveSession(teamOf(w, T1, "Zebras", 2000, "DEFGHJ"));
    await store.saveSession(teamOf(w, T2, "Otters", 3000, "EFGHJK"));
    await store.saveSession(teamOf(w, T3, "Badgers", 3000, "FGHJKM"));
    await store.saveSession(session(S1, HASH_A, 1500));
    expect(await store.getSession(W1)).toStrictEqual(w);
    expect(await store.getSession(T1)).toStrictEqual(teamOf(w, T1, "Zebras", 2000, "DEFGHJ"));
    expect(await store.listChildren(W1)).toStrictEqual([
      teamOf(w, T1, "Zebras", 2000, "DEFGHJ"),
      teamOf(w, T3, "Badgers", 3000, "FGHJKM"),
      teamOf(w, T2, "Otters", 3000, "EFGHJK"),
    ]);
    expect(await store.listChildren(S1)).toEqual([]);
    expect(await store.listChildren(T1)).toEqual([]);
    expect(await store.listChildren(S2)).toEqual([]);
  });

  it("team names sort by code point (as SQLite's BINARY), whatever the database's locale", async () => {
    const store = await fresh();
    const w = workshop(W1, HASH_A, 1000);
    await store.saveSession(w);
    const names = ["b", "B", "a", "Ä"];
    const ids = [T1, T2, T3, S3];
    for (let i = 0; i < names.length; i++) await store.saveSession(teamOf(w, ids[i]!, names[i]!, 2000));
    expect((await store.listChildren(W1)).map((t) => t.team)).toEqual(["B", "a", "b", "Ä"]);
  });

  it("listings show top-level sessions only; a workshop counts its teams and their rounds", async () => {
    const store = await fresh();
    const w = workshop(W1, HASH_A, 2000);
    await store.saveSession(session(S1, HASH_A, 1000));
    await store.saveSession(w);
    await store.saveSession(workshop(S2, HASH_A, 3000));
    await store.saveSession(teamOf(w, T1, "Red", 2100));
    await store.saveSession(teamOf(w, T2, "Blue", 2200));
    const plain = playedRound(S1, 1);
    const red = [playedRound(T1, 1), playedRound(T1, 2)];
    const blue = playedRound(T2, 3);
    for (const r of [plain, ...red, blue]) await store.saveRound(r);
    expect(await store.listSessions(HASH_A)).toStrictEqual([
      { ...workshop(S2, HASH_A, 3000), rounds: 0, lastPlayedAt: null, teams: 0 },
      { ...w, rounds: 3, lastPlayedAt: Math.max(...[...red, blue].map((r) => r.endedAt)), teams: 2 },
      { ...session(S1, HASH_A, 1000), rounds: 1, lastPlayedAt: plain.endedAt, teams: 0 },
    ]);
    // The teams' rounds stay under the teams' own ids.
    expect(await store.listRounds(W1)).toEqual([]);
    expect(await store.listRounds(T1)).toStrictEqual(red);
    expect(await store.listSessions(HASH_B)).toEqual([]);
  });

  it("a team is renamed (and hosted under a new code) through saveSession; kind, host, parent and createdAt stay", async () => {
    const store = await fresh();
    const w = workshop(W1, HASH_A, 1000);
    await store.saveSession(w);
    await store.saveSession(session(S1, HASH_A, 500));
    await store.saveSession(teamOf(w, T1, "Red", 2000));
    await store.saveSession({ id: T1, kind: "workshop", hostHash: HASH_B, code: "GHJKMN", createdAt: 9999, parentId: S1, team: "Crimson" });
    expect(await store.getSession(T1)).toStrictEqual({ ...teamOf(w, T1, "Crimson", 2000), code: "GHJKMN" });
    // Hosted again by a caller that does not know about teams: the name stays.
    await store.saveSession({ id: T1, kind: "room", hostHash: HASH_A, code: "HJKMNP", createdAt: 2000 });
    expect(await store.getSession(T1)).toStrictEqual({ ...teamOf(w, T1, "Crimson", 2000), code: "HJKMNP" });
    expect((await store.listChildren(W1)).map((t) => t.team)).toEqual(["Crimson"]);
    expect(await store.listChildren(S1)).toEqual([]);
    // A plain session saved with a name afterwards keeps no parent.
    await store.saveSession({ ...session(S1, HASH_A, 500), team: "Solo" });
    expect(await store.getSession(S1)).toStrictEqual({ ...session(S1, HASH_A, 500), team: "Solo" });
  });

  it("a team's workshop must be stored first", async () => {
    const store = await fresh();
    await expect(store.saveSession(teamOf(workshop(W1, HASH_A, 1000), T1, "Red", 2000))).rejects.toThrow(/foreign key/i);
    expect(await store.getSession(T1)).toBeNull();
  });
}

describe("memory store", () => contract(async () => new MemorySessionStore()));
describe("SQLite store", () => contract(async () => new SqliteSessionStore(freshFile())));

describe.skipIf(!runPostgresTests)("PostgreSQL", () => {
  let server: PostgresServer;
  let databases = 0;
  /** An empty database of its own for each test. */
  const freshDatabase = () => server.createDatabase(`t${databases++}`);
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("PostgreSQL store", () => contract(async () => PostgresSessionStore.open(await freshDatabase())));

  describe("PostgreSQL schema", () => {
    /** A plain connection, as psql would be: bigint comes back as text here. */
    async function connect(url: string): Promise<pg.Client> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }
    const versions = async (c: pg.Client) =>
      (await c.query<{ version: number }>("SELECT version FROM schema_version ORDER BY version")).rows.map((r) => r.version);

    it("a fresh database is migrated to the current version, with SQLite's tables and columns", async () => {
      const url = await freshDatabase();
      await (await PostgresSessionStore.open(url)).close();
      const c = await connect(url);
      expect(await versions(c)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      expect(PG_MIGRATIONS.length).toBe(MIGRATIONS.length);
      const tables = (await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).rows.map(
        (r) => r.table_name,
      );
      expect(tables).toEqual(["checkpoint_log", "checkpoints", "round_data", "round_players", "rounds", "schema_version", "sessions"]);
      const columns = async (table: string) =>
        Object.fromEntries(
          (await c.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position", [table])).rows.map(
            (r) => [r.column_name, r.data_type],
          ),
        );
      // SQLite's hidden rowid is a column here; everything else is SQLite's, translated.
      expect(await columns("sessions")).toEqual({
        id: "text",
        kind: "text",
        host_hash: "text",
        code: "text",
        created_at: "bigint",
        rowid: "bigint",
        parent_id: "text",
        team: "text",
      });
      const rounds = await columns("rounds");
      expect(Object.keys(rounds)).toEqual([
        "session_id",
        "round",
        "code",
        "scenario_id",
        "customisation",
        "scenario",
        "seed",
        "seats",
        "board",
        "ended",
        "ticks",
        "seconds",
        "hash",
        "started_at",
        "ended_at",
        "value",
        "praise",
        "collapsed",
      ]);
      expect([rounds.customisation, rounds.scenario, rounds.seed, rounds.started_at, rounds.value, rounds.collapsed]).toEqual([
        "json",
        "json",
        "bigint",
        "bigint",
        "bigint",
        "boolean",
      ]);
      const players = await columns("round_players");
      expect(Object.keys(players)).toEqual([
        "session_id",
        "round",
        "seat",
        "name",
        "bot",
        "praise",
        "direct",
        "indirect",
        "net",
        "saves",
        "heat_removed",
        "guard_built",
        "risk_cleared",
        "fires_caused",
        "effort",
      ]);
      expect(await columns("round_data")).toEqual({ session_id: "text", round: "integer", log: "json", timeline: "json" });
      const indexes = (
        await c.query("SELECT indexname FROM pg_indexes WHERE tablename = 'sessions' AND indexname LIKE 'sessions_by_%' ORDER BY indexname")
      ).rows.map((r) => r.indexname);
      expect(indexes).toEqual(["sessions_by_host", "sessions_by_parent"]);
      await c.end();
    });

    it("several processes starting at once on a fresh database migrate it exactly once", async () => {
      const url = await freshDatabase();
      // Separate pools, so separate connections racing for the advisory lock.
      const stores = await Promise.all(Array.from({ length: 6 }, () => PostgresSessionStore.open(url)));
      await stores[0]!.saveSession(session(S1, HASH_A, 1000));
      for (const s of stores) expect(await s.getSession(S1)).toStrictEqual(session(S1, HASH_A, 1000));
      await Promise.all(stores.map((s) => s.close()));
      const c = await connect(url);
      expect(await versions(c)).toEqual(PG_MIGRATIONS.map((_, v) => v + 1));
      await c.end();
    });

    it("re-opening keeps the data and migrates nothing again", async () => {
      const url = await freshDatabase();
      const a = await PostgresSessionStore.open(url);
      await a.saveSession(session(S1, HASH_A, 1000));
      const r = playedRound(S1, 1);
      await a.saveRound(r);
      await a.close();
      const c = await connect(url);
      const before = (await c.query("SELECT version, applied_at FROM schema_version ORDER BY version")).rows;
      const b = await PostgresSessionStore.open(url);
      expect(await b.getSession(S1)).toStrictEqual(session(S1, HASH_A, 1000));
      expect(await b.listRounds(S1)).toStrictEqual([r]);
      await b.close();
      expect((await c.query("SELECT version, applied_at FROM schema_version ORDER BY version")).rows).toEqual(before);
      await c.end();
    });

    it("a version-1 database is migrated to the current version and keeps its sessions and rounds", async () => {
      const url = await freshDatabase();
      // A version-1 database with a session and a round, as a version-1 server wrote them.
      const c = await connect(url);
      await migratePostgres(c, "test", PG_MIGRATIONS.slice(0, 1));
      await c.query("INSERT INTO sessions (id, kind, host_hash, code, created_at) VALUES ($1, 'room', $2, 'ABCDEF', 1000)", [S1, HASH_A]);
      const old = await PostgresSessionStore.open(url, { steps: PG_MIGRATIONS.slice(0, 1) });
      const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
      await old.saveRound(r);
      await old.close();
      expect(await versions(c)).toEqual([1]);

      const store = await PostgresSessionStore.open(url);
      expect(await store.getSession(S1)).toStrictEqual(session(S1, HASH_A, 1000));
      expect(await store.listRounds(S1)).toStrictEqual([r]);
      expect(await store.listSessions(HASH_A)).toStrictEqual([{ ...session(S1, HASH_A, 1000), rounds: 1, lastPlayedAt: r.endedAt, teams: 0 }]);
      const w = workshop(W1, HASH_A, 2000);
      await store.saveSession(w);
      await store.saveSession(teamOf(w, T1, "Red", 2001));
      expect(await store.listChildren(W1)).toStrictEqual([teamOf(w, T1, "Red", 2001)]);
      await store.close();
      expect(await versions(c)).toEqual(PG_MIGRATIONS.map((_, v) => v + 1));
      expect((await c.query("SELECT parent_id, team FROM sessions WHERE id = $1", [S1])).rows).toEqual([{ parent_id: null, team: null }]);
      await c.end();
    });

    it("refuses a database written by a newer server, and leaves it alone", async () => {
      const url = await freshDatabase();
      const c = await connect(url);
      await c.query("CREATE TABLE schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
      await c.query("INSERT INTO schema_version (version) VALUES ($1)", [PG_MIGRATIONS.length + 1]);
      await expect(PostgresSessionStore.open(url)).rejects.toThrow(
        new RegExp(`schema version ${PG_MIGRATIONS.length + 1}, newer than this server knows \\(${PG_MIGRATIONS.length}\\)`),
      );
      // An older server (knowing step 1 only) refuses a version-2 database the same way.
      const current = await freshDatabase();
      await (await PostgresSessionStore.open(current)).close();
      await expect(PostgresSessionStore.open(current, { steps: PG_MIGRATIONS.slice(0, 1) })).rejects.toThrow(/newer than this server knows/);
      const tables = (await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.table_name);
      expect(tables).toEqual(["schema_version"]);
      expect(await versions(c)).toEqual([PG_MIGRATIONS.length + 1]);
      await c.end();
    });

    it("applies pending steps in order; a failing step is rolled back with its version", async () => {
      const c = await connect(await freshDatabase());
      await migratePostgres(c, "test", ["CREATE TABLE a (x integer)"]);
      expect(await versions(c)).toEqual([1]);
      await expect(migratePostgres(c, "test", ["CREATE TABLE a (x integer)", "CREATE TABLE b (x integer); CREATE TABLE a (y integer)"])).rejects.toThrow(
        /already exists/,
      );
      expect(await versions(c)).toEqual([1]);
      expect((await c.query("SELECT to_regclass('b') AS b")).rows).toEqual([{ b: null }]);
      await migratePostgres(c, "test", ["CREATE TABLE a (x integer)", "CREATE TABLE b (x integer)"]);
      expect(await versions(c)).toEqual([1, 2]);
      // The lock is transaction-level: nothing is left held after the migration.
      expect(
        (await c.query("SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [MIGRATION_LOCK % 2 ** 32])).rows,
      ).toEqual([{ n: 0 }]);
      await c.end();
    });

    it("keeps one row per player of a round, queryable with plain SQL (JSON columns too)", async () => {
      const url = await freshDatabase();
      const store = await PostgresSessionStore.open(url);
      await store.saveSession(session(S1, HASH_A, 1000));
      const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
      await store.saveRound(r);
      await store.close();
      const c = await connect(url);
      const rows = (
        await c.query("SELECT seat, name, praise::integer, net::integer FROM round_players WHERE session_id = $1 AND round = 1 ORDER BY seat", [S1])
      ).rows;
      expect(rows).toEqual(r.summary.players.map((p) => ({ seat: p.seat, name: p.name, praise: p.praise, net: p.net })));
      expect((await c.query("SELECT hash, value::integer, collapsed, scenario->>'id' AS scenario FROM rounds")).rows).toEqual([
        { hash: r.hash, value: r.summary.value, collapsed: r.summary.collapsed, scenario: r.scenario.id },
      ]);
      await c.end();
    });

    it("close() waits for a round being saved, then refuses further work", async () => {
      const url = await freshDatabase();
      const store = await PostgresSessionStore.open(url);
      await store.saveSession(session(S1, HASH_A, 1000));
      const r = playedRound(S1, 1);
      const saving = store.saveRound(r);
      await store.close();
      await saving;
      await expect(store.listRounds(S1)).rejects.toThrow(/closed/);
      const again = await PostgresSessionStore.open(url);
      expect(await again.listRounds(S1)).toStrictEqual([r]);
      await again.close();
    });

    it(`uses at most ${POOL_SIZE} connections however many requests come at once`, async () => {
      const url = await freshDatabase();
      const store = await PostgresSessionStore.open(url);
      await store.saveSession(session(S1, HASH_A, 1000));
      await store.saveRound(playedRound(S1, 1));
      const all = await Promise.all(Array.from({ length: 30 }, () => store.listRounds(S1)));
      expect(all.every((rounds) => rounds.length === 1)).toBe(true);
      const c = await connect(url);
      const { rows } = await c.query("SELECT count(*)::integer AS n FROM pg_stat_activity WHERE application_name = 'smolder' AND datname = current_database()");
      expect(rows[0].n).toBeGreaterThan(1);
      expect(rows[0].n).toBeLessThanOrEqual(POOL_SIZE);
      await c.end();
      await store.close();
    });

    it("a database that cannot be reached stops the start with a clear message, password hidden", async () => {
      const closedPort = server.port === 1 ? 2 : 1;
      const url = `postgres://smolder:s3cret@127.0.0.1:${closedPort}/smolder`;
      const err = await PostgresSessionStore.open(url, { connectTimeoutMs: 2000 }).catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(new RegExp(`^PostgreSQL at postgres://smolder:\\*\\*\\*@127\\.0\\.0\\.1:${closedPort}/smolder: .*ECONNREFUSED`));
      expect((err as Error).message).not.toContain("s3cret");
      expect(redactUrl("postgresql://u:pw@db.example.org/smolder?sslmode=require&password=x")).toBe(
        "postgresql://u:***@db.example.org/smolder?sslmode=require&password=***",
      );
    });

    it("DATABASE_URL wins over DATA_DIR", async () => {
      const url = await freshDatabase();
      const folder = join(dir, "unused");
      const store = await openStore(folder, url);
      expect(store).toBeInstanceOf(PostgresSessionStore);
      expect(existsSync(folder)).toBe(false);
      await store.close();
    });
  });
});
