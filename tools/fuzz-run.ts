// Runs the fuzz against a real server process (tools/cluster.ts startGameServer): a quick-play
// room, a hosted room (fuzzed by a player and by its host) and a workshop (by a participant and
// its facilitator), each with a bystander who sends nothing. Passes when the process lives, the
// bystanders keep receiving patches at about the tick rate, nothing is logged as a fault, and
// the rules' invariants hold in every state the bystanders see.
import { Client, type Room } from "colyseus.js";
import { getScenario } from "../shared/index.js";
import { MAX_ROUND_SEATS, WORKSHOP_COMMANDS } from "../shared/protocol/index.js";
import { freePort, type GameServer, startGameServer } from "./cluster.js";
import { type FuzzOptions, messageFrame, nextItem, prng, QUIET_HOST_COMMANDS, type Rng } from "./fuzz-gen.js";

export interface FuzzReport {
  seed: number;
  messages: number;
  rawFrames: number;
  reconnects: number;
  crashes: number;
  invariantBreaks: number;
  /** Patches a second each bystander received while the fuzz ran (ticks are 20 a second). */
  patchesPerSecond: { quickPlay: number; hosted: number };
  seconds: number;
  /** The first few faults and broken invariants, to reproduce from. */
  problems: string[];
}

/** Rounds tick every 50 ms: 20 ticks, so 20 patches, a second. */
export const FUZZ_TICK_MS = 50;

interface Fuzzer {
  name: string;
  rng: Rng;
  room: Room;
  options: FuzzOptions;
  revive(): Promise<Room>;
}

const quiet = <T extends Room>(room: T): T => {
  room.onMessage("*", () => undefined);
  return room;
};

/** The state a client sees, as far as the checks below read it. */
interface SeenState {
  scenario: string;
  width: number;
  ax: number;
  ay: number;
  side: number;
  value: number;
  heat: ArrayLike<number>;
  guard: ArrayLike<number>;
  players: Map<string, { seat: number; x: number; y: number; energy: number; praise: number }>;
}

/** The rules' invariants (tests/rules/invariants.test.ts) as far as a player's view shows them. */
export function viewProblems(s: SeenState): string[] {
  const out: string[] = [];
  if (!s.players || !s.heat) return out;
  const maxEnergy = getScenario(s.scenario)?.player.energy ?? Infinity;
  const inArea = (tx: number, ty: number) => tx >= s.ax && ty >= s.ay && tx < s.ax + s.side && ty < s.ay + s.side;
  for (let i = 0; i < s.heat.length; i++) {
    const h = s.heat[i]!;
    if (h > 4) out.push(`heat ${h} at ${i}`);
    if (h !== 0 && !inArea(i % s.width, Math.floor(i / s.width))) out.push(`tile ${i} burns outside the active area`);
  }
  for (let i = 0; i < s.guard.length; i++) if (s.guard[i]! > 3) out.push(`guard ${s.guard[i]} at ${i}`);
  if (!Number.isFinite(s.value)) out.push(`team value ${s.value}`);
  if (s.players.size > MAX_ROUND_SEATS) out.push(`${s.players.size} seats`);
  s.players.forEach((p, key) => {
    if (!(p.energy >= 0 && p.energy <= maxEnergy)) out.push(`${key}: energy ${p.energy}`);
    if (!(p.praise >= 0) || !Number.isFinite(p.praise)) out.push(`${key}: praise ${p.praise}`);
    if (!inArea(Math.floor(p.x / 256), Math.floor(p.y / 256))) out.push(`${key}: outside the active area`);
  });
  return out;
}

/** Counts patches and checks every state a bystander decodes. */
function watch(room: Room, problems: string[], breaks: { n: number }): { patches: number } {
  const seen = { patches: 0 };
  room.onStateChange((state) => {
    seen.patches++;
    const found = viewProblems(state as unknown as SeenState);
    breaks.n += found.length;
    for (const p of found) if (problems.length < 20) problems.push(`invariant: ${p}`);
  });
  return seen;
}

