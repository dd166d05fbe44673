// A dropped player comes back to the same seat with praise, energy and position intact;
// while away the avatar stands still and everyone sees the seat as away.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { FAST, createRoom, joinRoom, me, ready, serverRoom, sleep, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

describe("reconnection", () => {
  it("keeps seat, praise, energy and position; the avatar idles while away", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 4, seed: 41, name: "Ada" });
    const watcher = await joinRoom(server, a.roomId, { name: "Watcher" });
    const room = serverRoom(server, a);
    const seat = me(a).seat;

    // Walk and sprint so position and energy differ from the start, and keep walking.
    a.send("intent", { kind: "sprint", on: true });
    a.send("intent", { kind: "move", dx: 1, dy: 1 });
    const maxEnergy = room.rules.scenario.player.energy;
    await until(() => room.rules.players[seat]!.energy < maxEnergy - 100, "energy spent");
    const token = a.reconnectionToken;
    const sessionId = a.sessionId;
    const seats = room.rules.players.length;

    // Drop the connection without a consented leave.
    a.leave(false);
    await until(() => watcher.state.players.get(sessionId)?.status === "away", "away status");
    const held = { ...room.rules.players[seat]! };
    const tickAway = room.rules.tick;
    await until(() => room.rules.tick > tickAway + 30, "ticks while away");
    // Idle while away: the rules froze the seat.
    const still = room.rules.players[seat]!;
    expect([still.x, still.y, still.energy, still.praise, still.dirX, still.dirY]).toEqual([held.x, held.y, held.energy, held.praise, 0, 0]);
    expect(room.inputLog.some((e) => e.seat === seat && "leave" in e)).toBe(true);

    const back = await ready(await server.sdk.reconnect<SmolderState>(token));
    expect(back.sessionId).toBe(sessionId);
    await until(() => me(back).status === "playing", "playing again");
    const mine = me(back);
    expect(mine.seat).toBe(seat);
    expect(mine.name).toBe("Ada");
    const tickNow = back.state.tick; // same patch as `mine`
    expect([mine.x, mine.y, mine.praise]).toEqual([held.x, held.y, held.praise]);
    // Energy is what it was, plus only the regeneration of the ticks since the rejoin.
    const rejoin = room.inputLog.find((e) => e.seat === seat && "rejoin" in e);
    expect(rejoin).toBeDefined();
    expect(rejoin!.tick).toBeGreaterThan(tickAway + 30);
    expect(mine.energy).toBe(Math.min(maxEnergy, held.energy + (tickNow - rejoin!.tick) * room.rules.scenario.player.regen));
    expect(mine.energy).toBeLessThan(maxEnergy); // not reset to a fresh seat's energy
    expect(room.rules.players.length).toBe(seats); // no new seat was made

    // The rejoined player is in play again.
    back.send("intent", { kind: "move", dx: -1, dy: 0 });
    await until(() => me(back).x < held.x, "moving again");
    await back.leave();
    await watcher.leave();
  });

  it("a consented leave frees the seat for good: status left, no reconnection", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 4, seed: 42 });
    const watcher = await joinRoom(server, a.roomId);
    const token = a.reconnectionToken;
    const sessionId = a.sessionId;
    await a.leave(true);
    await until(() => watcher.state.players.get(sessionId)?.status === "left", "left status");
    await expect(server.sdk.reconnect(token)).rejects.toThrow();
    await sleep(10);
    await watcher.leave();
  });

  it("a seat not reclaimed in time is left for good; its record stays", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 4, seed: 43, reconnectSeconds: 0.3, name: "Gone" });
    const watcher = await joinRoom(server, a.roomId);
    const room = serverRoom(server, a);
    const seat = me(a).seat;
    const token = a.reconnectionToken;
    const sessionId = a.sessionId;
    a.leave(false);
    await until(() => watcher.state.players.get(sessionId)?.status === "away", "away status");
    await until(() => watcher.state.players.get(sessionId)?.status === "left", "left status", 3000);
    await expect(server.sdk.reconnect(token)).rejects.toThrow();
    expect(room.rules.players[seat]!.present).toBe(false);
    expect(room.rules.players[seat]!.name).toBe("Gone");
    expect(room.inputLog.some((e) => e.seat === seat && "rejoin" in e)).toBe(false);
    await watcher.leave();
  });
});
