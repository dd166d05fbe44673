// What the server benchmarks share (tools/bench-server.ts, tools/bench-scale.ts): R rooms ×
// 8 playing colyseus.js clients in W client processes (tools/bench-worker.ts), a measured
// window, and what each server process did in it: CPU (from /proc, or the process's own
// /metrics), tick time and the clients and rooms it held.
import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GameServer } from "./cluster.js";

export const CLIENTS_PER_ROOM = 8;
/** A busy person: a key change or a click twice a second. */
export const INTENTS_PER_SECOND = 2;
/** Rooms count down 5 s; then the rounds settle into play before the window opens. */
export const SETTLE_MS = 7000;

/**
 * What changed in the synced state of one room per worker, patch to patch, over the window:
 * the shape a bare room reproduces (tools/bench-bare-room.ts). Entries are counted where
 * they differ from the previous patch; risk only while it stays revealed.
 */
export interface ChangeCounts {
  /** Rules ticks the sampled rooms advanced. */
  ticks: number;
  /** Of those, ticks with hidden risk revealed (the risk array filled). */
  revealedTicks: number;
  heat: number;
  guard: number;
  dust: number;
  risk: number;
  /** Players' entries, by field (position, energy, action, ...). */
  players: Record<PlayerField, number>;
  /** Tiles in the grid (the per-tile arrays' length). */
  tiles: number;
}

/** The fields of a player's entry that change in play (server/schema/PlayerState.ts). */
export const PLAYER_FIELDS = ["status", "x", "y", "dirX", "dirY", "sprint", "energy", "burnout", "action", "actionTile", "praise"] as const;
export type PlayerField = (typeof PLAYER_FIELDS)[number];

export const noChanges = (): ChangeCounts => ({
  ticks: 0,
  revealedTicks: 0,
  heat: 0,
  guard: 0,
  dust: 0,
  risk: 0,
  players: Object.fromEntries(PLAYER_FIELDS.map((f) => [f, 0])) as Record<PlayerField, number>,
  tiles: 0,
});

function addChanges(sum: ChangeCounts, c: ChangeCounts): ChangeCounts {
  for (const k of ["ticks", "revealedTicks", "heat", "guard", "dust", "risk"] as const) sum[k] += c[k];
  for (const f of PLAYER_FIELDS) sum.players[f] += c.players[f];
  sum.tiles = Math.max(sum.tiles, c.tiles);
  return sum;
}

/** What a worker reports for its clients over the measured window. */
export interface WorkerReport {
  clients: number;
  bytes: number;
  fullJsonBytes: number;
  fullJsonClients: number;
  intervals: number[];
  /** "error" messages received (rules refusals of the random intents, mostly). */
  errors: number;
  changes: ChangeCounts;
}

/** The room each group of 8 clients creates and joins, and its options (a seed and a name are added per room). */
export interface LoadRoom {
  name: string;
  options: Record<string, unknown>;
}

/** Quick play's room on the classic scenario, with a short countdown (trusted settings). */
export const SMOLDER_ROOM: LoadRoom = { name: "smolder", options: { scenario: "classic", countdownSeconds: 5 } };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  return (await res.json()) as T;
}

/** GET /metrics of a server started with SMOLDER_METRICS=1 (server/metrics.ts). */
export interface ServerMetrics {
  ticks: number;
  tickP50Ms: number;
  tickP99Ms: number;
  /** The gaps between a room's patches as the server sent them (absent on older servers). */
  patchIntervalP50Ms?: number;
  patchIntervalP99Ms?: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rooms: number;
  clients: number;
}

let clockTicks: number | undefined;
/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null where there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    clockTicks ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** The clients playing: started, told to measure, asked for their reports. */
export interface Load {
  /** Opens the measured window in every worker. */
  start(): void;
  /** Closes it; the workers report, leave their rooms and exit. */
  stop(): Promise<WorkerReport[]>;
  kill(): void;
}

/**
 * R rooms × 8 clients in W worker processes. Client k of room r sends its matchmaking
 * request to endpoints[(r·8 + k) mod n], as a load balancer in front of n processes would;
 * the room itself lands where Colyseus puts it, and each socket goes to that process.
 */
export async function startLoad(opts: { endpoints: string[]; rooms: number; workers: number; room?: LoadRoom }): Promise<Load> {
  const room = opts.room ?? SMOLDER_ROOM;
  const workers = Math.max(1, Math.min(opts.rooms, opts.workers));
  const entry = fileURLToPath(new URL("./bench-worker.ts", import.meta.url));
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const reports: Promise<WorkerReport>[] = [];
  for (let w = 0; w < workers; w++) {
    const first = Math.floor((w * opts.rooms) / workers);
    const count = Math.floor(((w + 1) * opts.rooms) / workers) - first;
    const child = fork(
      entry,
      [
        "--endpoints",
        opts.endpoints.join(","),
        "--first",
        String(first),
        "--count",
        String(count),
        "--room",
        room.name,
        "--options",
        JSON.stringify(room.options),
      ],
      { execArgv: ["--import", "tsx"] },
    );
    children.push(child);
    ready.push(
      new Promise((res, rej) => {
        child.once("message", (m) => (m === "ready" ? res() : rej(new Error(String(m)))));
        child.once("exit", (code) => rej(new Error(`client worker exited with ${code}`)));
      }),
    );
    reports.push(new Promise((res) => child.on("message", (m) => typeof m === "object" && res(m as WorkerReport))));
  }
  const kill = () => children.forEach((c) => c.exitCode === null && c.kill());
  try {
    await Promise.all(ready);
  } catch (err) {
    kill();
    throw err;
  }
  return {
    start: () => children.forEach((c) => c.send("start")),
    stop: async () => {
      children.forEach((c) => c.send("stop"));
      return Promise.all(reports);
    },
    kill,
  };
}

