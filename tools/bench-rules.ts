// npm run bench:rules [-- --json] [--runs N]
// How many times faster than real time a whole `classic` round runs with 8 balanced bots.
// In the same run, the map alone (no players, collapse off) shows what the bots cost.
import { parseArgs } from "node:util";
import { type BotKind, SCENARIOS, createGame, parseScenario, runTicks } from "../shared/index.js";
import { playBots } from "../shared/bots/match.js";

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false }, runs: { type: "string", default: "7" } } });
const runs = Math.max(1, Number(args.runs) || 7);
const classic = SCENARIOS.classic!;
const team: BotKind[] = Array.from({ length: 8 }, () => "balanced");

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

function time(fn: () => number): { ticks: number; seconds: number } {
  const t0 = process.hrtime.bigint();
  const ticks = fn();
  return { ticks, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

// Warm up the JIT so the first measured run is not an outlier.
playBots(classic, 999, team);

const withBots: number[] = [];
const mapOnly: number[] = [];
const noCollapse = parseScenario({ ...structuredClone(classic), collapse: { ...classic.collapse, burningPct: 100 } });
if (!noCollapse.ok) throw new Error(noCollapse.error);
for (let r = 0; r < runs; r++) {
  const a = time(() => playBots(classic, r + 1, team).state.tick);
  withBots.push(a.ticks / a.seconds);
  const b = time(() => {
    const s = createGame(noCollapse.scenario, r + 1);
    runTicks(s, classic.durationSeconds * classic.tickRate);
    return s.tick;
  });
  mapOnly.push(b.ticks / b.seconds);
}

const rt = sorted(withBots.map((tps) => tps / classic.tickRate));
const result = {
  realtimeFactor: { min: Math.round(rt[0]!), median: Math.round(median(rt)), max: Math.round(rt.at(-1)!) },
  ticksPerSecond: { median: Math.round(median(withBots)) },
  mapOnlyTicksPerSecond: { median: Math.round(median(mapOnly)) },
  runs,
};
if (args.json) console.log(JSON.stringify(result));
else {
  console.log(`classic, 8 balanced bots, ${runs} runs of ${classic.durationSeconds} simulated seconds`);
  console.log(
    `  real-time factor  min ${result.realtimeFactor.min}×  median ${result.realtimeFactor.median}×  max ${result.realtimeFactor.max}×  (target ≥ 2000×)`,
  );
  console.log(`  ticks per second  median ${result.ticksPerSecond.median}`);
  console.log(`  same run, map only (no players): median ${result.mapOnlyTicksPerSecond.median} ticks/s`);
}
