// Determinism across the wire: several clients play a whole round through real sockets;
// the room's input log, replayed through the rules alone, gives the room's final state.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { type RoundSummary, replay, roundSummary, stateHash, withRecap } from "../../shared/index.js";
import { type Client, FAST, createRoom, joinRoom, me, ready, serverRoom, sleep, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

/** A small seeded generator so the test's own choices are repeatable. */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** One plausible intent for this client, aimed at tiles near its avatar. */
function randomIntent(c: Client, pick: (n: number) => number): unknown {
  const p = c.state.players.get(c.sessionId);
  const tx = p ? Math.floor(p.x / 256) + pick(3) - 1 : 0;
  const ty = p ? Math.floor(p.y / 256) + pick(3) - 1 : 0;
  switch (pick(6)) {
    case 0:
    case 1:
      return { kind: "move", dx: pick(3) - 1, dy: pick(3) - 1 };
    case 2:
      return { kind: "sprint", on: pick(2) === 0 };
    case 3:
      return { kind: "extinguish", x: Math.max(0, tx), y: Math.max(0, ty) };
    case 4:
      return { kind: "invest", x: Math.max(0, tx), y: Math.max(0, ty) };
    default:
      return { kind: "stepBack" };
  }
}

describe("determinism across the wire", () => {
  it("replaying the room's input log gives the room's final state hash and summary", async () => {
    const options = { ...FAST, countdownSeconds: 1, tickMs: 3, seed: 51, bots: ["balanced"] };
    const first = await createRoom(server, { ...options, name: "One" });
    let clients = [first, await joinRoom(server, first.roomId, { name: "Two" }), await joinRoom(server, first.roomId, { name: "Three" })];
    const room = serverRoom(server, first);
    const summaries: RoundSummary[] = [];
    const listen = (c: Client) => c.onMessage("summary", (s: RoundSummary) => summaries.push(s));
    const errorCodes = new Set<string>();
    const listenErrors = (c: Client) => c.onMessage("error", (e: { code: string }) => errorCodes.add(e.code));
    clients.forEach(listen);
    clients.forEach(listenErrors);
    await until(() => first.state.stage === "playing", "the round to start", 3000);

    // Each client sends an intent every ~60 ms (under the flood limit) until the round ends.
    const picks = clients.map((_, i) => lcg(1000 + i));
    let dropped = false;
    while (first.state.stage !== "ended") {
      clients.forEach((c, i) => c.connection.isOpen && c.send("intent", randomIntent(c, picks[i]!)));
      // Early on (well before any collapse), the second player drops and comes back.
      if (!dropped && first.state.tick > 100) {
        dropped = true;
        const token = clients[1]!.reconnectionToken;
        clients[1]!.leave(false);
        await sleep(50);
        const back = await ready(await server.sdk.reconnect<SmolderState>(token));
        listen(back);
        listenErrors(back);
        clients = [clients[0]!, back, clients[2]!];
      }
      await sleep(60);
    }
    await until(() => summaries.length === clients.length, "a summary for every client", 3000);

    const log = room.inputLog;
    const game = room.rules;
    expect(game.ended).not.toBe("");
    // The round really was played by everyone, through the wire.
    for (const seat of [0, 1, 2]) expect(log.filter((e) => e.seat === seat && "intent" in e).length).toBeGreaterThan(5);
    expect(log.filter((e) => e.seat === 3 && "intent" in e).length).toBeGreaterThan(0); // the bot
    expect(log.some((e) => e.seat === 1 && "leave" in e)).toBe(true);
    expect(log.some((e) => e.seat === 1 && "rejoin" in e)).toBe(true);
    expect(errorCodes.size).toBeGreaterThan(0); // some random intents were refused by the rules

    const rebuilt = replay(game.scenario, room.seed, log);
    expect(stateHash(rebuilt)).toBe(room.hash());
    expect(rebuilt.tick).toBe(game.tick);
    expect(summaries[0]).toEqual(withRecap(roundSummary(rebuilt), rebuilt));
    expect(summaries.every((s) => JSON.stringify(s) === JSON.stringify(summaries[0]))).toBe(true);
    // The clients' last decoded state agrees with the rules on the final numbers.
    expect(first.state.value).toBe(rebuilt.value);
    expect(me(first).praise).toBe(rebuilt.players[0]!.praise);
    for (const c of clients) await c.leave();
  }, 30_000);
});
