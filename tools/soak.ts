// `npm run soak -- --rooms 25 --minutes 10 [--json]`: quick-play rooms of 8 clients playing real
// intents (as tools/bench-worker.ts does) at real speed against a server process of its own,
// for as long as asked; a room whose round ends is left and a new one opened in its place. Then
// everyone leaves. Reports disconnects nobody asked for, errors, and the server's RSS at the
// start, at its peak and once every room has closed.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import { RULE_ERROR_CODES } from "../shared/protocol/index.js";
import { CLIENTS_PER_ROOM, INTENTS_PER_SECOND } from "./bench-load.js";
import { freePort, health, startGameServer } from "./cluster.js";

const { values: args } = parseArgs({
  options: { rooms: { type: "string", default: "25" }, minutes: { type: "string", default: "10" }, json: { type: "boolean", default: false } },
});
const ROOMS = Number(args.rooms);
const MINUTES = Number(args.minutes);
if (!(ROOMS > 0) || !(MINUTES > 0)) {
  console.error("usage: npm run soak -- --rooms N --minutes M [--json]");
  process.exit(2);
}
const say = (line: string) => args.json || console.error(line);

/** The server's resident set in MB, from /proc (Linux). */
function rssMB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

const server = await startGameServer({ port: await freePort(), dataDir: ":memory:", env: { SMOLDER_LOG_LEVEL: "warn", SMOLDER_METRICS: "1" } });
const faults: string[] = [];
server.child.stdout?.on("data", (d: Buffer) => {
  for (const line of d.toString().split("\n")) if (/"level":"(error|fatal)"/.test(line)) faults.push(line.slice(0, 300));
});
const sdk = new Client(`ws://127.0.0.1:${server.port}`);
/** The JavaScript heap in use (GET /metrics): what the server still holds, apart from what V8 and the allocator keep in reserve. */
async function heapMB(): Promise<number> {
  return ((await (await fetch(`${server.url}/metrics`)).json()) as { memory: { heapUsedMB: number } }).memory.heapUsedMB;
}
const rssStart = rssMB(server.pid);
const heapStart = await heapMB();
let rssPeak = rssStart;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMB(server.pid))), 1000);

const stats = { disconnects: 0, errors: 0, ruleRefusals: 0, intents: 0, roundsPlayed: 0, roomsOpened: 0, joinRetries: 0 };
const joinErrors: string[] = [];
const errorCodes: Record<string, number> = {};
const rules = new Set<string>(RULE_ERROR_CODES);
const leaving = new WeakSet<Room>();
let rooms: Room[][] = [];
let stopping = false;

function instrument(room: Room, onEnded: () => void): void {
  room.onMessage("summary", () => undefined);
  room.onMessage("error", (e: { code: string }) => {
    if (rules.has(e.code) || e.code === "not-started" || e.code === "game-over") return void stats.ruleRefusals++;
    stats.errors++;
    errorCodes[e.code] = (errorCodes[e.code] ?? 0) + 1;
  });
  room.onLeave((code) => {
    if (leaving.has(room)) return;
    stats.disconnects++;
    errorCodes[`close ${code}`] = (errorCodes[`close ${code}`] ?? 0) + 1;
  });
  room.onStateChange((state: { stage?: string }) => {
    if (state.stage === "ended") onEnded();
  });
}

/** One room of CLIENTS_PER_ROOM players; when its round ends they leave and another opens. */
async function openRoom(slot: number): Promise<void> {
  stats.roomsOpened++;
  const settings = { scenario: "classic", seed: 5000 + stats.roomsOpened, countdownSeconds: 3, name: `soak-${slot}-0` };
  let ended = false;
  const onEnded = () => {
    if (ended || stopping) return;
    ended = true;
    stats.roundsPlayed++;
    void leaveAll(rooms[slot] ?? []).then(() => {
      if (!stopping) void openRoomRetrying(slot);
    });
  };
  const head = await sdk.create("smolder", settings);
  const members = [head];
  rooms[slot] = members;
  instrument(head, onEnded);
  for (let k = 1; k < CLIENTS_PER_ROOM; k++) {
    const r = await sdk.joinById(head.roomId, { name: `soak-${slot}-${k}` });
    instrument(r, onEnded);
    members.push(r);
  }
}

