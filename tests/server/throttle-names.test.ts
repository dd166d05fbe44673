// Flood control and name cleaning, as units and through a real room.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeName } from "../../server/names.js";
import { FLOOD_BURST, FLOOD_DISCONNECT_SECONDS, FLOOD_RATE_PER_SECOND, FLOODED_CLOSE_CODE, NAME_MAX_LENGTH } from "../../shared/protocol/index.js";
import { FloodGuard, TokenBucket } from "../../server/throttle.js";
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

describe("FloodGuard", () => {
  /** Sends `perSecond` messages a second for `seconds` on a fake clock; returns the verdicts. */
  function drive(perSecond: number, seconds: number): string[] {
    let now = 0;
    const guard = new FloodGuard(() => now);
    const verdicts: string[] = [];
    for (let i = 0; i < perSecond * seconds; i++) {
      now = (i * 1000) / perSecond;
      verdicts.push(guard.check());
    }
    return verdicts;
  }

  it("answers dropped messages at most once a second", () => {
    const v = drive(1000, 4);
    expect(v.filter((x) => x === "tell").length).toBeLessThanOrEqual(4);
    expect(v.filter((x) => x === "drop").length).toBeGreaterThan(3000);
    expect(v).not.toContain("disconnect");
  });

  it(`disconnects a client over its rate for ${FLOOD_DISCONNECT_SECONDS} s, once, even at only twice the rate`, () => {
    const v = drive(FLOOD_RATE_PER_SECOND * 2, FLOOD_DISCONNECT_SECONDS + 3);
    expect(v.filter((x) => x === "disconnect")).toHaveLength(1);
    // The burst is spent first, then the spell over the rate starts.
    const at = v.indexOf("disconnect") / (FLOOD_RATE_PER_SECOND * 2);
    expect(at).toBeGreaterThanOrEqual(FLOOD_DISCONNECT_SECONDS);
    expect(at).toBeLessThan(FLOOD_DISCONNECT_SECONDS + 2);
    expect(v.slice(v.indexOf("disconnect") + 1).every((x) => x === "drop")).toBe(true);
  });

  it("never disconnects bursts with pauses between them, nor a steady person", () => {
    let now = 0;
    const guard = new FloodGuard(() => now);
    const verdicts: string[] = [];
    // 40 messages at once every 2.5 s for a minute: each burst is over the rate for a moment.
    for (let burst = 0; burst < 24; burst++, now += 2500) for (let i = 0; i < 40; i++) verdicts.push(guard.check());
    expect(verdicts).toContain("tell");
    expect(verdicts).not.toContain("disconnect");
    expect(drive(FLOOD_RATE_PER_SECOND, 60)).toEqual(Array(FLOOD_RATE_PER_SECOND * 60).fill("admit"));
  });
});

describe("flood control in a room", () => {
  it("drops messages beyond the burst, says so once, and keeps serving the client", async () => {
    const client = await createRoom(server, { ...FAST, tickMs: 5, seed: 21 });
    const room = serverRoom(server, client);
    const seat = me(client).seat;
    const errors = collectErrors(client);
    const N = 60;
    for (let i = 0; i < N; i++) client.send("intent", { kind: "move", dx: i % 2 === 0 ? 1 : -1, dy: 0 });
    await until(() => errors.length >= 1, "a flood error");
    client.send("intent", { kind: "move", dx: 0, dy: 0 });
    // Messages are handled in order, so once this is answered every earlier one has been.
    await until(() => room.inputLog.filter((e) => e.seat === seat && "intent" in e).length >= FLOOD_BURST, "the burst applied");
    const accepted = room.inputLog.filter((e) => e.seat === seat && "intent" in e).length;
    expect(errors.every((e) => e.code === "flood")).toBe(true);
    // One answer for some forty dropped messages (two if the sending straddled a second).
    expect(errors.length).toBeLessThanOrEqual(2);
    // A few tokens may refill while the burst is processed, never many.
    expect(accepted).toBeLessThan(FLOOD_BURST + 10);
    // After a pause the client is served again.
    await sleep(500);
    client.send("intent", { kind: "move", dx: 0, dy: 1 });
    await until(() => room.inputLog.some((e) => e.seat === seat && "intent" in e && e.intent.kind === "move" && e.intent.dy === 1), "the later intent");
    await client.leave();
  });

  it(`disconnects a client that floods for ${FLOOD_DISCONNECT_SECONDS} s with FLOODED_CLOSE_CODE, and its seat is not held`, async () => {
    const flooder = await createRoom(server, { ...FAST, tickMs: 50, seed: 22, countdownSeconds: 60 });
    const bystander = await joinRoom(server, flooder.roomId, { name: "Bystander" });
    const errors = collectErrors(flooder);
    let closed: number | null = null;
    flooder.onLeave((code) => (closed = code));
    const t0 = Date.now();
    const timer = setInterval(() => {
      for (let i = 0; i < 50; i++) flooder.send("intent", { kind: "move", dx: 1, dy: 0 });
    }, 10);
    try {
      await until(() => closed !== null, "the flooder disconnected", (FLOOD_DISCONNECT_SECONDS + 10) * 1000);
    } finally {
      clearInterval(timer);
    }
    const seconds = (Date.now() - t0) / 1000;
    expect(closed).toBe(FLOODED_CLOSE_CODE);
    expect(seconds).toBeGreaterThanOrEqual(FLOOD_DISCONNECT_SECONDS - 0.5);
    // Thousands of messages dropped; about one answer a second, and the last says why it closed.
    // (Admitted intents are answered "not-started": the countdown runs.)
    const flood = errors.filter((e) => e.code === "flood");
    expect(flood.length).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    expect(flood.at(-1)?.message).toMatch(/disconnected/);
    await until(() => bystander.state.players.get(flooder.sessionId)?.status === "left", "the flooder shown as left, not away");
    expect(bystander.connection.isOpen).toBe(true);
    await bystander.leave();
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
