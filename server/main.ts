// Entry point: `npm start` / `npm run dev:server`. One port serves the game and, once built,
// the client from dist/. SMOLDER_TRUST_ROOM_SETTINGS=1 lets clients pick room settings
// (for local experiments and the benchmark only; never in production).
import "./env.js";
import { fileURLToPath } from "node:url";
import { listen } from "@colyseus/tools";
import { createAppConfig } from "./app.config.js";

const port = Number(process.env.PORT ?? 2567);
// dist/ at the repository root, wherever the server is started from.
const staticRoot = fileURLToPath(new URL("../dist", import.meta.url));
const app = createAppConfig({ trustRoomSettings: process.env.SMOLDER_TRUST_ROOM_SETTINGS === "1", staticRoot });
await listen(app, port);
console.log(`Smolder server listening on http://localhost:${port}`);
