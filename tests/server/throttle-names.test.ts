// Flood control and name cleaning, as units and through a real room.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeName } from "../../server/names.js";
import { FLOOD_BURST, NAME_MAX_LENGTH } from "../../server/protocol.js";
import { TokenBucket } from "../../server/throttle.js";
import { FAST, collectErrors, createRoom, joinRoom, me, serverRoom, sleep, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

describe("TokenBucket", () => {
  it("allows the burst, then refills at the rate", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const first = Array.from({ length: 8 }, () => bucket.take());
    expect(first).toEqual([true, true, true, true, true, false, false, false]);
    now += 100; // 100 ms at 10/s: one token back
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // a long pause refills only up to the burst
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });
});

describe("flood control in a room", () => {
  it("drops messages beyond the burst with a flood error and keeps serving the client", async () => {
    const client = await createRoom(server, { ...FAST, tickMs: 5, seed: 21 });
    const room = serverRoom(server, client);
    const seat = me(client).seat;
    const errors = collectErrors(client);
    const N = 60;
    for (let i = 0; i < N; i++) client.send("intent", { kind: "move", dx: i % 2 === 0 ? 1 : -1, dy: 0 });
    const acceptedNow = () => room.inputLog.filter((e) => e.seat === seat && "intent" in e).length;
    // Every message is answered one way or the other: applied at a tick, or refused at once.
    await until(() => acceptedNow() + errors.length >= N, "every message applied or refused");
    const accepted = acceptedNow();
    const flooded = errors.filter((e) => e.code === "flood").length;
    // Everything was either applied or refused as flood.
    expect(errors.every((e) => e.code === "flood")).toBe(true);
    expect(accepted + flooded).toBe(N);
    expect(accepted).toBeGreaterThanOrEqual(FLOOD_BURST);
    // A few tokens may refill while the burst is processed, never many.
    expect(accepted).toBeLessThan(FLOOD_BURST + 10);
    // After a pause the client is served again.
    await sleep(500);
    client.send("intent", { kind: "move", dx: 0, dy: 1 });
    await until(() => room.inputLog.some((e) => e.seat === seat && "intent" in e && e.intent.kind === "move" && e.intent.dy === 1), "the later intent");
    await client.leave();
  });
});

describe("names", () => {
  const fixed = () => "Generated";

  it("trims, strips control and formatting characters, collapses spaces", () => {
    expect(sanitizeName("  Ada   Lovelace \n", fixed)).toBe("Ada Lovelace");
    expect(sanitizeName("Bo\u0000b\u0007by", fixed)).toBe("Bobby");
    expect(sanitizeName("evil\u202Egnp.exe", fixed)).toBe("evilgnp.exe");
    expect(sanitizeName("zero\u200Bwidth", fixed)).toBe("zerowidth");
  });

  it("limits the length in characters without splitting an emoji", () => {
    expect(sanitizeName("x".repeat(500), fixed)).toBe("x".repeat(NAME_MAX_LENGTH));
    const flames = "🔥".repeat(30);
    const out = sanitizeName(flames, fixed);
    expect(Array.from(out)).toHaveLength(NAME_MAX_LENGTH);
    expect(out).toBe("🔥".repeat(NAME_MAX_LENGTH));
  });

  it("gives a generated name to empty, blank, control-only or non-string names", () => {
    for (const raw of ["", "   ", "\u0000\u0001\u200B", undefined, null, 42, { name: "x" }, ["a"]]) expect(sanitizeName(raw, fixed)).toBe("Generated");
  });

  it("stars out profanity (also spelt with digits or spaces), leaves innocent words alone", () => {
    expect(sanitizeName("fuck you", fixed)).toBe("**** you");
    expect(sanitizeName("sh1t head", fixed)).toBe("**** head");
    for (const fine of ["Ada", "Scunthorpe", "Cockburn", "assassin", "Grape Escape"]) expect(sanitizeName(fine, fixed)).toBe(fine);
    // A name that is nothing but profanity becomes a generated one rather than a row of stars.
    expect(sanitizeName("fuck", fixed)).toBe("Generated");
  });

  it("generated names are readable and within the limit", () => {
    const name = sanitizeName("");
    expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);
    expect(name.length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
  });

  it("the room shows the cleaned name to everyone", async () => {
    const a = await createRoom(server, { ...FAST, countdownSeconds: 60, seed: 22, name: "  \u0000Grace\u202E  Hopper\t" });
    const b = await joinRoom(server, a.roomId, { name: "" });
    await until(() => b.state.players.size === 2 && a.state.players.size === 2, "both players in both states");
    const nameOfA = b.state.players.get(a.sessionId)!.name;
    const nameOfB = a.state.players.get(b.sessionId)!.name;
    expect(nameOfA).toBe("Grace Hopper");
    expect(nameOfB).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);
    // The rules (and so the log and the summary) hold the same cleaned names.
    expect(serverRoom(server, a).rules.players.map((p) => p.name)).toEqual([nameOfA, nameOfB]);
    await a.leave();
    await b.leave();
  });
});
