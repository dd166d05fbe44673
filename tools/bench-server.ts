// npm run bench:server [-- --rooms R] [--seconds S] [--workers W] [--json] [--patch-on-tick]
// Starts the game server in its own process and R rooms × 8 playing clients (colyseus.js) in
// W client processes, measures for S seconds and prints: server CPU per client, tick time
// p50/p99, patch interval p99 seen by clients and as the server sent the patches, bytes
// received per client per second, and the
// bytes a plain full-state JSON broadcast of the same states would take.
// Then, in the same run, the reference: R bare Colyseus rooms of the same shape (the same grid,
// as many state entries changed per tick as the game rooms changed, 8 clients playing the same
// way, the same tick and patch rate, no rules; tools/bench-bare-room.ts) in their own server
// process, measured the same way and printed beside the game rooms. --patch-on-tick is an
// experiment: the bare rooms send each patch right after their tick instead of on Colyseus's
// patch timer, to see what that would do to the patch interval.
// The load and the measurement are shared with bench:scale (tools/bench-load.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SCENARIOS } from "../shared/index.js";
import { BARE_ROOM_NAME, type BareShape } from "./bench-bare-room.js";
import { CLIENTS_PER_ROOM, type ChangeCounts, cpuPerClientPct, PLAYER_FIELDS, type Load, measureWindow, sleep, startLoad, type Window } from "./bench-load.js";
import { type GameServer, startGameServer } from "./cluster.js";

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    workers: { type: "string", default: "4" },
    port: { type: "string", default: "2590" },
    json: { type: "boolean", default: false },
    "patch-on-tick": { type: "boolean", default: false },
  },
});

const rooms = Math.max(1, Number(args.rooms));
const seconds = Math.max(1, Number(args.seconds));
const workers = Math.max(1, Math.min(rooms, Number(args.workers)));
const port = Number(args.port);
const log = (s: string) => !args.json && console.error(s);
// The load's rooms play classic (tools/bench-load.ts SMOLDER_ROOM) at its own tick.
const classic = SCENARIOS.classic!;
const tickIntervalMs = 1000 / classic.tickRate;

/** The bare rooms' shape: the game rooms' grid and tick, and their measured changes per tick. */
function shapeOf(c: ChangeCounts): BareShape {
  const perTick = (n: number, ticks: number) => (ticks > 0 ? n / ticks : 0);
  return {
    width: classic.grid.width,
    height: classic.grid.height,
    tickMs: tickIntervalMs,
    heat: perTick(c.heat, c.ticks),
    guard: perTick(c.guard, c.ticks),
    dust: perTick(c.dust, c.ticks),
    risk: perTick(c.risk, c.revealedTicks),
    revealedShare: perTick(c.revealedTicks, c.ticks),
    players: Object.fromEntries(PLAYER_FIELDS.map((f) => [f, perTick(c.players[f], c.ticks)])) as BareShape["players"],
  };
}

