// npm run bench:workshop [-- --participants 60] [--team 5] [--seconds 20] [--json]
// A whole team workshop against a server process: participants (colyseus.js clients, in this
// process) join one workshop code, the facilitator forms teams and opens their rooms, everyone
// moves to their team's room, and every team plays `workshop` at real speed while the console
// is the host of every team room (as the real console is). Prints the server's tick p50/p99
// and its CPU, whole and per participant; the same server idle with everyone seated is measured
// first, in the same run, as the comparison.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import { cpuSeconds, getJson, type ServerMetrics, sleep } from "./bench-load.js";
import { startGameServer } from "./cluster.js";

const { values: args } = parseArgs({
  options: {
    participants: { type: "string", default: "60" },
    team: { type: "string", default: "5" },
    seconds: { type: "string", default: "20" },
    port: { type: "string", default: "2595" },
    json: { type: "boolean", default: false },
  },
});
const n = Math.max(3, Number(args.participants));
const teamSize = Math.min(8, Math.max(3, Number(args.team)));
const seconds = Math.max(2, Number(args.seconds));
const log = (s: string) => !args.json && console.error(s);

interface Seen {
  stage: string;
  people: Map<string, { name: string; team: string }>;
  teams: Map<string, { code: string }>;
}
const until = async (cond: () => boolean, what: string, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

/** Server CPU (% of one core) and tick percentiles over `s` seconds. */
async function window(url: string, pid: number, s: number): Promise<{ cpuPct: number; ticks: number; tickP50Ms: number; tickP99Ms: number }> {
  await getJson<ServerMetrics>(`${url}/metrics?reset=1`);
  const c0 = cpuSeconds(pid) ?? 0;
  const t0 = performance.now();
  await sleep(s * 1000);
  const m = await getJson<ServerMetrics>(`${url}/metrics?reset=1`);
  const cpu = (cpuSeconds(pid) ?? 0) - c0;
  return { cpuPct: (100 * cpu) / ((performance.now() - t0) / 1000), ticks: m.ticks, tickP50Ms: m.tickP50Ms, tickP99Ms: m.tickP99Ms };
}

const dataDir = mkdtempSync(join(tmpdir(), "smolder-bench-workshop-"));
const server = await startGameServer({ port: Number(args.port), dataDir, env: { SMOLDER_METRICS: "1" } });
const rooms: Room[] = [];
try {
  const client = new Client(server.url);
  const res = await fetch(`${server.url}/api/workshops`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const created = (await res.json()) as { code: string; hostSecret: string };
  const host = await client.joinById(created.code, { hostSecret: created.hostSecret });
  host.onMessage("*", () => undefined);
  rooms.push(host);
  const lobby: Room[] = [];
  for (let i = 0; i < n; i++) {
    const r = await client.joinById(created.code, { name: `Participant ${i + 1}` });
    r.onMessage("*", () => undefined);
    lobby.push(r);
  }
  const st = () => host.state as unknown as Seen;
  await until(() => st().people?.size === n, "everyone in the lobby");
  host.send("host", { command: "form", size: teamSize });
  await until(() => st().teams.size > 0, "the teams");
  host.send("host", { command: "open" });
  await until(() => st().stage === "open" && [...st().teams.values()].every((t) => t.code), "the teams' rooms");
  const players: Room[] = [];
  for (const r of lobby) {
    const me = (r.state as unknown as Seen).people.get(r.sessionId)!;
    const t = await client.joinById((r.state as unknown as Seen).teams.get(me.team)!.code, { name: me.name });
    t.onMessage("*", () => undefined);
    players.push(t);
    await r.leave(true);
  }
  rooms.push(...players);
  const consoles: Room[] = [];
  for (const t of st().teams.values()) {
    const c = await client.joinById(t.code, { hostSecret: created.hostSecret });
    c.onMessage("*", () => undefined);
    consoles.push(c);
  }
  rooms.push(...consoles);
  log(`${n} participants in ${consoles.length} teams of about ${teamSize}; measuring the idle lobbies for ${Math.min(5, seconds)} s`);
  const idle = await window(server.url, server.pid, Math.min(5, seconds));

  for (const c of consoles) c.send("host", { command: "settings", scenario: "workshop", seats: teamSize, bots: ["balanced"], seed: 7 });
  await sleep(200);
  for (const c of consoles) c.send("host", { command: "start", countdownSeconds: 0 });
  await until(() => players.every((p) => (p.state as { stage?: string }).stage === "playing"), "every team playing");
  // People play: a move or an action about twice a second each, like the server benchmark.
  const kinds = [
    { kind: "move", dx: 1, dy: 0 },
    { kind: "move", dx: -1, dy: 0 },
    { kind: "move", dx: 0, dy: 1 },
    { kind: "move", dx: 0, dy: -1 },
    { kind: "extinguish" },
    { kind: "invest" },
  ];
  let k = 0;
  const timer = setInterval(() => {
    for (const p of players) p.send("intent", kinds[k++ % kinds.length]);
  }, 500);
  await sleep(3000);
  log(`playing; measuring ${seconds} s`);
  const busy = await window(server.url, server.pid, seconds);
  clearInterval(timer);

  const result = {
    participants: n,
    teams: consoles.length,
    tickP50Ms: +busy.tickP50Ms.toFixed(3),
    tickP99Ms: +busy.tickP99Ms.toFixed(3),
    cpuPct: +busy.cpuPct.toFixed(1),
    cpuPerParticipantPct: +(busy.cpuPct / n).toFixed(3),
    idleCpuPct: +idle.cpuPct.toFixed(1),
  };
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(`bench:workshop — ${n} participants, ${result.teams} teams (workshop scenario, same seed), ${seconds} s measured (${busy.ticks} room ticks)`);
    console.log(`  tick time             p50 ${result.tickP50Ms} ms, p99 ${result.tickP99Ms} ms (target p99 ≤ 5 ms)`);
    console.log(`  server CPU            ${result.cpuPct}% of a core, ${result.cpuPerParticipantPct}% per participant`);
    console.log(`  same server, seated but not yet playing: ${result.idleCpuPct}% of a core`);
  }
} finally {
  for (const r of rooms) await r.leave(true).catch(() => undefined);
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
