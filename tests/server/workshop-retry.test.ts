// A workshop whose team rooms fail to open (the store refuses a team's session) can be opened
// again: the "opening" flag used to stay set, so every later "open" said the teams were already
// open. A team's session is stored before its room is made, so the failure leaves no room behind.
import type { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import type { Room } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedRoom } from "../../server/hosting/api.js";
import { log } from "../../server/log.js";
import { freePort } from "../../tools/cluster.js";
import { FlakyStore } from "./flaky-store.js";
import { until } from "./helpers.js";
import { errorsOf, startHostedServer } from "./hosted-helpers.js";

const store = new FlakyStore();
let server: ColyseusTestServer;
let port: number;
beforeAll(async () => {
  // The failure is logged as an error on purpose; the test's output stays quiet.
  log.level = "silent";
  port = await freePort();
  server = await startHostedServer(port, { store });
});
afterAll(async () => {
  await server?.shutdown();
});

interface Seen {
  stage: string;
  teams: Map<string, { code: string }>;
}
const seen = (r: Room): Seen => r.state as unknown as Seen;

async function hostedRooms(): Promise<number> {
  return (await matchMaker.query({ name: "hosted" })).length;
}

describe("opening a workshop's teams", () => {
  it("can be tried again after the store failed, and leaves no orphan room", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tickMs: 2 }),
    });
    const created = (await res.json()) as CreatedRoom;
    const host = await server.sdk.joinById(created.code, { hostSecret: created.hostSecret });
    host.onMessage("*", () => undefined);
    const errors = errorsOf(host as never);
    const people: Room[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await server.sdk.joinById(created.code, { name: `P${i}` });
      p.onMessage("*", () => undefined);
      people.push(p);
    }
    host.send("host", { command: "form", size: 3 });
    await until(() => seen(host).teams?.size === 2, "two teams");

    // The second team's session cannot be stored: the first team's is saved twice (before its
    // room exists, then with its code), so the next save but two fails.
    store.failCall.saveSession = store.calls.saveSession + 3;
    const roomsBefore = await hostedRooms();
    host.send("host", { command: "open" });
    await until(() => errors.some((e) => /could not open every team's room/.test(e.message)), "the failure reported");
    expect(seen(host).stage).toBe("forming");
    // One team opened; the failed one made no room.
    expect(await hostedRooms()).toBe(roomsBefore + 1);

    host.send("host", { command: "open" });
    await until(() => seen(host).stage === "open" && [...seen(host).teams.values()].every((t) => t.code !== ""), "every team open on the retry");
    expect(errors.filter((e) => /already open/.test(e.message))).toEqual([]);
    expect(await hostedRooms()).toBe(roomsBefore + 2);
    await Promise.all([...people, host].map((r) => r.leave()));
  });
});
