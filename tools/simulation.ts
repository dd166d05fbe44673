// Batch simulation behind `npm run simulate`: whole rounds played by bots, summarised.
import { type BotKind, type Scenario, playerSummaries, stateHash, tippingPoint, collapseFiresFor } from "../shared/index.js";
import { type BotMatchOptions, playBots } from "../shared/bots/match.js";

export interface RunResult {
  seed: number;
  value: number;
  praise: number;
  collapsed: boolean;
  endTick: number;
  hash: string;
  /** The second the round tipped (debrief rule), or null. */
  tippedAt: number | null;
  /** With `timeline`: the team's value at every whole second. */
  valueBySecond?: number[];
  players: { bot: string; praise: number; direct: number; indirect: number; net: number }[];
}

export interface BatchResult {
  scenario: string;
  team: BotKind[];
  runs: RunResult[];
  mean: { value: number; praise: number; collapseRate: number };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface BatchOptions {
  /** Every bot decides at most this many times a second (absent: every tick). */
  pace?: number;
  /** At this second every seat switches to `switchTo`. */
  switchAtSecond?: number;
  switchTo?: BotKind;
  /** Carry each run's value at every whole second. */
  timeline?: boolean;
}

export function matchOptions(scenario: Scenario, opts: BatchOptions): BotMatchOptions {
  const m: BotMatchOptions = {};
  if (opts.pace !== undefined) m.pace = opts.pace;
  if (opts.switchAtSecond !== undefined && opts.switchTo) {
    m.switchAt = opts.switchAtSecond * scenario.tickRate;
    m.switchTo = opts.switchTo;
  }
  return m;
}

export function simulateBatch(scenario: Scenario, team: BotKind[], seeds: number[], opts: BatchOptions = {}): BatchResult {
  const runs = seeds.map((seed): RunResult => {
    const { state } = playBots(scenario, seed, team, matchOptions(scenario, opts));
    const players = playerSummaries(state).map((p) => ({ bot: p.bot ?? "person", praise: p.praise, direct: p.direct, indirect: p.indirect, net: p.net }));
    return {
      seed,
      value: state.value,
      praise: players.reduce((a, p) => a + p.praise, 0),
      collapsed: state.ended === "collapse",
      endTick: state.tick,
      hash: stateHash(state),
      tippedAt: tippingPoint(state.timeline.fires, team.length, state.ended, collapseFiresFor(scenario, state.side)),
      ...(opts.timeline ? { valueBySecond: state.timeline.value } : {}),
      players,
    };
  });
  return {
    scenario: scenario.id,
    team,
    runs,
    mean: {
      value: Math.round(mean(runs.map((r) => r.value))),
      praise: Math.round(mean(runs.map((r) => r.praise))),
      collapseRate: mean(runs.map((r) => (r.collapsed ? 1 : 0))),
    },
  };
}

export interface SweepRow {
  heroes: number;
  value: number;
  collapseRate: number;
}

/** A team of `size` bots with 0..size heroes, the rest balanced: the tipping-point curve. */
export function sweepHeroes(scenario: Scenario, seeds: number[], size = 4, opts: BatchOptions = {}): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let heroes = 0; heroes <= size; heroes++) {
    const team = Array.from({ length: size }, (_, k): BotKind => (k < heroes ? "hero" : "balanced"));
    const { mean: m } = simulateBatch(scenario, team, seeds, opts);
    rows.push({ heroes, value: m.value, collapseRate: m.collapseRate });
  }
  return rows;
}
