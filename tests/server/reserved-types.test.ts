// Colyseus's reserved message types are callable like any other. Sent by a player with a long
// payload, the built-in `__no_message_handler` used to close the socket with that payload as
// the close reason, which `ws` refuses by throwing: the whole process exited and every room with
// it. Here a real server process (as `npm start` runs it) gets those messages from a quick-play
// player, a hosted room's player and host, and a workshop participant, and must stay up, answer
// each with an error, and keep every other client's game going.
import { Client, type Room } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorMessage } from "../../shared/protocol/index.js";
import { freePort, type GameServer, health, startGameServer } from "../../tools/cluster.js";
import { until } from "./helpers.js";

const LONG = "x".repeat(400);
/** Every type a prankster might try, with payloads that once broke a handler. */
const PRANKS: Array<[string, unknown]> = [
  ["__no_message_handler", LONG],
  ["__no_message_handler", { reason: LONG }],
  ["*", { toString: LONG }],
  ["*", Object.create(null) as unknown],
  ["*", LONG],
];

let server: GameServer;
const open: Room[] = [];

beforeAll(async () => {
  server = await startGameServer({ port: await freePort(), dataDir: ":memory:" });
});
afterAll(async () => {
  await Promise.allSettled(open.filter((r) => r.connection.isOpen).map((r) => r.leave()));
  await server?.stop();
});

function track<T extends Room>(room: T): T {
  open.push(room);
  room.onMessage("*", () => undefined);
  return room;
}

function errorsOf(room: Room): ErrorMessage[] {
  const errors: ErrorMessage[] = [];
  room.onMessage("error", (m: ErrorMessage) => errors.push(m));
  return errors;
}

/** Sends every prank from `room`; resolves when each has been refused with `unknown-message`. */
async function prank(room: Room): Promise<void> {
  const errors = errorsOf(room);
  for (const [type, payload] of PRANKS) room.send(type, payload);
  const refused = () => errors.filter((e) => e.code === "unknown-message").length >= PRANKS.length;
  await until(() => refused() || server.child.exitCode !== null, "an unknown-message error for every prank", 10_000);
  expect(server.child.exitCode, `the server process died:\n${server.output()}`).toBeNull();
  expect(room.connection.isOpen).toBe(true);
}

/** Resolves after `count` more state patches reach `room`. */
async function patches(room: Room, count: number): Promise<void> {
  let seen = 0;
  const onPatch = () => seen++;
  room.onStateChange(onPatch);
  await until(() => seen >= count, `${count} state patches`, 10_000);
  room.onStateChange.remove(onPatch);
}

async function post(path: string): Promise<{ code: string; hostSecret: string }> {
  const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tickMs: 50 }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; hostSecret: string };
}

describe("reserved message types", () => {
  it("never stop the server: quick play, hosted (player and host) and workshop rooms refuse them and play on", async () => {
    const sdk = new Client(`ws://127.0.0.1:${server.port}`);
    const settings = { scenario: "startup", seed: 77, countdownSeconds: 0, tickMs: 50, bots: ["hero"] };
    const prankster = track(await sdk.joinOrCreate("smolder", { ...settings, name: "Prankster" }));
    const bystander = track(await sdk.joinById(prankster.roomId, { name: "Bystander" }));

    const hosted = await post("/api/rooms");
    const host = track(await sdk.joinById(hosted.code, { hostSecret: hosted.hostSecret }));
    const player = track(await sdk.joinById(hosted.code, { name: "Player" }));

    const workshop = await post("/api/workshops");
    const facilitator = track(await sdk.joinById(workshop.code, { hostSecret: workshop.hostSecret }));
    const participant = track(await sdk.joinById(workshop.code, { name: "Participant" }));

    for (const room of [prankster, player, host, participant]) await prank(room);

    expect(server.child.exitCode).toBeNull();
    expect((await health(server)).clients).toBe(6);
    // The quick-play round goes on for the person who did nothing wrong (and for the prankster).
    await patches(bystander, 5);
    expect(facilitator.connection.isOpen).toBe(true);
    expect(server.output()).not.toMatch(/must not be greater than 123 bytes|uncaught/i);
  });
});
