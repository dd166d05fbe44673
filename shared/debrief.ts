// What the debrief draws from a finished round: where it tipped, the effort split per player
// over time, and the counterfactual ("what if this team had played differently from here?").
// Pure and integer-only, so the server, the host console and the tests agree to the bit.
import { runBots } from "./bots/run.js";
import { applyEntry, type LogEntry } from "./replay.js";
import type { Scenario } from "./scenario.js";
import { BOT_KINDS, type BotKind, EFFORTS, type GameState, type Timeline } from "./state.js";
import { checkPace, createGame, newMind } from "./game.js";
import { step } from "./step.js";
import { type PlayerSummary, type RoundSummary, roundSummary } from "./summary.js";

/** Seconds of the moving average the tipping point reads fires through (one flare is not a trend). */
export const TIPPING_WINDOW_SECONDS = 10;

/** Seconds over which a stretch of fires beyond the team must keep growing to count as a spiral. */
export const SPIRAL_SECONDS = 30;

/**
 * The second the round tipped, or null if it never did. Fires are "out of control" while more
 * of them burn (averaged over the last TIPPING_WINDOW_SECONDS) than there are players to fight
 * them, one fire per person at a time. The round tipped at the start of the out-of-control run
 * that lasted to the end, but only if that run spiralled: the round collapsed (`ended` is
 * "collapse"), or the fires were still climbing toward a collapse when it ended: over a run at
 * least SPIRAL_SECONDS long, the last ten-second average is at least half as high again as
 * SPIRAL_SECONDS earlier, more than twice the team, and (when `collapseFires`, the fires that
 * would collapse the map, is known) at least a quarter of the way to a collapse. A team that held
 * a dozen fires at bay on a big map to the end was busy, not tipped.
 */
export function tippingPoint(fires: readonly number[], players: number, ended = "", collapseFires = 0): number | null {
  const w = TIPPING_WINDOW_SECONDS;
  const limit = Math.max(1, players) * w;
  let sum = 0;
  let since: number | null = null;
  for (let t = 0; t < fires.length; t++) {
    sum += fires[t]!;
    if (t >= w) sum -= fires[t - w]!;
    const span = Math.min(t + 1, w);
    // Compare sums, not averages: sum / span > players  ⇔  sum * w > players * w * span.
    const out = sum * w > limit * span;
    if (!out) since = null;
    else since ??= t;
  }
  if (since === null || ended === "collapse") return since;
  const end = fires.length;
  if (end - since < SPIRAL_SECONDS) return null;
  const windowSum = (to: number) => fires.slice(Math.max(0, to - w), to).reduce((a, b) => a + b, 0);
  const last = windowSum(end);
  const climbing = 2 * last >= 3 * windowSum(end - SPIRAL_SECONDS);
  const nearCollapse = 4 * last >= collapseFires * w;
  return climbing && last > 2 * limit && nearCollapse ? since : null;
}

/** How many fires collapse a map whose active square is `side` tiles wide. */
export function collapseFiresFor(scenario: Scenario, side: number): number {
  return Math.floor((scenario.collapse.burningPct * side * side) / 100);
}

/** The active square's side at second `seconds` of a round on the scenario's own clock. */
function sideAt(scenario: Scenario, seconds: number): number {
  let side = scenario.phases[0]!.side;
  for (const p of scenario.phases) if (p.startSecond <= seconds) side = p.side;
  return side;
}

/** Effort per seat in bins of `binSeconds`: for each seat, EFFORTS.length counters per bin, flattened. */
export function effortBins(timeline: Timeline, binSeconds: number): number[][] {
  const n = EFFORTS.length;
  const seconds = timeline.fires.length;
  const bins = Math.ceil(seconds / binSeconds);
  return timeline.effort.map((row) => {
    const out = new Array<number>(bins * n).fill(0);
    for (let sec = 0; sec < seconds; sec++) {
      const b = Math.floor(sec / binSeconds);
      for (let e = 0; e < n; e++) out[b * n + e]! += row[sec * n + e] ?? 0;
    }
    return out;
  });
}

/** The team's effort per second: EFFORTS.length counters per second, summed over seats, flattened. */
export function teamEffort(timeline: Timeline): number[] {
  const n = EFFORTS.length;
  const out = new Array<number>(timeline.fires.length * n).fill(0);
  for (const row of timeline.effort) for (let k = 0; k < out.length; k++) out[k]! += row[k] ?? 0;
  return out;
}

export interface WhatIfSpec {
  /** The second of the real round the bots take over from (0: the whole round). */
  fromSecond: number;
  /** Every seat plays this bot strategy from then on. */
  team: BotKind;
  /** The bots' decisions a second (a person's pace, e.g. 2); absent: every tick. */
  pace?: number;
}

export function isBotKind(x: unknown): x is BotKind {
  return typeof x === "string" && (BOT_KINDS as readonly string[]).includes(x);
}

