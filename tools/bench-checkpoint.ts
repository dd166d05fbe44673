// npm run bench:checkpoint [-- --json] [--rooms 50] [--minutes 2] [--postgres URL]
// What writing rounds down as they play costs, beside what playing them costs, in the same run:
// ROOMS workshop rounds (4 human-paced bots each) are stepped together through MINUTES of
// rounds time, each room checkpointing once a second of rounds time into one store (a SQLite file
// by default, as the embedded server keeps; PostgreSQL with --postgres). Then a restore: every
// round in progress read back from the store and rebuilt to its hash, as a server starting does.
//
// The rooms' own CPU here is the rules, the bots, the state sync and patch encoding, as a room
// does each tick, without the network: the share printed is an upper bound of a real room's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { Checkpointer, rebuildRound } from "../server/hosting/checkpoints.js";
import { PostgresSessionStore } from "../server/storage/postgres.js";
import { SqliteSessionStore } from "../server/storage/sqlite.js";
import type { SessionStore } from "../server/storage/store.js";
import { addPlayer, type BotKind, createGame, type GameState, type LogEntry, SCENARIOS, step } from "../shared/index.js";
import { runBots } from "../shared/bots/run.js";
import { Encoder } from "@colyseus/schema";
import { StateSync } from "../server/rooms/sync.js";
import { HostedState } from "../server/schema/HostedState.js";

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    rooms: { type: "string", default: "50" },
    minutes: { type: "string", default: "2" },
    postgres: { type: "string" },
  },
});
const ROOMS = Math.max(1, Number(args.rooms) || 50);
const MINUTES = Math.max(0.5, Number(args.minutes) || 2);
const scenario = SCENARIOS.workshop!;
const TEAM: BotKind[] = ["hero", "balanced", "preventer", "firefighter"];
/** As hosted rooms fill empty seats: a decision every half second. */
const PACE = 2;

const dir = mkdtempSync(join(tmpdir(), "smolder-bench-checkpoint-"));
const store: SessionStore = args.postgres ? await PostgresSessionStore.open(args.postgres) : new SqliteSessionStore(join(dir, "smolder.db"));

interface Room {
  /** The room's own work besides the rules: the synced state, and the patch it encodes each tick. */
  schema: HostedState;
  sync: StateSync;
  encoder: Encoder;
  sessionId: string;
  code: string;
  round: number;
  game: GameState;
  log: LogEntry[];
  room: unknown;
  cp: Checkpointer;
}

// Bytes handed to the store, counted outside what is measured: counting is a second stringify
// the server itself never does, so its CPU is taken off the checkpoints' own.
let bytes = 0;
let countingUs = 0;
const save = store.saveCheckpoint.bind(store);
store.saveCheckpoint = (w) => {
  const c = process.cpuUsage();
  bytes += JSON.stringify(w.entries).length + JSON.stringify(w.room).length + (w.snapshot ? JSON.stringify(w.snapshot).length : 0);
  const used = process.cpuUsage(c);
  countingUs += used.user + used.system;
  return save(w);
};

const rooms: Room[] = [];
for (let i = 0; i < ROOMS; i++) {
  const sessionId = randomUUID();
  await store.saveSession({ id: sessionId, kind: "room", hostHash: "b".repeat(64), code: `R${String(i).padStart(5, "0")}`, createdAt: Date.now() });
  const game = createGame(scenario, 1000 + i);
  const log: LogEntry[] = [];
  TEAM.forEach((bot, seat) => {
    const join = { name: `${bot}-${seat + 1}`, bot, pace: PACE };
    addPlayer(game, join);
    log.push({ tick: 0, seat, join });
  });
  const schema = new HostedState();
  const room: Room = {
    schema,
    sync: new StateSync(schema),
    encoder: new Encoder(schema),
    sessionId,
    code: `R${String(i).padStart(5, "0")}`,
    round: 1,
    game,
    log,
    // What a hosted room keeps beside the rules: settings and who sits where.
    room: {
      settings: { scenario: scenario.id, board: "praise", hostDrop: "pause" },
      seats: game.players.map((p, seat) => ({ seat, name: p.name, device: `device-${seat}`, key: `key-${seat}` })),
      stage: "playing",
    },
    cp: undefined as unknown as Checkpointer,
  };
  room.cp = new Checkpointer(store, () => room, { failed: (err) => console.error("checkpoint failed", err) });
  rooms.push(room);
}

