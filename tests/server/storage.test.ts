// The session stores: SQLite's schema and migrations, and the contract both stores keep
// (rounds come back deep-equal, a round saved again replaces the old one, listings by secret,
// a workshop's team sessions).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { DB_FILE, openStore } from "../../server/storage/open.js";
import { MIGRATIONS, migrate } from "../../server/storage/migrations.js";
import { SqliteSessionStore } from "../../server/storage/sqlite.js";
import type { SessionRecord, SessionStore } from "../../server/storage/store.js";
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
  it("a fresh file is migrated to the current version, in WAL mode, with the tables a facilitator queries", () => {
    const file = freshFile();
    new SqliteSessionStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(["round_data", "round_players", "rounds", "sessions"]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('sessions')").pluck().all();
    expect(columns).toEqual(["id", "kind", "host_hash", "code", "created_at", "parent_id", "team"]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual([
      "sessions_by_host",
      "sessions_by_parent",
    ]);
    db.close();
  });

  it("re-opening an existing file keeps its data and migrates nothing again", () => {
    const file = freshFile();
    const a = new SqliteSessionStore(file);
    a.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1);
    a.saveRound(r);
    a.close();
    const b = new SqliteSessionStore(file);
    expect(b.getSession(S1)).toEqual(session(S1, HASH_A, 1000));
    expect(b.listRounds(S1)).toStrictEqual([r]);
    b.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("a version-1 file is migrated to version 2 and keeps its sessions and rounds", () => {
    // A version-1 file with a session and a round, as the previous server wrote them.
    const source = freshFile();
    const old = new SqliteSessionStore(source);
    old.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
    old.saveRound(r);
    old.close();
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
    expect(store.getSession(S1)).toStrictEqual(session(S1, HASH_A, 1000));
    expect(store.listRounds(S1)).toStrictEqual([r]);
    expect(store.listSessions(HASH_A)).toStrictEqual([{ ...session(S1, HASH_A, 1000), rounds: 1, lastPlayedAt: r.endedAt, teams: 0 }]);
    expect(store.listChildren(S1)).toEqual([]);
    // The new columns work on the migrated file.
    const w = workshop(W1, HASH_A, 2000);
    store.saveSession(w);
    store.saveSession(teamOf(w, T1, "Red", 2001));
    expect(store.listChildren(W1)).toStrictEqual([teamOf(w, T1, "Red", 2001)]);
    store.close();
    const after = new Database(file, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(2);
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

  it("keeps one row per player of a round, queryable with plain SQL", () => {
    const file = freshFile();
    const store = new SqliteSessionStore(file);
    store.saveSession(session(S1, HASH_A, 1000));
    const r = playedRound(S1, 1, { names: ["Ann", "Bo", "Cy"] });
    store.saveRound(r);
    store.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT seat, name, praise, net FROM round_players WHERE session_id = ? AND round = 1 ORDER BY seat").all(S1);
    expect(rows).toEqual(r.summary.players.map((p) => ({ seat: p.seat, name: p.name, praise: p.praise, net: p.net })));
    expect(db.prepare("SELECT hash, value, collapsed FROM rounds").get()).toEqual({ hash: r.hash, value: r.summary.value, collapsed: r.summary.collapsed ? 1 : 0 });
    db.close();
  });

  it("a round needs its session (foreign keys are on)", () => {
    const store = new SqliteSessionStore(":memory:");
    expect(() => store.saveRound(playedRound(S1, 1))).toThrow(/FOREIGN KEY/);
    store.close();
  });
});

describe("openStore", () => {
  it("DATA_DIR=:memory: keeps nothing on disk; a folder gets smolder.db, created if missing", () => {
    expect(openStore(":memory:")).toBeInstanceOf(MemorySessionStore);
    const folder = join(dir, "nested", "data");
    const store = openStore(folder);
    expect(store).toBeInstanceOf(SqliteSessionStore);
    expect(existsSync(join(folder, DB_FILE))).toBe(true);
    store.close();
  });
});

describe.each([
  ["SQLite", () => new SqliteSessionStore(freshFile())],
  ["memory", () => new MemorySessionStore()],
] as const)("%s store", (_name, make: () => SessionStore) => {
  it("rounds come back deep-equal, in round order", () => {
    const store = make();
    store.saveSession(session(S1, HASH_A, 1000));
    const r2 = playedRound(S1, 2, { team: ["idle", "hero"] });
    const r1 = playedRound(S1, 1, { names: ['=HYPERLINK("x")', 'Ann, "the hero"'] });
    store.saveRound(r2);
    store.saveRound(r1);
    expect(store.listRounds(S1)).toStrictEqual([r1, r2]);
    expect(store.listRounds(S2)).toEqual([]);
    store.close();
  });

  it("saving the same (session, round) again replaces it, players included", () => {
    const store = make();
    store.saveSession(session(S1, HASH_A, 1000));
    store.saveRound(playedRound(S1, 1, { team: ["hero", "hero", "hero", "hero"] }));
    const again = playedRound(S1, 1, { seed: 9, team: ["preventer"] });
    store.saveRound(again);
    expect(store.listRounds(S1)).toStrictEqual([again]);
    store.close();
  });

  it("lists the sessions of one secret, newest first, with their round counts", () => {
    const store = make();
    store.saveSession(session(S1, HASH_A, 1000));
    store.saveSession(session(S2, HASH_B, 2000));
    store.saveSession(session(S3, HASH_A, 3000));
    const r = playedRound(S1, 1);
    store.saveRound(r);
    // Hosted again under a new code: the code changes, nothing else does.
    store.saveSession({ ...session(S1, HASH_B, 9999), code: "GHJKMN" });
    expect(store.getSession(S1)).toEqual({ ...session(S1, HASH_A, 1000), code: "GHJKMN" });
    expect(store.getSession(S2.replace("2", "4"))).toBeNull();
    expect(store.listSessions(HASH_A)).toEqual([
      { ...session(S3, HASH_A, 3000), rounds: 0, lastPlayedAt: null, teams: 0 },
      { ...session(S1, HASH_A, 1000), code: "GHJKMN", rounds: 1, lastPlayedAt: r.endedAt, teams: 0 },
    ]);
    expect(store.listSessions(HASH_B).map((s) => s.id)).toEqual([S2]);
    expect(store.listSessions("c".repeat(64))).toEqual([]);
    store.close();
  });

  it("a workshop's team sessions come back with parent and team, by createdAt then team name", () => {
    const store = make();
    const w = workshop(W1, HASH_A, 1000);
    store.saveSession(w);
    store.saveSession(teamOf(w, T1, "Zebras", 2000, "DEFGHJ"));
    store.saveSession(teamOf(w, T2, "Otters", 3000, "EFGHJK"));
    store.saveSession(teamOf(w, T3, "Badgers", 3000, "FGHJKM"));
    store.saveSession(session(S1, HASH_A, 1500));
    expect(store.getSession(W1)).toStrictEqual(w);
    expect(store.getSession(T1)).toStrictEqual(teamOf(w, T1, "Zebras", 2000, "DEFGHJ"));
    expect(store.listChildren(W1)).toStrictEqual([teamOf(w, T1, "Zebras", 2000, "DEFGHJ"), teamOf(w, T3, "Badgers", 3000, "FGHJKM"), teamOf(w, T2, "Otters", 3000, "EFGHJK")]);
    expect(store.listChildren(S1)).toEqual([]);
    expect(store.listChildren(T1)).toEqual([]);
    expect(store.listChildren(S2)).toEqual([]);
    store.close();
  });

  it("listings show top-level sessions only; a workshop counts its teams and their rounds", () => {
    const store = make();
    const w = workshop(W1, HASH_A, 2000);
    store.saveSession(session(S1, HASH_A, 1000));
    store.saveSession(w);
    store.saveSession(workshop(S2, HASH_A, 3000));
    store.saveSession(teamOf(w, T1, "Red", 2100));
    store.saveSession(teamOf(w, T2, "Blue", 2200));
    const plain = playedRound(S1, 1);
    const red = [playedRound(T1, 1), playedRound(T1, 2)];
    const blue = playedRound(T2, 3);
    for (const r of [plain, ...red, blue]) store.saveRound(r);
    expect(store.listSessions(HASH_A)).toStrictEqual([
      { ...workshop(S2, HASH_A, 3000), rounds: 0, lastPlayedAt: null, teams: 0 },
      { ...w, rounds: 3, lastPlayedAt: Math.max(...[...red, blue].map((r) => r.endedAt)), teams: 2 },
      { ...session(S1, HASH_A, 1000), rounds: 1, lastPlayedAt: plain.endedAt, teams: 0 },
    ]);
    // The teams' rounds stay under the teams' own ids.
    expect(store.listRounds(W1)).toEqual([]);
    expect(store.listRounds(T1)).toStrictEqual(red);
    expect(store.listSessions(HASH_B)).toEqual([]);
    store.close();
  });

  it("a team is renamed (and hosted under a new code) through saveSession; kind, host, parent and createdAt stay", () => {
    const store = make();
    const w = workshop(W1, HASH_A, 1000);
    store.saveSession(w);
    store.saveSession(session(S1, HASH_A, 500));
    store.saveSession(teamOf(w, T1, "Red", 2000));
    store.saveSession({ id: T1, kind: "workshop", hostHash: HASH_B, code: "GHJKMN", createdAt: 9999, parentId: S1, team: "Crimson" });
    expect(store.getSession(T1)).toStrictEqual({ ...teamOf(w, T1, "Crimson", 2000), code: "GHJKMN" });
    // Hosted again by a caller that does not know about teams: the name stays.
    store.saveSession({ id: T1, kind: "room", hostHash: HASH_A, code: "HJKMNP", createdAt: 2000 });
    expect(store.getSession(T1)).toStrictEqual({ ...teamOf(w, T1, "Crimson", 2000), code: "HJKMNP" });
    expect(store.listChildren(W1).map((t) => t.team)).toEqual(["Crimson"]);
    expect(store.listChildren(S1)).toEqual([]);
    // A plain session saved with a name afterwards keeps no parent.
    store.saveSession({ ...session(S1, HASH_A, 500), team: "Solo" });
    expect(store.getSession(S1)).toStrictEqual({ ...session(S1, HASH_A, 500), team: "Solo" });
    store.close();
  });

  it("a team's workshop must be stored first", () => {
    const store = make();
    expect(() => store.saveSession(teamOf(workshop(W1, HASH_A, 1000), T1, "Red", 2000))).toThrow(/FOREIGN KEY/);
    expect(store.getSession(T1)).toBeNull();
    store.close();
  });
});
