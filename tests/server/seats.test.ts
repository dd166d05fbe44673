// Joining and leaving over and over once added a seat each time, without end (300 cycles left
// 311 players, and seat numbers wrapped at 256 in the synced uint8). A round hands out at most
// MAX_ROUND_SEATS seats: quick play then refuses newcomers and locks the room, a hosted round
// seats them as spectators. Quick-play joins are also limited per address.
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import { MAX_ROUND_SEATS, REFUSALS } from "../../shared/protocol/index.js";
import type { HostedState } from "../../server/schema/HostedState.js";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { freePort } from "../../tools/cluster.js";
import { FAST, createRoom, refusalIn, refused, serverRoom, until } from "./helpers.js";
import { command, createHosted, errorsOf, hostedRoom, joinHost, joinPlayer } from "./hosted-helpers.js";

const JOIN_BURST = 3;
let server: ColyseusTestServer;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = await boot(
    createAppConfig({ trustRoomSettings: true, store: new MemorySessionStore(), limits: { joinBurst: JOIN_BURST, joinEverySeconds: 600 } }),
    port,
  );
});
afterAll(async () => {
  await server?.shutdown();
});

describe("seats", () => {
  it(`a quick-play room hands out at most ${MAX_ROUND_SEATS} seats, then refuses joins and is locked`, async () => {
    // The one quick-play join of this test that costs from the address's budget.
    const creator = await createRoom(server, { ...FAST, countdownSeconds: 60, name: "Creator" });
    const room = serverRoom(server, creator);
    let refusal = "";
    let cycles = 0;
    for (; cycles < MAX_ROUND_SEATS + 10; cycles++) {
      try {
        const c = await server.sdk.joinById<SmolderState>(creator.roomId, { name: `Visitor ${cycles}` });
        await c.leave();
      } catch (err) {
        refusal = (err as Error).message;
        break;
      }
    }
    expect(cycles).toBe(MAX_ROUND_SEATS - 1);
    // Locked once the last seat was taken (so joinOrCreate opens a new room); a join racing the lock is told why.
    expect([REFUSALS.fullOrLocked, REFUSALS.roundFull]).toContain(refusalIn(refusal).code);
    expect(room.rules.players.length).toBe(MAX_ROUND_SEATS);
    await until(() => creator.state.players.size === MAX_ROUND_SEATS, "every seat in the state");
    expect(room.locked).toBe(true);
    expect(creator.connection.isOpen).toBe(true);
    await creator.leave();
  });

  it("a hosted round in progress seats newcomers as spectators once it has handed out every seat", async () => {
    const created = await createHosted(port, { tickMs: 50 });
    const host = await joinHost(server, created);
    await command(host, { command: "settings", scenario: "classic", durationSeconds: 600 });
    await command(host, { command: "start", countdownSeconds: 0 });
    const room = hostedRoom(server, created.code);
    await until(() => room.state.stage === "playing", "playing");
    for (let i = 0; room.rules.players.length < MAX_ROUND_SEATS; i++) {
      if (i > MAX_ROUND_SEATS) throw new Error("seats are not being handed out");
      await (await joinPlayer(server, created.code, `Passer ${i}`)).leave();
    }
    const late = await server.sdk.joinById<HostedState>(created.code, { name: "Late" });
    const errors = errorsOf(late);
    late.onMessage("*", () => undefined);
    await until(() => late.state?.watchers?.has(late.sessionId) === true, "the late joiner watching");
    await until(() => errors.some((e) => e.code === "room-full"), "the room-full error");
    expect(room.rules.players.length).toBe(MAX_ROUND_SEATS);
    expect(room.state.stage).toBe("playing");
    await late.leave();
    await host.leave();
  });

  it("limits quick-play joins per address", async () => {
    // The first test spent one join of the burst.
    const rooms = [];
    for (let i = 1; i < JOIN_BURST; i++) rooms.push(await server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60 }));
    const stopped = await refused(server.sdk.joinOrCreate("smolder", { ...FAST, countdownSeconds: 60 }));
    expect(stopped).toMatchObject({ code: REFUSALS.tooManyJoins, params: { seconds: expect.any(Number) } });
    expect(stopped.text).toMatch(/^Too many games joined from your address\. Try again in \d+ s\.$/);
    expect((await refused(server.sdk.create("smolder", { ...FAST, countdownSeconds: 60 }))).code).toBe(REFUSALS.tooManyJoins);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
