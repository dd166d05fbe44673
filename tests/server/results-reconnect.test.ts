// A connection that drops after the round has ended comes back to the results: the seat is held
// for the reconnect window as during play, the summary is sent again, and the final game is not
// touched. Quick play used to mark the seat "left" at once and refuse the reconnect.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundSummary } from "../../shared/index.js";
import type { HostedState } from "../../server/schema/HostedState.js";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { freePort } from "../../tools/cluster.js";
import { FAST, createRoom, joinRoom, serverRoom, until } from "./helpers.js";
import { command, createHosted, hostedRoom, joinHost, joinPlayer } from "./hosted-helpers.js";
import { startHostedServer } from "./hosted-helpers.js";

let server: ColyseusTestServer;
let port: number;
beforeAll(async () => {
  port = await freePort();
  server = await startHostedServer(port);
});
afterAll(async () => {
  await server?.shutdown();
});

describe("reconnecting to the results", () => {
  it("quick play: a player dropped after the end gets its seat and the summary back", async () => {
    const a = await createRoom(server, { ...FAST, tickMs: 1, name: "Ada" });
    const watcher = await joinRoom(server, a.roomId, { name: "Watcher" });
    const room = serverRoom(server, a);
    await until(() => watcher.state.stage === "ended", "the end", 20_000);
    const hash = room.hash();
    const { reconnectionToken: token, sessionId } = a;

    a.leave(false);
    await until(() => watcher.state.players.get(sessionId)?.status === "away", "away, not left");
    const back = await server.sdk.reconnect<SmolderState>(token);
    const summaries: RoundSummary[] = [];
    back.onMessage("summary", (s: RoundSummary) => summaries.push(s));
    await until(() => summaries.length === 1, "the summary again");
    expect(back.sessionId).toBe(sessionId);
    await until(() => watcher.state.players.get(sessionId)?.status === "playing", "back on the results");
    expect(summaries[0]!.players.some((p) => p.name === "Ada")).toBe(true);
    expect(room.hash()).toBe(hash);
    await back.leave();
    await until(() => watcher.state.players.get(sessionId)?.status === "left", "left after a consented leave");
    await watcher.leave();
  });

  it("hosted: a player dropped after the host ended the round gets the summary back", async () => {
    const created = await createHosted(port, { tickMs: 20 });
    const host = await joinHost(server, created);
    const player = await joinPlayer(server, created.code, "Bea");
    await command(host, { command: "start", countdownSeconds: 0 });
    const room = hostedRoom(server, created.code);
    await until(() => room.state.stage === "playing", "playing");
    await command(host, { command: "end" });
    await until(() => player.state.stage === "ended", "ended");
    const { reconnectionToken: token, sessionId } = player;

    player.leave(false);
    await until(() => host.state.players.get(sessionId)?.status === "away", "away");
    const back = await server.sdk.reconnect<HostedState>(token);
    const summaries: RoundSummary[] = [];
    back.onMessage("summary", (s: RoundSummary) => summaries.push(s));
    back.onMessage("*", () => undefined);
    await until(() => summaries.length === 1, "the summary again");
    await until(() => host.state.players.get(sessionId)?.status === "playing", "back");
    await back.leave();
    await host.leave();
  });
});
