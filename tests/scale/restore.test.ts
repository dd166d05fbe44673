// Rounds survive their server: a host and three players in a hosted room play for a while, the
// server process is killed (kill -9, or stopped with SIGTERM as a deploy does) and started again
// on the same DATA_DIR. The room must be back under its code within seconds: each player back
// in their own seat by the code and their browser's device id, the host back with the secret, the
// round paused no more than a second of rounds time before the stop, then resumed by the host to
// its end, stored, and replaying to its hash.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, runPostgresTests, startPostgres } from "../server/postgres-server.js";
import type { Room } from "colyseus.js";
import type { HostedState } from "../../server/schema/HostedState.js";
import { replayRound, type RoundRecord } from "../../server/hosting/rounds.js";
import { stateHash } from "../../shared/index.js";
import { MSG, NOTICES } from "../../shared/protocol/index.js";
import {
  clientOf,
  createHosted,
  freePort,
  type GameServer,
  listen,
  type RedisServer,
  runScaleTests,
  sharedDataDir,
  startGameServer,
  startRedis,
  until,
} from "./harness.js";

const PLAYERS = [
  { name: "Ann", device: "device-ann-0001" },
  { name: "Bo", device: "device-bo-00002" },
  { name: "Cy", device: "device-cy-00003" },
];
/** Rounds time played before the stop (s), and the round's whole length. */
const PLAY_S = 20;
const ROUND_S = 30;

const running: GameServer[] = [];
const rooms: Room[] = [];
const data = sharedDataDir();
afterEach(async () => {
  await Promise.allSettled(rooms.splice(0).map((r) => (r.connection.isOpen ? r.leave() : undefined)));
  await Promise.allSettled(running.splice(0).map((s) => s.stop("SIGKILL")));
});

const hold = <T extends Room>(r: T): T => (rooms.push(r), r);
const stateOf = (r: Room) => r.state as HostedState;
const seatsOf = (r: Room) => [...stateOf(r).players.values()].filter((p) => !p.bot).map((p) => ({ seat: p.seat, name: p.name }));

/** Where the processes keep rounds: DATA_DIR's SQLite file, or a PostgreSQL database. */
let databaseUrl: string | null = null;
/** Set while the processes share a Redis (its codes and presence outlive a killed process). */
let redisUrl: string | null = null;

async function serve(port: number): Promise<GameServer> {
  const server = await startGameServer({
    port,
    dataDir: data.dir,
    ...(databaseUrl && { env: { DATABASE_URL: databaseUrl } }),
    ...(redisUrl && { redisUrl }),
  });
  running.push(server);
  return server;
}

describe.skipIf(!runPostgresTests)("on PostgreSQL", () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres();
    databaseUrl = await pg.createDatabase("restore");
  });
  afterAll(async () => {
    databaseUrl = null;
    await pg?.stop();
  });
  it("a round killed with SIGKILL comes back the same way", () => playStopAndRestore("SIGKILL"));
});

describe.skipIf(!runScaleTests)("on Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
    redisUrl = redis.url;
  });
  afterAll(async () => {
    redisUrl = null;
    await redis?.stop();
  });
  // The killed process leaves its code claimed in Redis and its room listed: the next process
  // sees that process is gone and takes the code over.
  it("a round killed with SIGKILL comes back the same way", () => playStopAndRestore("SIGKILL"));
});

describe.each(["SIGKILL", "SIGTERM"] as const)("a hosted round stopped with %s", (signal) => {
  it("comes back under its code, paused, everyone in their seat; the host resumes it to its stored end", () => playStopAndRestore(signal));
});

