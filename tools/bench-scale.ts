// npm run bench:scale [-- --rooms R] [--seconds S] [--workers W] [--no-local] [--json]
// The server benchmark's load (tools/bench-load.ts: R rooms × 8 playing clients in W client
// processes) against, in turn: one process with the embedded defaults, one process on Redis,
// and two processes on one Redis (REDIS_URL, SMOLDER_PUBLIC_ADDRESS; matchmaking requests
// spread over both, as behind a load balancer). For each it prints the clients and rooms per
// process, the CPU per client (each server process's CPU sampled from /proc/<pid>/stat; Redis
// shown apart), tick p50/p99 per process, and the clients' patch interval and bytes. Each
// run has its own redis-server on a free loopback port (tools/cluster.ts).
import { parseArgs } from "node:util";
import { CLIENTS_PER_ROOM, cpuPerClientPct, measureWindow, startLoad, type Window } from "./bench-load.js";
import { freePort, type GameServer, type RedisServer, redisAvailable, startGameServer, startRedis } from "./cluster.js";

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    workers: { type: "string", default: "4" },
    "no-local": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const rooms = Math.max(1, Number(args.rooms));
const seconds = Math.max(1, Number(args.seconds));
const workers = Math.max(1, Number(args.workers));
const log = (s: string) => !args.json && console.error(s);

if (!redisAvailable) {
  console.error("bench:scale needs redis-server (Debian: apt-get install -y redis-server)");
  process.exit(2);
}

interface Run {
  label: string;
  window: Window;
  redisCpuPct: number | null;
}

async function run(label: string, processes: number, redisToo: boolean): Promise<Run> {
  let redis: RedisServer | undefined;
  const servers: GameServer[] = [];
  try {
    if (redisToo) redis = await startRedis();
    const ports = [];
    for (let i = 0; i < processes; i++) ports.push(await freePort());
    // Rooms are measured, not the disk: the benchmark's rounds are kept nowhere.
    servers.push(
      ...(await Promise.all(ports.map((port) => startGameServer({ port, redisUrl: redis?.url, dataDir: ":memory:", env: { SMOLDER_METRICS: "1" } })))),
    );
    log(`${label}: ${rooms} rooms × ${CLIENTS_PER_ROOM} clients joining through ${servers.map((s) => `:${s.port}`).join(" and ")}`);
    const load = await startLoad({ endpoints: servers.map((s) => s.url), rooms, workers });
    try {
      log(`${label}: all clients joined; measuring ${seconds} s`);
      const window = await measureWindow(servers, load, seconds, redis ? [redis.pid] : []);
      return { label, window, redisCpuPct: redis ? (window.others[0] ?? null) : null };
    } finally {
      load.kill();
    }
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await redis?.stop();
  }
}

const runs: Run[] = [];
if (!args["no-local"]) runs.push(await run("1 process, embedded defaults", 1, false));
runs.push(await run("1 process on Redis", 1, true));
runs.push(await run("2 processes on one Redis", 2, true));

const pct = (x: number, digits = 1) => `${x.toFixed(digits)}%`;
const summary = runs.map(({ label, window: w, redisCpuPct }) => ({
  label,
  clients: w.processes.reduce((n, p) => n + p.clients, 0),
  rooms: w.processes.reduce((n, p) => n + p.rooms, 0),
  processes: w.processes.map((p) => ({
    port: p.port,
    rooms: p.rooms,
    clients: p.clients,
    cpuPct: +p.cpuPct.toFixed(2),
    tickP50Ms: +p.tickP50Ms.toFixed(3),
    tickP99Ms: +p.tickP99Ms.toFixed(3),
  })),
  redisCpuPct: redisCpuPct === null ? null : +redisCpuPct.toFixed(2),
  cpuPerClientPct: cpuPerClientPct(w),
  cpuPerClientWithRedisPct: cpuPerClientPct(w, redisCpuPct ?? 0),
  tickP99Ms: +Math.max(...w.processes.map((p) => p.tickP99Ms)).toFixed(3),
  patchIntervalP99Ms: w.clients.patchIntervalP99Ms,
  bytesPerClientPerSec: w.clients.bytesPerClientPerSec,
}));

if (args.json) console.log(JSON.stringify({ rooms, seconds, runs: summary }));
else {
  for (const s of summary) {
    console.log(`${s.label}: ${s.rooms} rooms, ${s.clients} clients, ${seconds} s measured`);
    for (const p of s.processes)
      console.log(
        `  process :${p.port}   ${p.rooms} rooms, ${p.clients} clients; CPU ${pct(p.cpuPct)} of a core; tick p50 ${p.tickP50Ms} ms, p99 ${p.tickP99Ms} ms`,
      );
    if (s.redisCpuPct !== null) console.log(`  redis-server     CPU ${pct(s.redisCpuPct)} of a core`);
    const withRedis = s.redisCpuPct !== null ? ` (${pct(s.cpuPerClientWithRedisPct, 4)} with Redis)` : "";
    console.log(`  server CPU per client ${pct(s.cpuPerClientPct, 4)} of a core${withRedis}`);
    console.log(`  clients: patch interval p99 ${s.patchIntervalP99Ms} ms, ${s.bytesPerClientPerSec} B/s each`);
  }
}
process.exit(0);
