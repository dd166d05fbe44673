// A client process of the server benchmarks (forked by tools/bench-load.ts startLoad):
// plays `count` rooms from room `first` on, 8 colyseus.js clients each, and reports what its
// clients received during the measured window, and what changed in its first room's state.
//   --endpoints http://127.0.0.1:2590[,http://127.0.0.1:2591…] --first F --count C
//   [--room smolder --options '{"scenario":"classic",...}']
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import { CLIENTS_PER_ROOM, type ChangeCounts, INTENTS_PER_SECOND, noChanges, PLAYER_FIELDS, SMOLDER_ROOM, type WorkerReport } from "./bench-load.js";

const { values: args } = parseArgs({
  options: {
    endpoints: { type: "string", default: "http://127.0.0.1:2590" },
    first: { type: "string", default: "0" },
    count: { type: "string", default: "0" },
    room: { type: "string", default: SMOLDER_ROOM.name },
    options: { type: "string", default: JSON.stringify(SMOLDER_ROOM.options) },
  },
});
const roomOptions = JSON.parse(args.options) as Record<string, unknown>;
const first = Number(args.first);
const count = Number(args.count);
const clients = args.endpoints.split(",").map((url) => new Client(url));
/** The matchmaking front door for client k of room r: round robin over the processes. */
const clientFor = (r: number, k: number) => clients[(r * CLIENTS_PER_ROOM + k) % clients.length]!;

let measuring = false;
const report: WorkerReport = { clients: 0, bytes: 0, fullJsonBytes: 0, fullJsonClients: 0, intervals: [], errors: 0, changes: noChanges() };
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

/** The synced state as far as sampling needs it. */
interface SampledState {
  tick: number;
  heat: Iterable<number>;
  guard: Iterable<number>;
  dust: Iterable<number>;
  risk: Iterable<number>;
  players: { forEach(fn: (p: Record<string, unknown>, key: string) => void): void };
}

/** Counts, patch to patch, the entries that changed in one room's state (ChangeCounts). */
function sampleChanges(room: Room): void {
  const last = { tick: -1, heat: [] as number[], guard: [] as number[], dust: [] as number[], risk: [] as number[], players: new Map<string, unknown[]>() };
  const diff = (a: readonly number[], b: readonly number[]) => {
    let n = Math.abs(a.length - b.length);
    for (let i = 0, end = Math.min(a.length, b.length); i < end; i++) if (a[i] !== b[i]) n++;
    return n;
  };
  room.onStateChange((raw) => {
    const state = raw as unknown as SampledState;
    const now = { heat: [...state.heat], guard: [...state.guard], dust: [...state.dust], risk: [...state.risk] };
    const c: ChangeCounts = report.changes;
    if (measuring && last.tick >= 0 && state.tick > last.tick) {
      const ticks = state.tick - last.tick;
      c.ticks += ticks;
      if (now.risk.length > 0) c.revealedTicks += ticks;
      c.heat += diff(last.heat, now.heat);
      c.guard += diff(last.guard, now.guard);
      c.dust += diff(last.dust, now.dust);
      // Filling or emptying the risk array is the reveal itself (counted in revealedTicks).
      if (last.risk.length > 0 && now.risk.length > 0) c.risk += diff(last.risk, now.risk);
      c.tiles = now.heat.length;
    }
    state.players.forEach((p, key) => {
      const fields = PLAYER_FIELDS.map((f) => p[f]);
      const before = last.players.get(key);
      if (measuring && last.tick >= 0 && before) PLAYER_FIELDS.forEach((f, i) => fields[i] !== before[i] && c.players[f]++);
      last.players.set(key, fields);
    });
    Object.assign(last, now, { tick: state.tick });
  });
}

try {
  for (let r = first; r < first + count; r++) {
    const settings = { ...roomOptions, seed: 1000 + r, name: `bench-${r}-0` };
    const head = await clientFor(r, 0).create(args.room, settings);
    head.onMessage("*", () => {});
    rooms.push(head);
    for (let k = 1; k < CLIENTS_PER_ROOM; k++) {
      const room = await clientFor(r, k).joinById(head.roomId, { name: `bench-${r}-${k}` });
      room.onMessage("*", () => {});
      rooms.push(room);
    }
  }
} catch (err) {
  // Told to the benchmark, which stops: e.g. a machine so busy that a room's round ended before all its clients joined.
  process.send!(`client worker ${first}..${first + count - 1}: ${(err as Error).message}`, () => process.exit(1));
  await new Promise(() => {});
}
rooms.forEach((room, i) => instrument(room, i % CLIENTS_PER_ROOM === 0));
if (rooms[0]) sampleChanges(rooms[0]);
report.clients = rooms.length;
report.fullJsonClients = rooms.length / CLIENTS_PER_ROOM;

// Each client plays: random moves, now and then a step back or an action on a nearby tile.
let seed = first * 7919 + 1;
const rand = (n: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n;
const play = setInterval(
  () => {
    for (const room of rooms) {
      if (rand(4) !== 0) continue; // spread the sends over the interval
      const me = (room.state as { players?: Map<string, { x: number; y: number }> }).players?.get(room.sessionId);
      const tx = me ? Math.floor(me.x / 256) : 0;
      const ty = me ? Math.floor(me.y / 256) : 0;
      const k = rand(10);
      const intent =
        k < 6
          ? { kind: "move", dx: rand(3) - 1, dy: rand(3) - 1 }
          : k < 7
            ? { kind: "stepBack" }
            : { kind: k < 9 ? "extinguish" : "invest", x: Math.max(0, tx + rand(3) - 1), y: Math.max(0, ty + rand(3) - 1) };
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
    report.changes = noChanges();
    measuring = true;
  } else if (msg === "stop") {
    measuring = false;
    clearInterval(play);
    process.send!(report);
    await Promise.allSettled(rooms.map((r) => r.leave()));
    process.exit(0);
  }
});
// The benchmark is gone (finished, or stopped with ^C): so is this worker.
process.on("disconnect", () => process.exit(0));
process.send!("ready");
