// Entry point: `npm start` / `npm run dev:server`. One port serves the game and, once built,
// the client from dist/. SMOLDER_TRUST_ROOM_SETTINGS=1 lets clients pick room settings
// (for local experiments and the benchmark only; never in production). REDIS_URL and
// SMOLDER_PUBLIC_ADDRESS make this process one of several (server/scale.ts); DATABASE_URL keeps
// stored sessions in PostgreSQL instead of DATA_DIR (server/storage/open.ts).
import "./env.js";
import { fileURLToPath } from "node:url";
import { listen } from "@colyseus/tools";
import { createAppConfig } from "./app.config.js";
import { log } from "./log.js";
import { openScale, redact, scaleFromEnv, scaleWarnings } from "./scale.js";

const port = Number(process.env.PORT ?? 2567);
// @colyseus/tools listens on PORT + NODE_APP_INSTANCE (pm2's instance number).
const listenPort = port + Number(process.env.NODE_APP_INSTANCE || "0");
const scaleConfig = scaleFromEnv(listenPort);
for (const warning of scaleWarnings(scaleConfig)) log.warn({ event: "config-warning" }, warning);
let scale;
try {
  scale = await openScale(scaleConfig);
} catch (err) {
  stop(err);
}
// dist/ at the repository root, wherever the server is started from.
const staticRoot = fileURLToPath(new URL("../dist", import.meta.url));
const app = createAppConfig({ trustRoomSettings: process.env.SMOLDER_TRUST_ROOM_SETTINGS === "1", staticRoot, scale });
try {
  await listen(app, port);
} catch (err) {
  // The store is opened while listening starts: DATABASE_URL unreachable, a database or file
  // newer than this server, a DATA_DIR that cannot be written.
  stop(err);
}
const shared = scaleConfig.redisUrl
  ? ` (one of several on ${redact(scaleConfig.redisUrl)}${scaleConfig.publicAddress ? `, reached at ${scaleConfig.publicAddress}` : ""})`
  : "";
log.info({ event: "listening", port: listenPort }, `Smolder server listening on http://localhost:${listenPort}${shared}`);

/** A start that cannot go on: the reason, said plainly (no stack: it is a setting to fix), and exit 1. */
function stop(err: unknown): never {
  log.fatal({ event: "start-failed" }, `Smolder server: ${(err as Error).message}`);
  process.exit(1);
}