/** tools/bench-bare-server.ts in its own process, started and watched as the game server is. */
async function startBareServer(bindPort: number): Promise<GameServer> {
  const entry = fileURLToPath(new URL("./bench-bare-server.ts", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, PORT: String(bindPort) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const add = (d: Buffer) => void (out = (out + d.toString()).slice(-20_000));
  child.stdout!.on("data", add);
  child.stderr!.on("data", add);
  const url = `http://127.0.0.1:${bindPort}`;
  const server: GameServer = {
    port: bindPort,
    pid: child.pid!,
    url,
    child,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return new Promise((r) => child.once("exit", (code) => r(code)));
    },
  };
  process.once("exit", () => child.exitCode === null && child.kill("SIGKILL"));
  for (let t = 0; ; t++) {
    if (child.exitCode !== null) throw new Error(`bare server on ${bindPort} exited with ${child.exitCode}:\n${out}`);
    if (t > 300) {
      await server.stop("SIGKILL");
      throw new Error(`bare server on ${bindPort} did not answer /healthz:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}

/** One measured window against `server`, the load stopped afterwards whatever happens. */
async function measure(server: GameServer, start: () => Promise<Load>): Promise<Window> {
  const load = await start();
  try {
    log(`all clients joined; measuring ${seconds} s`);
    return await measureWindow([server], load, seconds);
  } finally {
    load.kill();
  }
}

let server: GameServer | undefined;
let bare: GameServer | undefined;
try {
  // Rooms are measured, not the disk; and a benchmark's rounds are nobody's to keep.
  server = await startGameServer({ port, dataDir: ":memory:", env: { SMOLDER_METRICS: "1" } });
  log(`game server up on :${server.port}; starting ${rooms} rooms × ${CLIENTS_PER_ROOM} clients in ${workers} client processes`);
  const game = await measure(server, () => startLoad({ endpoints: [server!.url], rooms, workers }));
  await server.stop();
  server = undefined;

  const shape = { ...shapeOf(game.clients.changes), patchOnTick: args["patch-on-tick"] };
  bare = await startBareServer(port + 1);
  log(`bare server up on :${bare.port}; the same load on ${rooms} bare rooms of the game rooms' shape`);
  const reference = await measure(bare, () => startLoad({ endpoints: [bare!.url], rooms, workers, room: { name: BARE_ROOM_NAME, options: { ...shape } } }));

  const p = game.processes[0]!;
  const c = game.clients;
  const bp = reference.processes[0]!;
  const bc = reference.clients;
  const cpu = cpuPerClientPct(game);
  const bareCpu = cpuPerClientPct(reference);
  const tiles = shape.width * shape.height;
  const result = {
    rooms: p.rooms,
    clients: p.clients,
    cpuPerClientPct: cpu,
    tickP50Ms: +p.tickP50Ms.toFixed(3),
    tickP99Ms: +p.tickP99Ms.toFixed(3),
    patchIntervalP99Ms: c.patchIntervalP99Ms,
    sentPatchIntervalP99Ms: +p.sentPatchIntervalP99Ms.toFixed(3),
    bytesPerClientPerSec: c.bytesPerClientPerSec,
    fullJsonBytesPerClientPerSec: c.fullJsonBytesPerClientPerSec,
    bytesRatio: c.bytesRatio,
    tickIntervalMs,
    bareCpuPerClientPct: bareCpu,
    cpuRatioToBare: bareCpu > 0 ? +(cpu / bareCpu).toFixed(2) : null,
    bareTickP99Ms: +bp.tickP99Ms.toFixed(3),
    barePatchIntervalP99Ms: bc.patchIntervalP99Ms,
    bareSentPatchIntervalP99Ms: +bp.sentPatchIntervalP99Ms.toFixed(3),
    bareBytesPerClientPerSec: bc.bytesPerClientPerSec,
    /** The shape both measured: per tick, the share of tiles whose heat, guard or dust entry
     *  changed, risk entries changed while revealed, the share of ticks revealed, player fields. */
    shape: {
      tileChangesPct: +((100 * (shape.heat + shape.guard + shape.dust)) / tiles).toFixed(3),
      riskChangesPerRevealedTick: +shape.risk.toFixed(1),
      revealedPct: +(100 * shape.revealedShare).toFixed(1),
      playerFieldsPerTick: +PLAYER_FIELDS.reduce((n, f) => n + shape.players[f], 0).toFixed(2),
    },
  };
  if (args.json) console.log(JSON.stringify(result));
  else {
    const ms = (n: number) => `${+n.toFixed(3)} ms`;
    const row = (label: string, a: string, b: string, note = "") => console.log(`  ${label.padEnd(26)}${a.padEnd(22)}${b.padEnd(22)}${note}`);
    console.log(`${result.rooms} rooms, ${result.clients} clients, ${seconds} s measured each (${p.ticks} game room ticks, ${bp.ticks} bare)`);
    console.log(
      `  shape: ${shape.width}×${shape.height} tiles, a ${tickIntervalMs} ms tick; per tick ${result.shape.tileChangesPct}% of tiles changed, ` +
        `${result.shape.riskChangesPerRevealedTick} risk entries while revealed (${result.shape.revealedPct}% of ticks), ${result.shape.playerFieldsPerTick} player fields`,
    );
    row("", "game rooms", shape.patchOnTick ? "bare, patch on tick" : "bare rooms");
    row(
      "server CPU per client",
      `${cpu}% of a core`,
      `${bareCpu}%`,
      `${result.cpuRatioToBare ?? "?"}× the bare room (target ≤ 2×); whole server ${p.cpuPct.toFixed(1)}% vs ${bp.cpuPct.toFixed(1)}%`,
    );
    row("tick time p50", ms(p.tickP50Ms), ms(bp.tickP50Ms));
    row("tick time p99", ms(p.tickP99Ms), ms(bp.tickP99Ms), "(target ≤ 2 ms)");
    row("patch interval p50", ms(c.patchIntervalP50Ms), ms(bc.patchIntervalP50Ms));
    row("patch interval p99", ms(c.patchIntervalP99Ms), ms(bc.patchIntervalP99Ms), `(target ≤ ${1.25 * tickIntervalMs} ms: 1.25 ticks)`);
    row("  as sent, p50", ms(p.sentPatchIntervalP50Ms), ms(bp.sentPatchIntervalP50Ms), "(the server's own cadence, before the network");
    row("  as sent, p99", ms(p.sentPatchIntervalP99Ms), ms(bp.sentPatchIntervalP99Ms), " and the client processes on the same cores)");
    row(
      "bytes per client",
      `${c.bytesPerClientPerSec} B/s`,
      `${bc.bytesPerClientPerSec} B/s`,
      `full-state JSON would be ${c.fullJsonBytesPerClientPerSec} B/s`,
    );
    console.log(`  ratio to full JSON        ${(100 * c.bytesRatio).toFixed(2)}% (target ≤ 5%)`);
    console.log(`  (${c.errors} intents refused by the rules during the game rooms' window)`);
  }
} finally {
  await server?.stop();
  await bare?.stop();
}
process.exit(0);
