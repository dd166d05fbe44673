// Hidden risk reaches clients only while a step back has revealed it. Checked on what a
// client actually decodes from the wire, and on every message it receives.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playerView, replay } from "../../shared/index.js";
import { FAST, createRoom, joinRoom, nextPatch, serverRoom, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

/** Every key anywhere in a decoded state, with the array lengths of array fields. */
function arrays(json: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) if (Array.isArray(v)) out[k] = v.length;
  return out;
}

describe("hidden risk", () => {
  it("is absent before a reveal, exact during it, and gone after it", async () => {
    const hero = await createRoom(server, { ...FAST, tickMs: 3, seed: 31 });
    const watcher = await joinRoom(server, hero.roomId);
    const room = serverRoom(server, hero);
    const messages: unknown[] = [];
    watcher.onMessage("*", (type, m) => messages.push([type, m]));
    const tiles = room.rules.scenario.grid.width * room.rules.scenario.grid.height;

    // Before: the server holds plenty of risk, the clients see none of it.
    await until(() => watcher.state.tick > 20, "some ticks");
    await nextPatch(watcher);
    expect(room.rules.tiles.risk.some((r) => r > 0)).toBe(true);
    const before = arrays(watcher.state.toJSON());
    expect(before).toMatchObject({ heat: tiles, guard: tiles, dust: tiles, risk: 0, embers: 0, leverage: 0 });
    expect(watcher.state.revealUntil).toBe(0);

    // A step back reveals it to the whole team, the watcher included.
    hero.send("intent", { kind: "stepBack" });
    await until(() => watcher.state.risk.length > 0, "the reveal");
    // Read one consistent patch: the tick and the risk it carried.
    const tick = watcher.state.tick;
    const seen = Array.from(watcher.state.risk);
    expect(watcher.state.revealUntil).toBeGreaterThan(tick);
    expect(watcher.state.leverage.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(tiles);
    // Exactly the rules' risk at that tick, rebuilt independently from the room's input log.
    const rebuilt = replay(room.rules.scenario, room.seed, room.inputLog, tick);
    expect(rebuilt.tick).toBe(tick);
    expect(seen).toEqual(rebuilt.tiles.risk);
    const view = playerView(rebuilt, 0);
    expect(Array.from(watcher.state.embers)).toEqual((view.embers ?? []).flatMap((e) => [e.tile, e.seat]));
    expect(Array.from(watcher.state.leverage)).toEqual(view.leverage);

    // After the reveal runs out, the risk is withdrawn again.
    const until_ = watcher.state.revealUntil;
    await until(() => watcher.state.risk.length === 0, "the reveal to end", 8000);
    expect(watcher.state.tick).toBeGreaterThanOrEqual(until_);
    expect(watcher.state.revealUntil).toBe(0);
    expect(watcher.state.leverage.length).toBe(0);
    expect(watcher.state.embers.length).toBe(0);

    // No message ever carried risk either (none is expected at all during play).
    expect(JSON.stringify(messages)).not.toMatch(/risk/i);
    await hero.leave();
    await watcher.leave();
  });

  it("a client joining while nothing is revealed decodes no risk in its first full state", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 3, seed: 32 });
    await until(() => a.state.tick > 10, "some ticks");
    const b = await joinRoom(server, a.roomId);
    expect(b.state.risk.length).toBe(0);
    expect(b.state.heat.length).toBeGreaterThan(0);
    await a.leave();
    await b.leave();
  });
});
