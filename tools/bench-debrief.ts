// npm run bench:debrief [-- --runs N]
// What the debrief costs on the shared rules, for a whole `classic` round (840 s, 8 seats,
// ending at the time limit): the counterfactual from the start and from mid-round, beside a
// plain replay of the same log (the floor: a what-if re-simulates at least that much); the
// longest slice the server runs between two event-loop turns; and replay scrubbing.
import { parseArgs } from "node:util";
import { SLICE_TICKS } from "../server/hosting/debrief.js";
import { type BotKind, debriefRound, type LogEntry, replay, ReplayCursor, roundSummary, runWhatIf, SCENARIOS, whatIfSlices } from "../shared/index.js";
import { playBots } from "../shared/bots/match.js";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(args.runs) || 5);
const classic = SCENARIOS.classic!;
const team: BotKind[] = ["balanced", "balanced", "balanced", "balanced", "preventer", "preventer", "hero", "balanced"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (fn: () => unknown) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

// A recorded round that lasts the whole 840 s (seed chosen so it does not collapse).
let seed = 1;
let real = playBots(classic, seed, team, { record: true });
while (real.state.ended !== "time") real = playBots(classic, ++seed, team, { record: true });
const log: LogEntry[] = real.log;
const mid = Math.floor(classic.durationSeconds / 2);

const rows: Record<string, number[]> = { replay: [], fromStart: [], fromMid: [], slices: [], seek: [], build: [] };
for (let r = 0; r < runs; r++) {
  rows.replay!.push(ms(() => replay(classic, seed, log)));
  rows.fromStart!.push(ms(() => runWhatIf(classic, seed, log, { fromSecond: 0, team: "hero" })));
  rows.fromMid!.push(ms(() => runWhatIf(classic, seed, log, { fromSecond: mid, team: "hero" })));
  // The server's sliced run: the longest single slice is what other rooms wait for.
  const it = whatIfSlices(classic, seed, log, { fromSecond: mid, team: "hero" }, SLICE_TICKS);
  let longest = 0;
  for (;;) {
    const t0 = process.hrtime.bigint();
    const step = it.next();
    longest = Math.max(longest, Number(process.hrtime.bigint() - t0) / 1e6);
    if (step.done) break;
  }
  rows.slices!.push(longest);
  // Scrubbing: a fresh cursor, then 40 jumps back and forth across the round.
  const cursor = new ReplayCursor(classic, seed, log, real.state.tick);
  cursor.seek(real.state.tick);
  const jumps = Array.from({ length: 40 }, (_, k) => ((k * 7919) % classic.durationSeconds) * classic.tickRate);
  rows.seek!.push(ms(() => jumps.forEach((t) => cursor.seek(t))) / jumps.length);
  rows.build!.push(
    ms(() => debriefRound({ round: 1, scenario: classic, seed, ended: real.state.ended, summary: roundSummary(real.state), timeline: real.state.timeline })),
  );
}
const bytes = JSON.stringify({
  rounds: [debriefRound({ round: 1, scenario: classic, seed, ended: real.state.ended, summary: roundSummary(real.state), timeline: real.state.timeline })],
  whatIf: null,
}).length;

console.log(`bench:debrief — classic, ${classic.durationSeconds} s, ${team.length} seats, seed ${seed}, ${log.length} log entries, median of ${runs} runs`);
console.log(`  replay of the real round (the floor)      ${median(rows.replay!).toFixed(0)} ms`);
console.log(`  what-if from 0:00, all heroes             ${median(rows.fromStart!).toFixed(0)} ms   (target ≤ 1000 ms)`);
console.log(`  what-if from ${Math.floor(mid / 60)}:${String(mid % 60).padStart(2, "0")}, all heroes             ${median(rows.fromMid!).toFixed(0)} ms`);
console.log(`  longest server slice (${SLICE_TICKS} ticks)             ${median(rows.slices!).toFixed(1)} ms   (other rooms wait at most this long)`);
console.log(`  replay scrub, one jump                    ${median(rows.seek!).toFixed(1)} ms   (5 s checkpoints)`);
console.log(`  building one round's debrief              ${median(rows.build!).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KB as JSON`);
