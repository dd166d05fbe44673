// Rounds in progress, as every store keeps them (memory, SQLite in a temp folder, PostgreSQL on a
// private server started here): a room writes its head and the log entries since its last write;
// a server starting on the same store lists every round in progress with its log whole.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { PostgresSessionStore } from "../../server/storage/postgres.js";
import { SqliteSessionStore } from "../../server/storage/sqlite.js";
import type { CheckpointWrite, SessionStore } from "../../server/storage/store.js";
import { type PostgresServer, runPostgresTests, startPostgres } from "./postgres-server.js";
import { playedRound, session } from "./round-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "smolder-checkpoints-"));
let files = 0;
const freshFile = () => join(dir, `c${files++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S1 = "11111111-1111-4111-8111-111111111111";
const S2 = "22222222-2222-4222-8222-222222222222";
const HOST = "a".repeat(64);
/** A real round's log, to be written in pieces as a room would. */
const LOG = playedRound(S1, 1).log;
const ROOM = { settings: { scenario: "startup", durationSeconds: 12 }, seats: [{ key: "k1", name: "Ann 🔥", device: "d1" }], hostHash: HOST };

const write = (sessionId: string, from: number, to: number, more: Partial<CheckpointWrite> = {}): CheckpointWrite => ({
  sessionId,
  code: "ABCDEF",
  round: 1,
  format: 1,
  savedAt: 1000 + to,
  tick: to * 3,
  hash: `hash-${to}`,
  room: ROOM,
  from,
  entries: LOG.slice(from, to),
  ...more,
});

function contract(make: () => Promise<SessionStore>) {
  const opened: SessionStore[] = [];
  const fresh = async () => {
    const store = await make();
    opened.push(store);
    await store.saveSession(session(S1, HOST, 1000));
    await store.saveSession(session(S2, HOST, 1000, "GHJKLM"));
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it("the log written in pieces comes back whole, with the latest head and the snapshot kept", async () => {
    expect(LOG.length).toBeGreaterThan(6);
    const store = await fresh();
    const snapshot = { tick: 9, state: { heat: [1, 2, 3], note: "a snapshot" } };
    await store.saveCheckpoint(write(S1, 0, 3, { snapshot }));
    await store.saveCheckpoint(write(S1, 3, 3)); // nothing new: the head moves on
    await store.saveCheckpoint(write(S1, 3, LOG.length));
    const [back, ...others] = await store.listCheckpoints();
    expect(others).toEqual([]);
    expect(back).toStrictEqual({
      sessionId: S1,
      code: "ABCDEF",
      round: 1,
      format: 1,
      savedAt: 1000 + LOG.length,
      tick: LOG.length * 3,
      hash: `hash-${LOG.length}`,
      room: ROOM,
      snapshot,
      log: LOG,
    });
  });

  it("a write from 0 starts afresh (a new round): the old log and snapshot go", async () => {
    const store = await fresh();
    await store.saveCheckpoint(write(S1, 0, 5, { snapshot: { tick: 1, state: {} } }));
    await store.saveCheckpoint(write(S1, 0, 2, { round: 2 }));
    const [back] = await store.listCheckpoints();
    expect(back!.round).toBe(2);
    expect(back!.log).toStrictEqual(LOG.slice(0, 2));
    expect(back!.snapshot).toBeNull();
  });

  it("a write that leaves a gap (a lost write) is refused and changes nothing", async () => {
    const store = await fresh();
    await store.saveCheckpoint(write(S1, 0, 3));
    const before = await store.listCheckpoints();
    await expect(store.saveCheckpoint(write(S1, 4, 6))).rejects.toThrow(/stored log has 3 entries, this write starts at 4; write it from 0/);
    await expect(store.saveCheckpoint(write(S2, 2, 4))).rejects.toThrow(/no log stored/);
    expect(await store.listCheckpoints()).toStrictEqual(before);
  });

  it("a checkpoint needs its session", async () => {
    const store = await fresh();
    await expect(store.saveCheckpoint(write("33333333-3333-4333-8333-333333333333", 0, 2))).rejects.toThrow(/foreign key/i);
    expect(await store.listCheckpoints()).toEqual([]);
  });

  it("lists every room's round in progress, oldest write first, or one room's; a deleted one is gone", async () => {
    const store = await fresh();
    await store.saveCheckpoint(write(S2, 0, 2, { savedAt: 10 }));
    await store.saveCheckpoint(write(S1, 0, 4, { savedAt: 20 }));
    expect((await store.listCheckpoints()).map((c) => [c.sessionId, c.log.length])).toEqual([
      [S2, 2],
      [S1, 4],
    ]);
    expect((await store.getCheckpoint(S2))?.log).toStrictEqual(LOG.slice(0, 2));
    expect(await store.getCheckpoint("33333333-3333-4333-8333-333333333333")).toBeNull();
    await store.deleteCheckpoint(S2);
    await store.deleteCheckpoint(S2); // again: nothing to do, no error
    expect(await store.getCheckpoint(S2)).toBeNull();
    expect((await store.listCheckpoints()).map((c) => c.sessionId)).toEqual([S1]);
  });

  it("a write is read when it is made: changing it afterwards changes nothing stored", async () => {
    const store = await fresh();
    const w = write(S1, 0, 3);
    const saving = store.saveCheckpoint(w);
    w.entries.length = 0;
    w.hash = "changed";
    await saving;
    const [back] = await store.listCheckpoints();
    expect([back!.hash, back!.log]).toStrictEqual(["hash-3", LOG.slice(0, 3)]);
  });

  it("retention that deletes the session deletes its checkpoint", async () => {
    const store = await fresh();
    await store.saveCheckpoint(write(S1, 0, 3));
    expect(await store.deleteIdleSince(5000)).toBe(2);
    expect(await store.listCheckpoints()).toEqual([]);
  });
}

describe("memory store", () => contract(async () => new MemorySessionStore()));
describe("SQLite store", () => {
  contract(async () => new SqliteSessionStore(freshFile()));

  it("a checkpoint outlives the process: a store opened again on the file lists it", async () => {
    const file = freshFile();
    const first = new SqliteSessionStore(file);
    await first.saveSession(session(S1, HOST, 1000));
    await first.saveCheckpoint(write(S1, 0, 4));
    // No close(): as after kill -9, the WAL holds what was committed.
    const second = new SqliteSessionStore(file);
    expect((await second.listCheckpoints())[0]!.log).toStrictEqual(LOG.slice(0, 4));
    await second.close();
    await first.close();
  });
});

describe.skipIf(!runPostgresTests)("PostgreSQL store", () => {
  let server: PostgresServer;
  let databases = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  contract(async () => PostgresSessionStore.open(await server.createDatabase(`c${databases++}`)));
});
