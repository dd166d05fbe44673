// Bad input is logged for operators, not as faults: a frame Colyseus cannot decode, a frame the
// WebSocket layer refuses (unmasked, over the size limit) and unknown message types each give
// one JSON line naming the room and client (or address), never a stack trace, and the same
// event from one client is summarised instead of repeated. Runs against a real server process.
import { Client, type Room } from "colyseus.js";
import type WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FRAME_BYTES } from "../../shared/protocol/index.js";
import { freePort, type GameServer, startGameServer } from "../../tools/cluster.js";
import { until } from "./helpers.js";

let server: GameServer;
let sdk: Client;

beforeAll(async () => {
  server = await startGameServer({ port: await freePort(), dataDir: ":memory:", env: { SMOLDER_LOG_LEVEL: "info" } });
  sdk = new Client(`ws://127.0.0.1:${server.port}`);
});
afterAll(async () => {
  await server?.stop();
});

interface Line {
  event?: string;
  room?: string;
  client?: string;
  address?: string;
  repeated?: number;
  msg?: string;
}

/** The server's JSON log lines so far (anything else it printed is returned as { msg }). */
function lines(): Line[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      try {
        return JSON.parse(l) as Line;
      } catch {
        return { msg: l };
      }
    });
}

const settings = { scenario: "startup", seed: 5, countdownSeconds: 0, tickMs: 50, bots: ["hero"] };

function ws(room: Room): WebSocket {
  return (room.connection.transport as unknown as { ws: WebSocket }).ws;
}

function closed(room: Room): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

/** ROOM_DATA (13), the type "intent" as a msgpack string, then a string of 80 bytes cut short. */
const UNDECODABLE = Buffer.from([13, 0xa6, ...Buffer.from("intent"), 0xd9, 80, 1, 2]);

describe("bad input in the log", () => {
  it("one line per bad frame with room and client, no stack trace, and repeats summarised", async () => {
    const bystander = await sdk.joinOrCreate("smolder", { ...settings, name: "Bystander" });
    bystander.onMessage("*", () => undefined);

    // Frames Colyseus cannot decode: each closes its sender (whose seat is then held for a
    // reconnect), so each comes from a new client in a room of its own.
    const senders = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const bad = await sdk.create("smolder", { ...settings, name: `Bad ${i}` });
      senders.set(bad.sessionId, bad.roomId);
      const gone = closed(bad);
      bad.connection.send(UNDECODABLE);
      await gone;
    }
    // Frames the WebSocket layer refuses: unmasked, and over MAX_FRAME_BYTES.
    for (const send of [(s: WebSocket) => s.send(Buffer.from([13, 1, 2]), { mask: false }), (s: WebSocket) => s.send(Buffer.alloc(MAX_FRAME_BYTES + 100, 1))]) {
      const bad = await sdk.create("smolder", { ...settings, name: "Raw" });
      const gone = closed(bad);
      send(ws(bad));
      await gone;
    }
    // Thirty unknown types from one client, under the flood rate.
    const noisy = await sdk.joinById(bystander.roomId, { name: "Noisy" });
    noisy.onMessage("*", () => undefined);
    for (let i = 0; i < 30; i++) {
      noisy.send(`nonsense-${i}`, { i });
      await new Promise((r) => setTimeout(r, 60));
    }

    await until(
      () =>
        lines().filter((l) => l.event === "bad-frame").length >= senders.size &&
        lines().some((l) => l.event === "bad-ws-frame") &&
        lines().some((l) => l.event === "unknown-message"),
      "the bad input logged",
      10_000,
    );
    const log = lines();
    for (const [id, room] of senders) {
      const mine = log.filter((l) => l.event === "bad-frame" && l.client === id);
      expect(mine, `bad-frame lines for ${id}`).toHaveLength(1);
      expect(mine[0]!.room).toBe(room);
    }
    // Both refused frames came from one address: one line now, the second counted for later.
    const wsFrames = log.filter((l) => l.event === "bad-ws-frame");
    expect(wsFrames).toHaveLength(1);
    expect(wsFrames[0]!.address).toMatch(/127\.0\.0\.1/);
    const unknown = log.filter((l) => l.event === "unknown-message" && l.client === noisy.sessionId);
    // The first at once; the other 29 are one "repeated" line when the 10 s window closes.
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    expect(unknown.length).toBeLessThanOrEqual(2);
    // No line carries a stack trace.
    expect(server.output()).not.toMatch(/\n\s+at |"stack"/);
    expect(server.child.exitCode).toBeNull();
    expect(bystander.connection.isOpen).toBe(true);
    await noisy.leave();
    await bystander.leave();
  });
});
