// npm run bench:server [-- --rooms R] [--seconds S] [--workers W] [--json]
// Starts the game server in its own process and R rooms × 8 playing clients (colyseus.js) in
// W client processes, measures for S seconds and prints: server CPU per client, tick time
// p50/p99, patch interval p99 seen by clients, bytes received per client per second, and the
// bytes a plain full-state JSON broadcast of the same states would take.
// The load and the measurement are shared with bench:scale (tools/bench-load.ts).
import { parseArgs } from "node:util";
import { CLIENTS_PER_ROOM, cpuPerClientPct, measureWindow, startLoad } from "./bench-load.js";
import { type GameServer, startGameServer } from "./cluster.js";

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    workers: { type: "string", default: "4" },
    port: { type: "string", default: "2590" },
    json: { type: "boolean", default: false },
  },
});

const rooms = Math.max(1, Number(args.rooms));
const seconds = Math.max(1, Number(args.seconds));
const workers = Math.max(1, Math.min(rooms, Number(args.workers)));
const log = (s: string) => !args.json && console.error(s);

// Rooms are measured, not the disk; and a benchmark's rounds are nobody's to keep.
let server: GameServer | undefined;
try {
  server = await startGameServer({ port: Number(args.port), dataDir: ":memory:", env: { SMOLDER_METRICS: "1" } });
  log(`server up on :${server.port}; starting ${rooms} rooms × ${CLIENTS_PER_ROOM} clients in ${workers} client processes`);
  const load = await startLoad({ endpoints: [server.url], rooms, workers });
  log(`all clients joined; measuring ${seconds} s`);
  const w = await measureWindow([server], load, seconds);
  const p = w.processes[0]!;
  const c = w.clients;
  const result = {
    rooms: p.rooms,
    clients: p.clients,
    cpuPerClientPct: cpuPerClientPct(w),
    tickP50Ms: +p.tickP50Ms.toFixed(3),
    tickP99Ms: +p.tickP99Ms.toFixed(3),
    patchIntervalP99Ms: c.patchIntervalP99Ms,
    bytesPerClientPerSec: c.bytesPerClientPerSec,
    fullJsonBytesPerClientPerSec: c.fullJsonBytesPerClientPerSec,
    bytesRatio: c.bytesRatio,
  };
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(`${result.rooms} rooms, ${result.clients} clients, ${seconds} s measured (${p.ticks} room ticks)`);
    console.log(`  server CPU per client   ${result.cpuPerClientPct}% of a core (whole server ${p.cpuPct.toFixed(1)}%)`);
    console.log(`  tick time               p50 ${result.tickP50Ms} ms, p99 ${result.tickP99Ms} ms (target p99 ≤ 5 ms)`);
    console.log(`  patch interval (client) p50 ${c.patchIntervalP50Ms} ms, p99 ${result.patchIntervalP99Ms} ms (target ≤ 60 ms)`);
    console.log(`  bytes per client        ${result.bytesPerClientPerSec} B/s; full-state JSON would be ${result.fullJsonBytesPerClientPerSec} B/s`);
    console.log(`  ratio                   ${(100 * result.bytesRatio).toFixed(2)}% (target ≤ 5%)`);
    console.log(`  (${c.errors} intents refused by the rules during the window)`);
  }
} finally {
  await server?.stop();
}
process.exit(0);
