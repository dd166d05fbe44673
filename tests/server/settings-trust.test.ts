// Room settings (scenario, seed, countdown, tick speed, bots) are a trust boundary: a
// public server ignores them. Its own file: the matchmaker is one per process, so this
// server cannot share a process with the trusting one the other tests boot.
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { MemorySessionStore } from "../../server/storage/memory.js";
import { FAST, ready } from "./helpers.js";
import { freePort } from "../../tools/cluster.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await boot(createAppConfig({ trustRoomSettings: false, store: new MemorySessionStore() }), await freePort());
});
afterAll(async () => {
  await server.shutdown();
});

it("settings from a client are ignored, even if the client claims trust", async () => {
  const c = await ready(await server.sdk.create<SmolderState>("smolder", { ...FAST, trustSettings: true, countdownSeconds: 0, scenario: "startup" }));
  expect(c.state.stage).toBe("countdown");
  expect(c.state.scenario).toBe("workshop");
  expect(c.state.countdown).toBeGreaterThan(0);
  await c.leave();
});