/**
 * The counterfactual, a slice at a time: replays the real log up to `fromSecond`, hands every
 * seat to a bot of kind `team`, and plays on to the end of the scenario. Yields after every
 * `sliceTicks` ticks so a server can spread the work over its event loop; run it to the end
 * with `runWhatIf`. The returned state's timeline is the real round up to `fromSecond`, then
 * what the bots made of it.
 */
export function* whatIfSlices(scenario: Scenario, seed: number, log: readonly LogEntry[], spec: WhatIfSpec, sliceTicks = 2000): Generator<void, GameState> {
  const s = createGame(scenario, seed);
  const fromTick = spec.fromSecond * scenario.tickRate;
  let k = 0;
  let n = 0;
  while (!s.ended && s.tick < fromTick) {
    while (k < log.length && log[k]!.tick <= s.tick) applyEntry(s, log[k++]!);
    step(s);
    if (++n % sliceTicks === 0) yield;
  }
  // Whoever had joined by then is on the team (the real log's joins at this tick included).
  while (k < log.length && log[k]!.tick <= s.tick && "join" in log[k]!) applyEntry(s, log[k++]!);
  for (const p of s.players) {
    p.bot = spec.team;
    if (spec.pace !== undefined) {
      p.pace = checkPace(scenario, spec.pace);
      p.botMind = newMind(s, p.pace);
    }
  }
  while (!s.ended) {
    runBots(s);
    step(s);
    if (++n % sliceTicks === 0) yield;
  }
  return s;
}

/** The whole counterfactual at once (the host console, tests). */
export function runWhatIf(scenario: Scenario, seed: number, log: readonly LogEntry[], spec: WhatIfSpec): GameState {
  const it = whatIfSlices(scenario, seed, log, spec, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Seconds per bin of the per-player effort strips (a whole round stays a few kilobytes). */
export const EFFORT_BIN_SECONDS = 10;

/** One round as the debrief shows it: curves, where it tipped, effort per player, the table. */
export interface DebriefRound {
  round: number;
  /** How comparisons name it ("Round 2", or a workshop team's name); set by whoever compares. */
  label?: string;
  scenarioId: string;
  scenarioName: string;
  seed: number;
  /** "time" | "collapse" | "host". */
  ended: string;
  seconds: number;
  /** Players the tipping point was measured against. */
  team: number;
  tipping: number | null;
  fires: number[];
  risk: number[];
  value: number[];
  praise: number[];
  /** The value at the round's last tick, as the round list and exports show it (the timeline
   *  samples whole seconds, so it can stop short of a round the host ended mid-second). */
  finalValue: number;
  binSeconds: number;
  /** Per seat (as in `players`), EFFORTS.length counters per bin, flattened. */
  effortBins: number[][];
  players: PlayerSummary[];
}

/** The counterfactual's curves, drawn beside the real round's. */
export interface DebriefWhatIf extends WhatIfSpec {
  round: number;
  ended: string;
  seconds: number;
  tipping: number | null;
  fires: number[];
  risk: number[];
  value: number[];
  praise: number[];
  players: PlayerSummary[];
}

/** What a debrief screen shows: one round, or several side by side; maybe a what-if. */
export interface Debrief {
  rounds: DebriefRound[];
  whatIf: DebriefWhatIf | null;
}

/** The stored facts of a finished round the debrief is built from. */
export interface PlayedRound {
  round: number;
  scenario: Scenario;
  seed: number;
  ended: string;
  summary: RoundSummary;
  timeline: Timeline;
}

export function debriefRound(r: PlayedRound): DebriefRound {
  const t = r.timeline;
  const team = r.summary.players.length;
  return {
    round: r.round,
    scenarioId: r.scenario.id,
    scenarioName: r.scenario.name,
    seed: r.seed,
    ended: r.ended,
    seconds: t.fires.length,
    team,
    tipping: tippingPoint(t.fires, team, r.ended, collapseFiresFor(r.scenario, sideAt(r.scenario, t.fires.length))),
    fires: t.fires,
    risk: t.risk,
    value: t.value,
    praise: t.praise,
    finalValue: r.summary.value,
    binSeconds: EFFORT_BIN_SECONDS,
    effortBins: effortBins(t, EFFORT_BIN_SECONDS),
    players: r.summary.players,
  };
}

export function debriefWhatIf(round: number, spec: WhatIfSpec, s: GameState): DebriefWhatIf {
  const t = s.timeline;
  const summary = roundSummary(s);
  return {
    ...spec,
    round,
    ended: s.ended,
    seconds: t.fires.length,
    tipping: tippingPoint(t.fires, summary.players.length, s.ended, collapseFiresFor(s.scenario, s.side)),
    fires: t.fires,
    risk: t.risk,
    value: t.value,
    praise: t.praise,
    players: summary.players,
  };
}
