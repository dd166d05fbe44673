// A room's life: countdown, bots filling the team, play, the summary, and the results
// screen staying open. Plus quick play, the leaderboard and the health check.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { type GameState, type RoundSummary, roundSummary, withRecap } from "../../shared/index.js";
import { REFUSALS } from "../../shared/protocol/index.js";
import { FAST, collectErrors, createRoom, joinRoom, ready, refused, serverRoom, startServer, until } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

describe("room lifecycle", () => {
  it("counts down, fills empty seats with bots, plays, broadcasts the summary and stays open", async () => {
    const a = await createRoom(server, { ...FAST, countdownSeconds: 1, tickMs: 1, bots: ["hero", "preventer"] });
    expect(a.state.stage).toBe("countdown");
    expect(a.state.countdown).toBe(1);
    const b = await joinRoom(server, a.roomId);
    const room = serverRoom(server, a);
    expect(room.rules.players).toHaveLength(2);

    const summaries: RoundSummary[] = [];
    b.onMessage("summary", (s: RoundSummary) => summaries.push(s));
    await until(() => a.state.stage === "playing", "the start", 3000);
    // Two people, startup's team of 4: two bots, kinds used in turn.
    expect(room.rules.players.map((p) => p.bot)).toEqual([null, null, "hero", "preventer"]);
    expect(a.state.players.size).toBe(4);
    expect(a.state.players.get("bot-2")?.bot).toBe("hero");

    await until(() => summaries.length === 1, "the summary", 10_000);
    expect(b.state.stage).toBe("ended");
    expect(b.state.ended).toMatch(/^(time|collapse)$/);
    const rules = room.rules as unknown as GameState;
    expect(summaries[0]).toEqual(withRecap(roundSummary(rules), rules));
    expect(summaries[0]!.players).toHaveLength(4);

    // The room stays open for the results screen; intents now get the rules' answer.
    const errors = collectErrors(a);
    a.send("intent", { kind: "stepBack" });
    await until(() => errors.length > 0, "an error");
    expect(errors[0]!.code).toBe("game-over");
    expect(a.connection.isOpen).toBe(true);
    // Nobody new joins a finished round (locked once it ends; a join racing the lock hears it is over).
    expect([REFUSALS.fullOrLocked, REFUSALS.roundOver]).toContain((await refused(server.sdk.joinById(a.roomId, {}))).code);
    // Leaving the results screen shows as left, without touching the final game.
    const hash = room.hash();
    const aId = a.sessionId;
    await a.leave();
    await until(() => b.state.players.get(aId)?.status === "left", "left after the end");
    expect(room.hash()).toBe(hash);
    await b.leave();
  }, 20_000);

  it("quick play puts players into the same public room", async () => {
    const a = await ready(await server.sdk.joinOrCreate<SmolderState>("smolder", { ...FAST, countdownSeconds: 30 }));
    const b = await ready(await server.sdk.joinOrCreate<SmolderState>("smolder", { name: "Bee" }));
    expect(b.roomId).toBe(a.roomId);
    await until(() => a.state.players.size === 2, "two players");
    await a.leave();
    await b.leave();
  });

  it("the leaderboard lists every seat, highest praise first", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 1, bots: ["hero"] });
    await until(() => [...a.state.players.values()].some((p) => p.praise > 0), "some praise", 10_000);
    await until(() => a.state.leaderboard.length === a.state.players.size, "a full leaderboard");
    const praise = Array.from(a.state.leaderboard, (k) => a.state.players.get(k)!.praise);
    expect(praise).toEqual([...praise].sort((x, y) => y - x));
    await a.leave();
  }, 15_000);

  it("GET /healthz answers with the number of rooms and clients", async () => {
    const a = await createRoom(server, { ...FAST, countdownSeconds: 30 });
    const res = await server.http.get("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({ rooms: expect.any(Number), clients: expect.any(Number) });
    expect((res.data as { rooms: number }).rooms).toBeGreaterThanOrEqual(1);
    expect((res.data as { clients: number }).clients).toBeGreaterThanOrEqual(1);
    await a.leave();
  });
});

it("a trusted server refuses invalid room settings", async () => {
  const unknown = await refused(server.sdk.create("smolder", { scenario: "no-such-scenario" }));
  expect(unknown).toMatchObject({ code: REFUSALS.badSettings, text: expect.stringMatching(/unknown scenario/) });
  expect(await refused(server.sdk.create("smolder", { tickMs: -5 }))).toMatchObject({ code: REFUSALS.badSettings, text: expect.stringMatching(/tickMs/) });
});
