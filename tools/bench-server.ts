// npm run bench:server [-- --rooms R] [--seconds S] [--workers W] [--json]
// Starts the game server in its own process and R rooms × 8 playing clients (colyseus.js) in
// W client processes, measures for S seconds and prints: server CPU per client, tick time
// p50/p99, patch interval p99 seen by clients, bytes received per client per second, and the
// bytes a plain full-state JSON broadcast of the same states would take.
// The same file is the client worker when started with --worker.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";

const CLIENTS_PER_ROOM = 8;
const INTENTS_PER_SECOND = 2; // a busy person: a key change or a click twice a second

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    workers: { type: "string", default: "4" },
    port: { type: "string", default: "2590" },
    json: { type: "boolean", default: false },
    worker: { type: "boolean", default: false },
    first: { type: "string", default: "0" },
    count: { type: "string", default: "0" },
  },
});
const port = Number(args.port);

/** What a worker reports for its clients over the measured window. */
interface WorkerReport {
  clients: number;
  bytes: number;
  fullJsonBytes: number;
  fullJsonClients: number;
  intervals: number[];
  /** "error" messages received (rules refusals of the random intents, mostly). */
  errors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
}

// ---------------------------------------------------------------- worker: plays some rooms
async function worker(): Promise<void> {
  const first = Number(args.first);
  const count = Number(args.count);
  const client = new Client(`ws://127.0.0.1:${port}`);
  let measuring = false;
  const report: WorkerReport = { clients: 0, bytes: 0, fullJsonBytes: 0, fullJsonClients: 0, intervals: [], errors: 0 };
  const rooms: Room[] = [];

  /** Counts bytes and patch intervals on one connection; one client per room also sizes the full JSON. */
  function instrument(room: Room, sizesJson: boolean): void {
    const ws = (room.connection as unknown as { transport: { ws: { onmessage: (ev: { data: ArrayBuffer }) => void } } }).transport.ws;
    const original = ws.onmessage;
    ws.onmessage = (ev) => {
      if (measuring) report.bytes += ev.data.byteLength;
      original(ev);
    };
    room.onMessage("error", () => measuring && report.errors++);
    room.onMessage("summary", () => {});
    let last = 0;
    room.onStateChange((state) => {
      const now = performance.now();
      if (measuring && last > 0) report.intervals.push(now - last);
      last = now;
      if (measuring && sizesJson) report.fullJsonBytes += JSON.stringify((state as { toJSON(): unknown }).toJSON()).length;
    });
  }

  for (let r = first; r < first + count; r++) {
    const settings = { scenario: "classic", seed: 1000 + r, countdownSeconds: 5, name: `bench-${r}-0` };
    const head = await client.create("smolder", settings);
    rooms.push(head);
    for (let k = 1; k < CLIENTS_PER_ROOM; k++) rooms.push(await client.joinById(head.roomId, { name: `bench-${r}-${k}` }));
  }
  rooms.forEach((room, i) => instrument(room, i % CLIENTS_PER_ROOM === 0));
  report.clients = rooms.length;
  report.fullJsonClients = rooms.length / CLIENTS_PER_ROOM;

  // Each client plays: random moves, now and then a step back or an action on a nearby tile.
  let seed = first * 7919 + 1;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  const play = setInterval(
    () => {
      for (const room of rooms) {
        if (rand(4) !== 0) continue; // spread the sends over the interval
        const me = (room.state as { players?: Map<string, { x: number; y: number }> }).players?.get(room.sessionId);
        const tx = me ? Math.floor(me.x / 256) : 0;
        const ty = me ? Math.floor(me.y / 256) : 0;
        const k = rand(10);
        const intent =
          k < 6 ? { kind: "move", dx: rand(3) - 1, dy: rand(3) - 1 } : k < 7 ? { kind: "stepBack" } : { kind: k < 9 ? "extinguish" : "invest", x: Math.max(0, tx + rand(3) - 1), y: Math.max(0, ty + rand(3) - 1) };
        room.send("intent", intent);
      }
    },
    1000 / (INTENTS_PER_SECOND * 4),
  );

  process.on("message", async (msg: string) => {
    if (msg === "start") {
      report.bytes = 0;
      report.fullJsonBytes = 0;
      report.intervals = [];
      report.errors = 0;
      measuring = true;
    } else if (msg === "stop") {
      measuring = false;
      clearInterval(play);
      process.send!(report);
      await Promise.allSettled(rooms.map((r) => r.leave()));
      process.exit(0);
    }
  });
  process.send!("ready");
}

// ---------------------------------------------------------------- main: server + workers
async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return (await res.json()) as T;
}

interface ServerMetrics {
  ticks: number;
  tickP50Ms: number;
  tickP99Ms: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rooms: number;
  clients: number;
}

