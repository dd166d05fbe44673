// A graceful shutdown (SIGTERM) in one process: everyone in quick-play and hosted rooms is
// told with a "server-closing" error, then closed with SERVER_CLOSING_CLOSE_CODE (not a drop,
// so clients do not retry). tests/scale checks the same across processes on Redis.
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorMessage, SERVER_CLOSING_CLOSE_CODE } from "../../shared/protocol/index.js";
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
  it("tells every player in every room why the room closes, then closes it for good", async () => {
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
    for (const h of heard) {
      expect(h.errors).toEqual([{ code: "server-closing", message: expect.stringMatching(/shutting down/) }]);
      expect(h.code).toBe(SERVER_CLOSING_CLOSE_CODE);
    }
  });
});
