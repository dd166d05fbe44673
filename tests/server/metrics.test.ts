// The benchmark's server-side figures (GET /metrics with SMOLDER_METRICS=1): each room's patch
// cadence is recorded as it leaves the server, so a late patch can be told apart from a client
// that read it late.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH_RATE_HZ } from "../../shared/protocol/index.js";
import { tickMetrics } from "../../server/metrics.js";
import { freePort } from "../../tools/cluster.js";
import { FAST, startServer } from "./helpers.js";

let server: ColyseusTestServer;
beforeAll(async () => {
  server = await startServer(await freePort());
});
afterAll(async () => {
  await server?.shutdown();
});

describe("server metrics", () => {
  it("record the gaps between a room's patches as it sent them, and a reset empties them", async () => {
    tickMetrics(true);
    const client = await server.sdk.joinOrCreate("smolder", { ...FAST, tickMs: 100 });
    await new Promise((r) => setTimeout(r, 1200));
    const m = tickMetrics(true);
    // About ten patches a second; none can come sooner than the patch rate allows.
    expect(m.patches).toBeGreaterThanOrEqual(5);
    expect(m.patchIntervalP50Ms).toBeGreaterThanOrEqual(1000 / PATCH_RATE_HZ - 5);
    expect(m.patchIntervalP99Ms).toBeGreaterThanOrEqual(m.patchIntervalP50Ms);
    expect(m.ticks).toBeGreaterThan(0);
    await client.leave();
    expect(tickMetrics(false).patches).toBeLessThan(m.patches);
  });
});
