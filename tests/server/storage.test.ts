// The session stores: SQLite's schema and migrations, and the contract both stores keep
// (rounds come back deep-equal, a round saved again replaces the old one, listings by secret).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { DB_FILE, openStore } from "../../server/storage/open.js";
import { MIGRATIONS, migrate } from "../../server/storage/migrations.js";
import { SqliteSessionStore } from "../../server/storage/sqlite.js";
import type { SessionStore } from "../../server/storage/store.js";
import { playedRound, session } from "./round-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "smolder-storage-"));
let files = 0;
const freshFile = () => join(dir, `t${files++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S1 = "11111111-1111-4111-8111-111111111111";
const S2 = "22222222-2222-4222-8222-222222222222";
const S3 = "33333333-3333-4333-8333-333333333333";
const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

describe("SQLite schema", () => {
  it("a fresh file is migrated to the current version, in WAL mode, with the tables a facilitator queries", () => {
    const file = freshFile();
    new SqliteSessionStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(["round_data", "round_players", "rounds", "sessions"]);
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
      { ...session(S3, HASH_A, 3000), rounds: 0, lastPlayedAt: null },
      { ...session(S1, HASH_A, 1000), code: "GHJKMN", rounds: 1, lastPlayedAt: r.endedAt },
    ]);
    expect(store.listSessions(HASH_B).map((s) => s.id)).toEqual([S2]);
    expect(store.listSessions("c".repeat(64))).toEqual([]);
    store.close();
  });
});