/**
 * A join that fails (seen once in a 10-minute run: "socket hang up", a keep-alive connection the
 * server closed as the client reused it) is counted and tried again, as a player would; the
 * report lists every such failure.
 */
async function openRoomRetrying(slot: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openRoom(slot);
    } catch (err) {
      stats.joinRetries++;
      joinErrors.push((err as Error).message);
      await leaveAll(rooms[slot] ?? []);
      if (attempt === 4 || stopping) return;
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}

async function leaveAll(members: Room[]): Promise<void> {
  for (const r of members) leaving.add(r);
  await Promise.allSettled(members.map((r) => r.leave()));
}

let seed = 7;
// The high bits: an LCG's low bits repeat with a short period.
const rand = (n: number) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 16) % n;
};
/** Each client, on average INTENTS_PER_SECOND times a second: moves, a step back, or work on a nearby tile. */
function play(): void {
  for (const members of rooms)
    for (const room of members ?? []) {
      if (!room.connection.isOpen || leaving.has(room) || rand(4) !== 0) continue;
      const me = (room.state as { players?: Map<string, { x: number; y: number }> }).players?.get(room.sessionId);
      const tx = me ? Math.floor(me.x / 256) : 0;
      const ty = me ? Math.floor(me.y / 256) : 0;
      const k = rand(10);
      room.send(
        "intent",
        k < 6
          ? { kind: "move", dx: rand(3) - 1, dy: rand(3) - 1 }
          : k < 7
            ? { kind: "stepBack" }
            : { kind: k < 9 ? "extinguish" : "invest", x: Math.max(0, tx + rand(3) - 1), y: Math.max(0, ty + rand(3) - 1) },
      );
      stats.intents++;
    }
}

say(`soak: ${ROOMS} rooms × ${CLIENTS_PER_ROOM} clients for ${MINUTES} min; server RSS ${rssStart} MB`);
for (let slot = 0; slot < ROOMS; slot++) await openRoomRetrying(slot);
const player = setInterval(play, 1000 / (INTENTS_PER_SECOND * 4));
const t0 = Date.now();
const progress = setInterval(
  () =>
    say(
      `${((Date.now() - t0) / 60000).toFixed(1)} min: RSS ${rssMB(server.pid)} MB (peak ${rssPeak}), ${stats.disconnects} disconnects, ${stats.errors} errors, ${stats.roundsPlayed} rounds ended`,
    ),
  30_000,
);
await new Promise((r) => setTimeout(r, MINUTES * 60_000));

stopping = true;
clearInterval(player);
clearInterval(progress);
await Promise.all(rooms.map((members) => leaveAll(members ?? [])));
rooms = [];
// Every room closes once its last client has left (quick play disposes when empty).
const deadline = Date.now() + 30_000;
while ((await health(server)).rooms > 0) {
  if (Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 200));
}
const roomsLeft = (await health(server)).rooms;
// Memory after the last room: the lowest of ten samples a second apart (the collector runs when it will).
const after: number[] = [];
const heapAfter: number[] = [];
for (let i = 0; i < 10; i++) {
  after.push(rssMB(server.pid));
  heapAfter.push(await heapMB());
  await new Promise((r) => setTimeout(r, 1000));
}
clearInterval(sampler);
const rssAfter = Math.min(...after);
const report = {
  rooms: ROOMS,
  clientsPerRoom: CLIENTS_PER_ROOM,
  minutes: MINUTES,
  roomsOpened: stats.roomsOpened,
  roundsEnded: stats.roundsPlayed,
  intentsSent: stats.intents,
  disconnects: stats.disconnects,
  errors: stats.errors + faults.length,
  joinRetries: stats.joinRetries,
  joinErrors: joinErrors.slice(0, 5),
  errorCodes,
  serverFaults: faults.slice(0, 5),
  ruleRefusals: stats.ruleRefusals,
  roomsLeftAfter: roomsLeft,
  rssStartMB: rssStart,
  rssPeakMB: rssPeak,
  rssAfterMB: rssAfter,
  rssAfterVsStartPct: Math.round(((rssAfter - rssStart) / rssStart) * 1000) / 10,
  heapUsedStartMB: heapStart,
  heapUsedAfterMB: Math.min(...heapAfter),
};
await server.stop();
console.log(JSON.stringify(report, null, args.json ? undefined : 2));
process.exit(0);
