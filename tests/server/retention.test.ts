// SMOLDER_RETENTION_DAYS: read strictly, and a sweep deletes what has been idle that long.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, startGameServer } from "../../tools/cluster.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { keepFor, retentionDays, sweep } from "../../server/storage/retention.js";
import { playedRound, session } from "./round-fixture.js";

const DAY = 86_400_000;
const OLD = "11111111-1111-4111-8111-111111111111";
const NEW = "22222222-2222-4222-8222-222222222222";

describe("retention", () => {
  it("reads whole days from 1 to 36500, unset means keep everything, anything else is refused with the fix", () => {
    expect(retentionDays(undefined)).toBeNull();
    expect(retentionDays(" ")).toBeNull();
    expect(retentionDays("90")).toBe(90);
    for (const bad of ["0", "-3", "1.5", "ninety", "99999"]) expect(() => retentionDays(bad)).toThrow(/SMOLDER_RETENTION_DAYS=.* whole number of days/);
  });

  it("a sweep deletes sessions not played for that many days and keeps newer ones", async () => {
    const store = new MemorySessionStore();
    const now = 400 * DAY;
    await store.saveSession(session(OLD, "a".repeat(64), now - 100 * DAY));
    await store.saveRound({ ...playedRound(OLD, 1), endedAt: now - 91 * DAY });
    await store.saveSession(session(NEW, "a".repeat(64), now - 100 * DAY));
    await store.saveRound({ ...playedRound(NEW, 1), endedAt: now - 89 * DAY });
    expect(await sweep(store, 90, now)).toBe(1);
    expect(await store.getSession(OLD)).toBeNull();
    expect(await store.getSession(NEW)).not.toBeNull();
  });

  it("the server's keeper sweeps at once and reports what it deleted", async () => {
    const store = new MemorySessionStore();
    await store.saveSession(session(OLD, "a".repeat(64), 0));
    const said: string[] = [];
    const stop = keepFor(
      store,
      30,
      (t) => said.push(t),
      () => 31 * DAY,
    );
    await expect.poll(() => said).toEqual(["retention: deleted 1 stored session not played for 30 days"]);
    stop();
  });

  it("a server that keeps sessions for N days still closes its database when it stops", async () => {
    // The keeper once replaced the shutdown callback that closes the store: SQLite's write-ahead
    // log stayed behind on every stop.
    const dir = mkdtempSync(join(tmpdir(), "smolder-retention-"));
    try {
      const server = await startGameServer({ port: await freePort(), dataDir: dir, env: { SMOLDER_RETENTION_DAYS: "30" } });
      expect(readdirSync(dir)).toContain("smolder.db-wal");
      expect(await server.stop("SIGTERM")).toBe(0);
      expect(readdirSync(dir)).toEqual(["smolder.db"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