/** Resolves when the room answers anything (an error for an unknown type), or closes; false on neither within `ms`. */
function roundTrip(room: Room, ms = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    if (!room.connection.isOpen) return resolve(true);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      off();
      room.onLeave.remove(onLeave);
      resolve(ok);
    };
    const off = room.onMessage("error", () => done(true));
    const onLeave = () => done(true);
    room.onLeave(onLeave);
    const timer = setTimeout(() => done(false), ms);
    room.send("__fuzz_probe", null);
  });
}

async function post(server: GameServer, path: string): Promise<{ code: string; hostSecret: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tickMs: FUZZ_TICK_MS }),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status}`);
  return (await res.json()) as { code: string; hostSecret: string };
}

export interface FuzzRunOptions {
  seed: number;
  messages: number;
  /** A server already running with SMOLDER_FLOOD_RATE raised; default: one started and stopped here. */
  server?: GameServer;
}

/** A server for the fuzz: the flood limit raised so messages reach the handlers, info logging to read faults from. */
export async function startFuzzServer(): Promise<GameServer> {
  return startGameServer({ port: await freePort(), dataDir: ":memory:", env: { SMOLDER_FLOOD_RATE: "1000000", SMOLDER_LOG_LEVEL: "info" } });
}

export async function runFuzz(opts: FuzzRunOptions): Promise<FuzzReport> {
  const server = opts.server ?? (await startFuzzServer());
  const faultLines = collectFaults(server);
  const sdk = new Client(`ws://127.0.0.1:${server.port}`);
  const problems: string[] = [];
  const breaks = { n: 0 };
  const open: Room[] = [];
  const keep = <T extends Room>(r: T): T => {
    open.push(r);
    return quiet(r);
  };
  try {
    // Quick play: classic runs 840 s at 50 ms a tick, longer than any fuzz.
    const quickBystander = keep(
      await sdk.create("smolder", { scenario: "classic", seed: opts.seed, countdownSeconds: 0, tickMs: FUZZ_TICK_MS, bots: ["balanced"], name: "Bystander" }),
    );
    const quickFuzz = keep(await sdk.joinById(quickBystander.roomId, { name: "Fuzz" }));

    const hosted = await post(server, "/api/rooms");
    const joinHost = async () => keep(await sdk.joinById(hosted.code, { hostSecret: hosted.hostSecret }));
    const host = await joinHost();
    const hostedBystander = keep(await sdk.joinById(hosted.code, { name: "Bystander" }));
    const hostedFuzz = keep(await sdk.joinById(hosted.code, { name: "Fuzz" }));
    host.send("host", { command: "start", countdownSeconds: 0 });

    const workshop = await post(server, "/api/workshops");
    const joinFacilitator = async () => keep(await sdk.joinById(workshop.code, { hostSecret: workshop.hostSecret }));
    const facilitator = await joinFacilitator();
    const workshopBystander = keep(await sdk.joinById(workshop.code, { name: "Bystander" }));
    const workshopFuzz = keep(await sdk.joinById(workshop.code, { name: "Fuzz" }));

    const deadline = Date.now() + 10_000;
    while (hostedBystander.state.stage !== "playing" || quickBystander.state.stage !== "playing") {
      if (Date.now() > deadline) throw new Error("the rounds did not start");
      await new Promise((r) => setTimeout(r, 10));
    }
    const quickSeen = watch(quickBystander, problems, breaks);
    const hostedSeen = watch(hostedBystander, problems, breaks);

    /**
     * A player whose connection the server closed takes its held seat back. The client may see
     * the close before the server has handled it (and held the seat), so a refused reconnect is
     * tried again for a while before the player joins afresh.
     */
    const byToken = (get: () => Room, fallback: () => Promise<Room>) => async () => {
      const token = get().reconnectionToken;
      const until = Date.now() + 3000;
      for (let wait = 20; Date.now() < until; wait *= 2) {
        try {
          return keep(await sdk.reconnect(token));
        } catch {
          await new Promise((r) => setTimeout(r, wait));
        }
      }
      problems.push("a reconnect was refused for 3 s; joined afresh");
      return fallback();
    };
    const fuzzers: Fuzzer[] = [];
    const add = (name: string, room: Room, options: FuzzOptions, revive: (f: Fuzzer) => () => Promise<Room>) => {
      const f = { name, rng: prng(opts.seed * 7 + fuzzers.length), room, options } as Fuzzer;
      f.revive = revive(f);
      fuzzers.push(f);
    };
    add("quick-play player", quickFuzz, {}, (f) =>
      byToken(
        () => f.room,
        async () => keep(await sdk.joinById(quickBystander.roomId, { name: "Fuzz" })),
      ),
    );
    add("hosted player", hostedFuzz, {}, (f) =>
      byToken(
        () => f.room,
        async () => keep(await sdk.joinById(hosted.code, { name: "Fuzz" })),
      ),
    );
    add("hosted host", host, { commands: QUIET_HOST_COMMANDS }, () => joinHost);
    add("workshop participant", workshopFuzz, {}, (f) =>
      byToken(
        () => f.room,
        async () => keep(await sdk.joinById(workshop.code, { name: "Fuzz" })),
      ),
    );
    add("workshop facilitator", facilitator, { commands: WORKSHOP_COMMANDS.filter((c) => c !== "open") }, () => joinFacilitator);

    const report: FuzzReport = {
      seed: opts.seed,
      messages: 0,
      rawFrames: 0,
      reconnects: 0,
      crashes: 0,
      invariantBreaks: 0,
      patchesPerSecond: { quickPlay: 0, hosted: 0 },
      seconds: 0,
      problems,
    };
    const t0 = performance.now();
    for (let i = 0; i < opts.messages; i++) {
      const f = fuzzers[i % fuzzers.length]!;
      if (!f.room.connection.isOpen) {
        f.room = await f.revive();
        report.reconnects++;
      }
      const item = nextItem(f.rng, f.options);
      if (item.kind === "raw") {
        f.room.connection.send(item.bytes);
        report.rawFrames++;
        // Whatever the frame did (often: the server closed the socket) is known before the next.
        if (!(await roundTrip(f.room))) problems.push(`${f.name}: no answer after raw frame ${i}`);
      } else {
        let frame: Uint8Array;
        try {
          frame = messageFrame(item.type, item.payload);
        } catch {
          // msgpack cannot encode it (so no client could send it): not counted.
          continue;
        }
        f.room.connection.send(frame);
      }
      report.messages++;
      // Let patches in and the socket drain now and then, as a real client's event loop would.
      if (i % 25 === 0) await new Promise((r) => setImmediate(r));
      if (i % 500 === 0 && !(await roundTrip(f.room))) problems.push(`${f.name}: no answer at message ${i}`);
      if (server.child.exitCode !== null) break;
    }
    for (const f of fuzzers) if (f.room.connection.isOpen) await roundTrip(f.room);
    const seconds = (performance.now() - t0) / 1000;
    report.seconds = Math.round(seconds * 10) / 10;
    report.patchesPerSecond = { quickPlay: Math.round((quickSeen.patches / seconds) * 10) / 10, hosted: Math.round((hostedSeen.patches / seconds) * 10) / 10 };
    report.invariantBreaks = breaks.n;
    if (!workshopBystander.connection.isOpen) problems.push("the workshop bystander was disconnected");
    for (const [name, r] of [
      ["quick-play", quickBystander],
      ["hosted", hostedBystander],
    ] as const)
      if (!r.connection.isOpen) problems.push(`the ${name} bystander was disconnected`);
    report.crashes = crashes(server, faultLines, problems);
    return report;
  } finally {
    await Promise.allSettled(open.filter((r) => r.connection.isOpen).map((r) => r.leave()));
    if (!opts.server) await server.stop();
  }
}

const FAULT = /"level":"(error|fatal)"|uncaught|room-fault/i;

/** Collects every line the process logs as a fault (an error, a room's uncaught exception) from now on. */
function collectFaults(server: GameServer): string[] {
  const found: string[] = [];
  let partial = "";
  const read = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (FAULT.test(line)) found.push(line.slice(0, 300));
  };
  server.child.stdout?.on("data", read);
  server.child.stderr?.on("data", read);
  return found;
}

/** The process's exit, and every fault line it logged. */
function crashes(server: GameServer, faultLines: string[], problems: string[]): number {
  const exited = server.child.exitCode !== null || server.child.signalCode !== null;
  if (exited) problems.push(`the server exited with ${server.child.exitCode ?? server.child.signalCode}`);
  for (const line of faultLines.slice(0, 10)) problems.push(`log: ${line}`);
  return (exited ? 1 : 0) + faultLines.length;
}