async function main(): Promise<void> {
  const rooms = Math.max(1, Number(args.rooms));
  const seconds = Math.max(1, Number(args.seconds));
  const workers = Math.max(1, Math.min(rooms, Number(args.workers)));
  const log = (s: string) => !args.json && console.error(s);
  const children: ChildProcess[] = [];
  const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill());
  process.on("exit", cleanup);

  const serverEntry = fileURLToPath(new URL("../server/main.ts", import.meta.url));
  const server = spawn(process.execPath, ["--import", "tsx", serverEntry], {
    // Rooms are measured, not the disk; and a benchmark's rounds are nobody's to keep.
    env: { ...process.env, PORT: String(port), SMOLDER_TRUST_ROOM_SETTINGS: "1", SMOLDER_METRICS: "1", DOTENV_CONFIG_QUIET: "true", DATA_DIR: ":memory:" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(server);
  for (let t = 0; ; t++) {
    if (t > 100) throw new Error("server did not start");
    try {
      await getJson("/healthz");
      break;
    } catch {
      await sleep(100);
    }
  }
  log(`server up on :${port}; starting ${rooms} rooms × ${CLIENTS_PER_ROOM} clients in ${workers} client processes`);

  const reports: Promise<WorkerReport>[] = [];
  const ready: Promise<void>[] = [];
  const self = fileURLToPath(import.meta.url);
  for (let w = 0; w < workers; w++) {
    const first = Math.floor((w * rooms) / workers);
    const count = Math.floor(((w + 1) * rooms) / workers) - first;
    const child = fork(self, ["--worker", "--port", String(port), "--first", String(first), "--count", String(count)], { execArgv: ["--import", "tsx"] });
    children.push(child);
    ready.push(new Promise((res, rej) => {
      child.once("message", (m) => (m === "ready" ? res() : rej(new Error(String(m)))));
      child.once("exit", (code) => rej(new Error(`worker exited ${code}`)));
    }));
    reports.push(new Promise((res) => child.on("message", (m) => typeof m === "object" && res(m as WorkerReport))));
  }
  await Promise.all(ready);
  // Let every countdown run out and the rooms settle into play.
  await sleep(7000);
  log(`all clients joined; measuring ${seconds} s`);

  const before = await getJson<ServerMetrics>("/metrics?reset=1");
  const t0 = performance.now();
  children.slice(1).forEach((c) => c.send("start"));
  await sleep(seconds * 1000);
  children.slice(1).forEach((c) => c.send("stop"));
  const after = await getJson<ServerMetrics>("/metrics?reset=1");
  const wallUs = (performance.now() - t0) * 1000;
  const all = await Promise.all(reports);

  const clients = all.reduce((n, r) => n + r.clients, 0);
  const bytes = all.reduce((n, r) => n + r.bytes, 0);
  const fullBytes = all.reduce((n, r) => n + r.fullJsonBytes, 0);
  const fullClients = all.reduce((n, r) => n + r.fullJsonClients, 0);
  const intervals = all.flatMap((r) => r.intervals);
  const cpuUs = after.cpuUserUs + after.cpuSystemUs - (before.cpuUserUs + before.cpuSystemUs);
  const bytesPerClientPerSec = bytes / clients / seconds;
  const fullJsonBytesPerClientPerSec = fullBytes / fullClients / seconds;
  const result = {
    rooms: before.rooms,
    clients: before.clients,
    cpuPerClientPct: +((100 * cpuUs) / wallUs / clients).toFixed(4),
    tickP50Ms: +after.tickP50Ms.toFixed(3),
    tickP99Ms: +after.tickP99Ms.toFixed(3),
    patchIntervalP99Ms: +percentile(intervals, 99).toFixed(1),
    bytesPerClientPerSec: Math.round(bytesPerClientPerSec),
    fullJsonBytesPerClientPerSec: Math.round(fullJsonBytesPerClientPerSec),
    bytesRatio: +(bytesPerClientPerSec / fullJsonBytesPerClientPerSec).toFixed(4),
  };
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(`${result.rooms} rooms, ${result.clients} clients, ${seconds} s measured (${after.ticks} room ticks)`);
    console.log(`  server CPU per client   ${result.cpuPerClientPct}% of a core (whole server ${((100 * cpuUs) / wallUs).toFixed(1)}%)`);
    console.log(`  tick time               p50 ${result.tickP50Ms} ms, p99 ${result.tickP99Ms} ms (target p99 ≤ 5 ms)`);
    console.log(`  patch interval (client) p50 ${percentile(intervals, 50).toFixed(1)} ms, p99 ${result.patchIntervalP99Ms} ms (target ≤ 60 ms)`);
    console.log(`  bytes per client        ${result.bytesPerClientPerSec} B/s; full-state JSON would be ${result.fullJsonBytesPerClientPerSec} B/s`);
    console.log(`  ratio                   ${(100 * result.bytesRatio).toFixed(2)}% (target ≤ 5%)`);
    console.log(`  (${all.reduce((n, r) => n + r.errors, 0)} intents refused by the rules during the window)`);
  }
  cleanup();
  process.exit(0);
}

if (args.worker) await worker();
else await main();
