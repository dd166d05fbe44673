// A graceful shutdown (SIGTERM) in one process: everyone in a quick-play room is told with a
// "server-closing" error, then closed with SERVER_CLOSING_CLOSE_CODE (not a drop, so clients do
// not retry); a hosted room is written down first, and its people are told it comes back
// ("server-restarting", SERVER_RESTARTING_CLOSE_CODE: a drop to retry). tests/scale/restore.test.ts
// brings such a room back; tests/scale/processes.test.ts has another process take it over.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorMessage, SERVER_CLOSING_CLOSE_CODE, SERVER_RESTARTING_CLOSE_CODE } from "../../shared/protocol/index.js";
import { createRoom, FAST, until } from "./helpers.js";
import { createHosted, joinHost, joinPlayer, startHostedServer } from "./hosted-helpers.js";
import { freePort } from "../../tools/cluster.js";

let PORT = 0;
let server: ColyseusTestServer;
beforeAll(async () => {
  PORT = await freePort();
  server = await startHostedServer(PORT);
});
afterAll(async () => {
  await server.shutdown().catch(() => undefined);
});

describe("graceful shutdown", () => {
  it("tells every player in every room why the room closes: for good (quick play) or until it is back (hosted)", async () => {
    const quick = await createRoom(server, { ...FAST, tickMs: 50, name: "Quick" });
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const player = await joinPlayer(server, created.code, "Ann");
    const heard = [quick, host, player].map((room) => {
      const h = { errors: [] as ErrorMessage[], code: null as number | null };
      room.onMessage("error", (m: ErrorMessage) => h.errors.push(m));
      room.onLeave((code) => (h.code = code));
      return h;
    });
    await server.shutdown();
    await until(() => heard.every((h) => h.code !== null), "every connection to close");
    const [quickHeard, ...hostedHeard] = heard;
    expect(quickHeard!.errors).toEqual([{ code: "server-closing", message: expect.stringMatching(/shutting down/) }]);
    expect(quickHeard!.code).toBe(SERVER_CLOSING_CLOSE_CODE);
    for (const h of hostedHeard) {
      expect(h.errors).toEqual([{ code: "server-restarting", message: expect.stringMatching(/restarting.*comes back/) }]);
      expect(h.code).toBe(SERVER_RESTARTING_CLOSE_CODE);
    }
  });
});
