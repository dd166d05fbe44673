// npm run bench:rules [-- --json] [--runs N]
// How many times faster than real time a whole `classic` round runs with 8 balanced bots.
// In the same run: the bots' share of that round's time (the same round played again with
// the bots and the step timed apart), and the map alone (no players, collapse off).
import { parseArgs } from "node:util";
import { type BotKind, SCENARIOS, addPlayer, createGame, parseScenario, runBots, runTicks, step } from "../shared/index.js";
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

/** The round playBots plays, with the time in runBots and in step summed apart; the bots' share, %. */
function botShare(seed: number): number {
  const s = createGame(classic, seed);
  team.forEach((bot, seat) => addPlayer(s, { name: `${bot}-${seat + 1}`, bot }));
  let bots = 0;
  let rules = 0;
  while (!s.ended) {
    const t0 = performance.now();
    runBots(s);
    const t1 = performance.now();
    step(s);
    bots += t1 - t0;
    rules += performance.now() - t1;
  }
  return (100 * bots) / (bots + rules);
}

// Warm up the JIT so the first measured run is not an outlier.
playBots(classic, 999, team);
botShare(999);

const withBots: number[] = [];
const mapOnly: number[] = [];
const shares: number[] = [];
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
  shares.push(botShare(r + 1));
}

const rt = sorted(withBots.map((tps) => tps / classic.tickRate));
const result = {
  realtimeFactor: { min: Math.round(rt[0]!), median: Math.round(median(rt)), max: Math.round(rt.at(-1)!) },
  ticksPerSecond: { median: Math.round(median(withBots)) },
  mapOnlyTicksPerSecond: { median: Math.round(median(mapOnly)) },
  /** The bots' share of a round's time (runBots against step), median %. */
  botSharePct: { median: Math.round(median(shares)) },
  runs,
};
if (args.json) console.log(JSON.stringify(result));
else {
  console.log(`classic, 8 balanced bots, ${runs} runs of ${classic.durationSeconds} simulated seconds`);
  console.log(
    `  real-time factor  min ${result.realtimeFactor.min}×  median ${result.realtimeFactor.median}×  max ${result.realtimeFactor.max}×  (target ≥ 5000×)`,
  );
  console.log(`  ticks per second  median ${result.ticksPerSecond.median}`);
  console.log(`  bots' share       median ${result.botSharePct.median}% of the round's time (the rest is the rules' step)`);
  console.log(`  same run, map only (no players): median ${result.mapOnlyTicksPerSecond.median} ticks/s`);
}
