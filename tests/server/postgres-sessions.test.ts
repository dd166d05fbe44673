// Stored sessions on PostgreSQL end to end: a server on a PostgresSessionStore plays a hosted
// round to the end; it is shut down, and a new server on the same database (opened from
// DATABASE_URL, as `npm start` would) returns the round through GET /api/sessions/:id, whole and
// with the same hash, and carries the session on when it is hosted again. Needs Debian's initdb
// (skipped without it, except when CI=true).
import { request as httpRequest } from "node:http";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import type { CreatedRoom } from "../../server/hosting/api.js";
import { hosting } from "../../server/hosting/registry.js";
import { type RoundRecord, replayRound } from "../../server/hosting/rounds.js";
import { PostgresSessionStore } from "../../server/storage/postgres.js";
import { type RoundSummary, stateHash } from "../../shared/index.js";
import { until } from "./helpers.js";
import { command, createHosted, hostedRoom, joinHost, joinPlayer } from "./hosted-helpers.js";
import { type PostgresServer, runPostgresTests, startPostgres } from "./postgres-server.js";
import { freePort } from "../../tools/cluster.js";

let PORT = 0;

/** One request on its own connection: a pooled keep-alive socket would outlive the server restart. */
function request(method: string, path: string, secret: string, body?: unknown): Promise<{ status: number; json(): unknown }> {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${secret}` };
    const req = httpRequest(`http://127.0.0.1:${PORT}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown }));
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe.skipIf(!runPostgresTests)("stored sessions on PostgreSQL", () => {
  let db: PostgresServer;
  let url: string;
  let server: ColyseusTestServer | null = null;
  let store: PostgresSessionStore | null = null;

  beforeAll(async () => {
    PORT = await freePort();
    db = await startPostgres();
    url = await db.createDatabase("smolder");
  });
  afterAll(async () => {
    await server?.shutdown();
    await store?.close();
    vi.unstubAllEnvs();
    await db?.stop();
  });

  it("a round played to the end survives a restart on the same database, with the same hash", async () => {
    store = await PostgresSessionStore.open(url);
    server = await boot(createAppConfig({ trustRoomSettings: true, store }), PORT);
    const created: CreatedRoom = await createHosted(PORT);
    const host = await joinHost(server, created);
    const player = await joinPlayer(server, created.code, "Ann");
    const summaries: RoundSummary[] = [];
    player.onMessage("summary", (s: RoundSummary) => {
      // The message adds a recap for the results screen; the stored round keeps the plain summary.
      const { recap: _recap, ...plain } = s as RoundSummary & { recap?: unknown };
      summaries.push(plain);
    });
    // A seed past 2^31, so a bigint column has to come back as a number.
    await command(host, { command: "settings", scenario: "startup", durationSeconds: 10, seats: 3, bots: ["hero", "preventer"], seed: 4_000_000_001 });
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => player.state.stage === "ended" && summaries.length === 1, "the round played out", 20_000);
    // What the room kept in memory for its own debrief, as JSON carries it.
    const kept = hostedRoom(server, created.code).rounds;
    expect(kept).toHaveLength(1);
    const played = JSON.parse(JSON.stringify(kept[0])) as RoundRecord;
    for (const c of [player, host]) await c.leave();
    await server.shutdown();
    server = null;
    // The store passed in is the caller's to close; close() waits for the save under way.
    await store.close();
    store = null;

    // A new server opens the same database itself, from DATABASE_URL (DATA_DIR is :memory: in tests).
    vi.stubEnv("DATABASE_URL", url);
    server = await boot(createAppConfig({ trustRoomSettings: true, limits: { createBurst: 1000 } }), PORT);
    expect(hosting.store).toBeInstanceOf(PostgresSessionStore);
    const res = await request("GET", `/api/sessions/${created.sessionId}`, created.hostSecret);
    expect(res.status).toBe(200);
    const { session, rounds } = res.json() as { session: { id: string; code: string }; rounds: RoundRecord[] };
    expect(session).toMatchObject({ id: created.sessionId, code: created.code });
    expect(rounds).toStrictEqual([played]);
    const [round] = rounds;
    expect(round!.hash).toBe(kept[0]!.hash);
    expect(round!.seed).toBe(4_000_000_001);
    expect(round!.summary).toEqual(summaries[0]);
    expect(stateHash(replayRound(round!.scenario, round!.seed, round!.log, round!.ticks))).toBe(round!.hash);

    // Hosted again: the new room reads its rounds from PostgreSQL and carries on at round 2.
    const again = await request("POST", "/api/rooms", created.hostSecret, { sessionId: created.sessionId, tickMs: 2 });
    expect(again.status).toBe(201);
    const next = again.json() as CreatedRoom;
    const console2 = await joinHost(server, next);
    await until(() => console2.state.round === 2, "round 2 next");
    await console2.leave();
  }, 30_000);
});
