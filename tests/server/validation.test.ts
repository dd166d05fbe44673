// Bad input gets a clear error, changes nothing, and the room keeps ticking.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST, collectErrors, serverRoom, sleep, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

const BAD: [string, unknown][] = [
  ["wrong type", { kind: "move", dx: "1", dy: 0 }],
  ["missing field", { kind: "move", dx: 1 }],
  ["NaN", { kind: "move", dx: Number.NaN, dy: 0 }],
  ["Infinity", { kind: "extinguish", x: Number.POSITIVE_INFINITY, y: 3 }],
  ["negative coordinate", { kind: "invest", x: -1, y: 3 }],
  ["non-integer coordinate", { kind: "invest", x: 1.5, y: 3 }],
  ["coordinate beyond any map", { kind: "extinguish", x: 100000, y: 3 }],
  ["out-of-range step", { kind: "move", dx: 2, dy: 0 }],
  ["unknown kind", { kind: "teleport", x: 1, y: 1 }],
  ["extra field", { kind: "stepBack", now: true }],
  ["not an object", 42],
  ["null", null],
  ["no payload", undefined],
];

describe("message validation", () => {
  it.each(BAD)("%s → bad-intent error, no state change", async (_label, payload) => {
    // A long countdown: nothing ticks, so the rules' hash must stay exactly the same.
    const client = await server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60, seed: 7 });
    const room = serverRoom(server, client);
    const errors = collectErrors(client);
    const before = room.hash();
    const logBefore = room.inputLog.length;
    client.send("intent", payload);
    await until(() => errors.length > 0, "an error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("bad-intent");
    expect(errors[0]!.message.length).toBeGreaterThan(0);
    expect(room.hash()).toBe(before);
    expect(room.inputLog.length).toBe(logBefore);
    await client.leave();
  });

  it("oversized payload → too-large, no state change", async () => {
    const client = await server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60, seed: 8 });
    const room = serverRoom(server, client);
    const errors = collectErrors(client);
    const before = room.hash();
    client.send("intent", { kind: "stepBack", pad: "x".repeat(1000) });
    await until(() => errors.length > 0, "an error");
    expect(errors.map((e) => e.code)).toEqual(["too-large"]);
    expect(room.hash()).toBe(before);
    await client.leave();
  });

  it("unknown message type → unknown-message error", async () => {
    const client = await server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60, seed: 9 });
    const room = serverRoom(server, client);
    const errors = collectErrors(client);
    const before = room.hash();
    client.send("giveMePraise", { amount: 1000 });
    client.send(7, "numeric type");
    await until(() => errors.length >= 2, "two errors");
    expect(errors.map((e) => e.code)).toEqual(["unknown-message", "unknown-message"]);
    expect(room.hash()).toBe(before);
    await client.leave();
  });

  it("an intent before the round starts → not-started", async () => {
    const client = await server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60, seed: 10 });
    const errors = collectErrors(client);
    client.send("intent", { kind: "stepBack" });
    await until(() => errors.length > 0, "an error");
    expect(errors.map((e) => e.code)).toEqual(["not-started"]);
    await client.leave();
  });

  it("during play, bad input is refused and never logged while the room keeps ticking", async () => {
    const client = await server.sdk.create("smolder", { ...FAST, tickMs: 5, seed: 11 });
    const room = serverRoom(server, client);
    const errors = collectErrors(client);
    const seat = room.rules.players.findIndex((p) => p.bot === null);
    for (const [, payload] of BAD) client.send("intent", payload);
    client.send("intent", { kind: "move", dx: 1, dy: 0 }); // one good intent, for contrast
    await until(() => errors.length >= BAD.length, "all errors");
    const tickAtErrors = room.rules.tick;
    await until(() => room.inputLog.some((e) => e.seat === seat && "intent" in e), "the good intent to be logged");
    await until(() => room.rules.tick > tickAtErrors + 5, "more ticks");
    expect(errors.every((e) => e.code === "bad-intent")).toBe(true);
    const mine = room.inputLog.filter((e) => e.seat === seat && "intent" in e);
    expect(mine).toEqual([{ tick: expect.any(Number), seat, intent: { kind: "move", dx: 1, dy: 0 } }]);
    await client.leave();
  });

  it("a rules rejection reaches the client with the rules' code and reason", async () => {
    const client = await server.sdk.create("smolder", { ...FAST, tickMs: 5, seed: 12 });
    const room = serverRoom(server, client);
    const errors = collectErrors(client);
    const { width } = room.rules.scenario.grid;
    client.send("intent", { kind: "extinguish", x: width + 3, y: 0 });
    // The corner of the grid is outside the first phase's active square.
    client.send("intent", { kind: "invest", x: 0, y: 0 });
    await until(() => errors.length >= 2, "two errors");
    expect(errors[0]).toEqual({ code: "out-of-map", message: expect.stringContaining(`${width + 3},0`) });
    expect(errors[1]).toEqual({ code: "not-active", message: expect.stringContaining("0,0") });
    await client.leave();
    await sleep(10);
  });
});