/** What the clients saw in the window, all workers together. */
export interface ClientSummary {
  clients: number;
  bytesPerClientPerSec: number;
  fullJsonBytesPerClientPerSec: number;
  bytesRatio: number;
  patchIntervalP50Ms: number;
  patchIntervalP99Ms: number;
  errors: number;
  /** The sampled rooms' changes, all workers together. */
  changes: ChangeCounts;
}

export function summariseClients(reports: readonly WorkerReport[], seconds: number): ClientSummary {
  const clients = reports.reduce((n, r) => n + r.clients, 0);
  const bytes = reports.reduce((n, r) => n + r.bytes, 0);
  const fullBytes = reports.reduce((n, r) => n + r.fullJsonBytes, 0);
  const fullClients = reports.reduce((n, r) => n + r.fullJsonClients, 0);
  const intervals = reports.flatMap((r) => r.intervals);
  const bytesPerClientPerSec = bytes / clients / seconds;
  const fullJsonBytesPerClientPerSec = fullBytes / fullClients / seconds;
  return {
    clients,
    bytesPerClientPerSec: Math.round(bytesPerClientPerSec),
    fullJsonBytesPerClientPerSec: Math.round(fullJsonBytesPerClientPerSec),
    bytesRatio: +(bytesPerClientPerSec / fullJsonBytesPerClientPerSec).toFixed(4),
    patchIntervalP50Ms: +percentile(intervals, 50).toFixed(1),
    patchIntervalP99Ms: +percentile(intervals, 99).toFixed(1),
    errors: reports.reduce((n, r) => n + r.errors, 0),
    changes: reports.reduce((sum, r) => addChanges(sum, r.changes), noChanges()),
  };
}

/** One server process over the window. */
export interface ProcessFigures {
  port: number;
  rooms: number;
  clients: number;
  /** % of one core over the window. */
  cpuPct: number;
  ticks: number;
  tickP50Ms: number;
  tickP99Ms: number;
  /** The gaps between a room's patches as this process sent them, before any network or client delay. */
  sentPatchIntervalP50Ms: number;
  sentPatchIntervalP99Ms: number;
}

export interface Window {
  seconds: number;
  processes: ProcessFigures[];
  /** % of one core used by each extra process watched (Redis), in the order given; null without /proc. */
  others: (number | null)[];
  clients: ClientSummary;
}

/**
 * Lets the rooms settle, then measures `seconds`: each server's CPU (/proc where there is one,
 * else its own /metrics), its tick percentiles, rooms and clients; the extra pids' CPU; what
 * the clients received.
 */
export async function measureWindow(servers: readonly GameServer[], load: Load, seconds: number, otherPids: readonly number[] = []): Promise<Window> {
  await sleep(SETTLE_MS);
  const metrics = (s: GameServer) => getJson<ServerMetrics>(`${s.url}/metrics?reset=1`);
  const cpuOf = (s: GameServer, m: ServerMetrics) => cpuSeconds(s.pid) ?? (m.cpuUserUs + m.cpuSystemUs) / 1e6;
  const before = await Promise.all(servers.map(metrics));
  const cpu0 = servers.map((s, i) => cpuOf(s, before[i]!));
  const other0 = otherPids.map(cpuSeconds);
  const t0 = performance.now();
  load.start();
  await sleep(seconds * 1000);
  const reports = await load.stop();
  const wall = (performance.now() - t0) / 1000;
  const after = await Promise.all(servers.map(metrics));
  const cpu1 = servers.map((s, i) => cpuOf(s, after[i]!));
  const other1 = otherPids.map(cpuSeconds);
  return {
    seconds,
    processes: servers.map((s, i) => ({
      port: s.port,
      rooms: before[i]!.rooms,
      clients: before[i]!.clients,
      cpuPct: (100 * (cpu1[i]! - cpu0[i]!)) / wall,
      ticks: after[i]!.ticks,
      tickP50Ms: after[i]!.tickP50Ms,
      tickP99Ms: after[i]!.tickP99Ms,
      sentPatchIntervalP50Ms: after[i]!.patchIntervalP50Ms ?? 0,
      sentPatchIntervalP99Ms: after[i]!.patchIntervalP99Ms ?? 0,
    })),
    others: otherPids.map((_, i) => (other0[i] == null || other1[i] == null ? null : (100 * (other1[i]! - other0[i]!)) / wall)),
    clients: summariseClients(reports, seconds),
  };
}

/** Server CPU per connected client, % of one core (all server processes, plus `extraPct`). */
export function cpuPerClientPct(w: Window, extraPct = 0): number {
  const cpu = w.processes.reduce((n, p) => n + p.cpuPct, 0) + extraPct;
  const clients = w.processes.reduce((n, p) => n + p.clients, 0);
  return +(cpu / clients).toFixed(4);
}