const ticks = Math.min(Math.round(MINUTES * 60 * scenario.tickRate), scenario.durationSeconds * scenario.tickRate - 1);
let rulesNs = 0n;
let syncNs = 0n;
const KEYS = TEAM.map((_, seat) => `key-${seat}`);
let checkpointNs = 0n;
let checkpointCpuUs = 0;
for (let t = 0; t < ticks; t++) {
  const a = process.hrtime.bigint();
  for (const r of rooms) {
    for (const m of runBots(r.game)) r.log.push({ tick: r.game.tick, seat: m.seat, intent: m.intent });
    step(r.game);
  }
  const synced = process.hrtime.bigint();
  rulesNs += synced - a;
  for (const r of rooms) {
    r.sync.publish(r.game, KEYS, () => "playing");
    r.encoder.encode();
    r.encoder.discardChanges();
  }
  const b = process.hrtime.bigint();
  syncNs += b - synced;
  // Once a second of rounds time, each room writes (rooms spread over the second, as real ones are).
  const writing = rooms.filter((_, i) => (t + i) % scenario.tickRate === 0);
  if (writing.length) {
    const cpu = process.cpuUsage();
    await Promise.all(writing.map((r) => r.cp.save()));
    checkpointNs += process.hrtime.bigint() - b;
    const used = process.cpuUsage(cpu);
    checkpointCpuUs += used.user + used.system;
  }
}
const roomMinutes = (ROOMS * ticks) / scenario.tickRate / 60;
const writes = rooms.reduce((n, r) => n + r.cp.writes, 0);

// A server starting on this store: every round in progress back, rebuilt and checked.
const r0 = process.hrtime.bigint();
const stored = await store.listCheckpoints();
const read = process.hrtime.bigint();
let restored = 0;
for (const cp of stored) if (rebuildRound(cp, scenario, rooms.find((r) => r.sessionId === cp.sessionId)!.game.seed).ok) restored++;
const r1 = process.hrtime.bigint();
await store.close();
rmSync(dir, { recursive: true, force: true });

const ms = (ns: bigint) => Number(ns) / 1e6;
const figures = {
  store: args.postgres ? "postgres" : "sqlite",
  rooms: ROOMS,
  roundsSecondsPerRoom: ticks / scenario.tickRate,
  writes,
  rulesMsPerRoomMinute: +(ms(rulesNs) / roomMinutes).toFixed(1),
  syncMsPerRoomMinute: +(ms(syncNs) / roomMinutes).toFixed(1),
  checkpointMsPerRoomMinute: +(ms(checkpointNs) / roomMinutes).toFixed(1),
  checkpointCpuMsPerRoomMinute: +((checkpointCpuUs - countingUs) / 1000 / roomMinutes).toFixed(1),
  /** Of the room's own work measured here (rules, bots, sync, patch encoding; no network, so an upper bound). */
  checkpointShareOfRoomCpuPct: +((100 * (checkpointCpuUs - countingUs) * 1000) / Number(rulesNs + syncNs)).toFixed(2),
  kbPerRoomMinute: +(bytes / 1024 / roomMinutes).toFixed(1),
  restoreRooms: restored,
  restoreReadMs: +ms(read - r0).toFixed(0),
  restoreRebuildMs: +ms(r1 - read).toFixed(0),
  restoreMsPerRoom: +(ms(r1 - r0) / stored.length).toFixed(1),
};
if (args.json) console.log(JSON.stringify(figures));
else {
  console.log(`${ROOMS} rooms × ${figures.roundsSecondsPerRoom} s of the workshop round, 4 bots each, checkpointed into ${figures.store}`);
  console.log(`  playing (rules + bots):  ${figures.rulesMsPerRoomMinute} ms of CPU per room-minute; sync and patches ${figures.syncMsPerRoomMinute} ms`);
  console.log(
    `  checkpointing:           ${figures.checkpointMsPerRoomMinute} ms per room-minute, ${figures.checkpointCpuMsPerRoomMinute} ms of it CPU (${figures.checkpointShareOfRoomCpuPct}% of the room's own work), ${figures.kbPerRoomMinute} KB per room-minute`,
  );
  console.log(
    `  restore of ${stored.length} rounds:   ${figures.restoreReadMs} ms reading, ${figures.restoreRebuildMs} ms rebuilding (${figures.restoreMsPerRoom} ms a room), ${restored} rebuilt to their hash`,
  );
}
if (restored !== stored.length || stored.length !== ROOMS) process.exitCode = 1;
