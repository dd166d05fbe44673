// The bare-room server of bench:server, in its own process as the game server is: Colyseus
// with its own WebSocket transport (the game's frame limit), the "bare" room
// (tools/bench-bare-room.ts) and the two HTTP routes the benchmark reads, /healthz and
// /metrics, answering as the game server's do.
//   PORT=2591 tsx tools/bench-bare-server.ts
import type { IncomingMessage, ServerResponse } from "node:http";
import config, { listen } from "@colyseus/tools";
import { matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { MAX_FRAME_BYTES } from "../shared/protocol/index.js";
import { tickMetrics } from "../server/metrics.js";
import { BARE_ROOM_NAME, BareRoom } from "./bench-bare-room.js";

const port = Number(process.env.PORT ?? 2591);

const app = config({
  displayLogs: false,
  options: { greet: false },
  initializeTransport: (options) => new WebSocketTransport({ ...options, maxPayload: MAX_FRAME_BYTES }),
  initializeGameServer: (gameServer) => {
    gameServer.define(BARE_ROOM_NAME, BareRoom);
  },
  initializeExpress: (app) => {
    app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
      const [path, query] = (req.url ?? "").split("?");
      const stats = { rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu };
      let body: object;
      if (path === "/healthz") body = stats;
      else if (path === "/metrics") {
        // Its own process, so the game server's process-wide recorders serve it as they serve the game.
        body = { ...tickMetrics(query === "reset=1"), ...stats };
      } else return next();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    });
  },
});

await listen(app, port);