async function playStopAndRestore(signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  const port = await freePort();
  let server = await serve(port);
  // Rounds time runs four times faster than the wall clock (a trusted test server): the figures
  // below (20 s played, back within a second of rounds time) are in rounds time.
  const made = await createHosted(server.url, { tickMs: 25 });
  const client = clientOf(server.url);
  const host = hold(await client.joinById<HostedState>(made.code, { hostSecret: made.hostSecret }));
  listen(host);
  const players = [];
  for (const p of PLAYERS) players.push(hold(await client.joinById<HostedState>(made.code, p)));
  host.send(MSG.host, { command: "settings", scenario: "workshop", durationSeconds: ROUND_S, seats: 4 });
  host.send(MSG.host, { command: "start", countdownSeconds: 0 });
  await until(() => stateOf(host).stage === "playing", "the round to start", 10_000);
  const before = seatsOf(host).sort((a, b) => a.seat - b.seat);
  expect(before.map((p) => p.name).sort()).toEqual(["Ann", "Bo", "Cy"]);
  const tickRate = stateOf(host).tickRate;
  await until(() => stateOf(host).tick >= PLAY_S * tickRate, `${PLAY_S} s of play`, 30_000);

  const heard = players.map(listen);
  const lastTick = stateOf(host).tick;
  await server.stop(signal);
  if (signal === "SIGTERM") {
    // A deploy tells everyone to come back rather than that the room has closed.
    await until(() => heard.every((h) => h.closeCode !== null), "the players to be told", 5000);
    expect(heard.map((h) => h.closeCode)).toEqual([4504, 4504, 4504]);
    expect(heard[0]!.errors.map((e) => e.code)).toContain("server-restarting");
  }
  rooms.length = 0;

  server = await serve(port);
  const answered = Date.now();
  const again = clientOf(server.url);
  const back = [];
  for (const p of PLAYERS) back.push(hold(await again.joinById<HostedState>(made.code, p)));
  const console2 = hold(await again.joinById<HostedState>(made.code, { hostSecret: made.hostSecret }));
  await until(() => (stateOf(console2)?.players?.size ?? 0) >= 4, "the restored state", 5000);
  expect(Date.now() - answered).toBeLessThan(10_000);

  // Each player has the seat and the name they had, no suffix added, and is told to wait.
  expect(seatsOf(console2).sort((a, b) => a.seat - b.seat)).toEqual(before);
  for (const [i, room] of back.entries()) expect(stateOf(room).players.get(room.sessionId)?.name).toBe(PLAYERS[i]!.name);
  const st = stateOf(console2);
  expect(st.paused).toBe(true);
  expect(st.stage).toBe("playing");
  expect(st.message).toBe(NOTICES.restarted);
  expect(st.tick).toBeGreaterThanOrEqual(lastTick - tickRate);
  // Paused: the ticks stand still.
  const pausedAt = st.tick;
  await new Promise((r) => setTimeout(r, 600));
  expect(stateOf(console2).tick).toBe(pausedAt);

  console2.send(MSG.host, { command: "resume" });
  await until(() => stateOf(console2).stage === "ended", "the round to end", (ROUND_S - PLAY_S + 20) * 1000);
  expect(stateOf(console2).message).toBe("");

  // Stored, in the session the host can read, and replaying to its hash.
  let stored: RoundRecord | undefined;
  await until(
    async () => {
      const res = await fetch(`${server.url}/api/sessions/${made.sessionId}`, { headers: { authorization: `Bearer ${made.hostSecret}` } });
      stored = ((await res.json()) as { rounds: RoundRecord[] }).rounds[0];
      return stored !== undefined;
    },
    "the round to be stored",
    5000,
  );
  const rebuilt = replayRound(stored!.scenario, stored!.seed, stored!.log, stored!.ticks);
  expect(stateHash(rebuilt)).toBe(stored!.hash);
  expect(stored!.summary.players.filter((p) => !p.bot).map((p) => p.name)).toEqual(before.map((p) => p.name));
}

process.on("exit", () => data.remove());

describe("a workshop of three teams killed with SIGKILL", () => {
  it("comes back: the lobby under its code with every team, and each team's round paused in its room", async () => {
    const port = await freePort();
    let server = await serve(port);
    const res = await fetch(`${server.url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tickMs: 25 }),
    });
    const made = (await res.json()) as { code: string; hostSecret: string };
    const client = clientOf(server.url);
    const lobby = hold(await client.joinById(made.code, { hostSecret: made.hostSecret }));
    listen(lobby);
    for (let i = 0; i < 9; i++) hold(await client.joinById(made.code, { name: `Person ${i + 1}` })).onMessage("*", () => undefined);
    type Lobby = { stage: string; people: Map<string, unknown>; teams: Map<string, { name: string; code: string }> };
    const seen = (r: Room) => r.state as unknown as Lobby;
    await until(() => seen(lobby).people?.size === 9, "nine people in the lobby", 5000);
    lobby.send(MSG.host, { command: "form", size: 3 });
    await until(() => seen(lobby).teams?.size === 3, "three teams", 5000);
    lobby.send(MSG.host, { command: "open" });
    await until(() => [...seen(lobby).teams.values()].every((t) => t.code !== ""), "every team's room", 10_000);
    const teams = [...seen(lobby).teams.values()].map((t) => ({ name: t.name, code: t.code }));
    // The workshop console runs every team's round from its dashboards.
    for (const t of teams) {
      const dash = hold(await client.joinById<HostedState>(t.code, { hostSecret: made.hostSecret, console: "dashboard" }));
      listen(dash);
      dash.send(MSG.host, { command: "settings", scenario: "workshop", durationSeconds: 60, seats: 3 });
      dash.send(MSG.host, { command: "start", countdownSeconds: 0 });
      await until(() => stateOf(dash).stage === "playing" && stateOf(dash).tick > 5 * stateOf(dash).tickRate, `${t.name}'s round under way`, 15_000);
    }

    await server.stop("SIGKILL");
    rooms.length = 0;
    server = await serve(port);
    const again = clientOf(server.url);
    const console2 = hold(await again.joinById(made.code, { hostSecret: made.hostSecret }));
    await until(() => (seen(console2).teams?.size ?? 0) === 3, "the lobby's teams", 5000);
    expect(seen(console2).stage).toBe("open");
    expect([...seen(console2).teams.values()].map((t) => ({ name: t.name, code: t.code }))).toEqual(teams);
    for (const t of teams) {
      const dash = hold(await again.joinById<HostedState>(t.code, { hostSecret: made.hostSecret, console: "dashboard" }));
      await until(() => stateOf(dash)?.stage === "playing", `${t.name}'s room`, 5000);
      expect(stateOf(dash).paused).toBe(true);
      expect(stateOf(dash).team).toBe(t.name);
      expect(stateOf(dash).workshop).toBe(made.code);
    }
  });
});
