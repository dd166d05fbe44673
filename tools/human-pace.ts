// The checks of project issue 12 ("teach at human speed"), measured on a set of seeds with
// every bot at a person's pace. Shared by `npm run report:pace` and tests/rules/human-pace.test.ts,
// so the figures in the README are the ones the tests hold to.
import { type BotKind, type GameState, SCENARIOS, playerSummaries, restore, snapshot, step, tippingPoint, collapseFiresFor } from "../shared/index.js";
import { type BotMatchOptions, playBots, switchBots } from "../shared/bots/match.js";
import { runBots, type StrategyOverride } from "../shared/bots/run.js";
import { TRICKS, type TrickName } from "../shared/bots/tricks.js";

const four = (k: BotKind): BotKind[] => [k, k, k, k];
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const share = (xs: boolean[]) => mean(xs.map((x) => (x ? 1 : 0)));
const praiseOf = (s: GameState) => s.players.reduce((a, p) => a + p.praise, 0);

/** When the hero team switches to balanced play, and the windows compared after it. */
export const SWITCH_AT = 300;
export const SWITCH_SOON = [0, 60] as const;
export const SWITCH_LATER = [120, 240] as const;

/** Value at second t of a round; a collapsed organisation makes nothing after it ends. */
function valueAt(s: GameState, t: number): number {
  const v = s.timeline.value;
  return t <= 0 ? 0 : (v[Math.min(t, v.length) - 1] ?? 0);
}

export interface Figures {
  seeds: number;
  /** Decisions a second; null: every tick. */
  pace: number | null;
  classic: Record<"balanced" | "heroes" | "firefighters" | "preventers", { value: number; collapse: number; praise: number }>;
  /** Share of seeds where the hero team out-praised the balanced team at least twice over. */
  heroPraiseSeedShare: number;
  mixed: { heroTopsPraise: number; heroLowestNet: number };
  /** classic teams with 0..4 heroes (the rest balanced): mean value and collapse share. */
  sweep: { value: number; collapse: number }[];
  startup: { heroes: number; preventers: number };
  tricks: Record<TrickName, number>;
  switched: { soonRatio: number; laterRatio: number };
  workshop: { balanced: { value: number; collapse: number }; firefighters: { value: number; collapse: number } };
  /** Balanced classic rounds that held out: how many, and the share marked tipped. */
  heldOut: { rounds: number; tipped: number };
}

/** Plays every team the checks need on `seeds`, each bot deciding `pace` times a second (null: every tick). */
export function measure(seeds: readonly number[], pace: number | null = 2): Figures {
  const opts: BotMatchOptions = pace === null ? {} : { pace };
  const play = (id: string, team: BotKind[], extra: BotMatchOptions = {}) =>
    seeds.map((seed) => playBots(SCENARIOS[id]!, seed, team, { ...opts, ...extra }).state);
  const team = (runs: GameState[]) => ({
    value: mean(runs.map((s) => s.value)),
    collapse: share(runs.map((s) => s.ended === "collapse")),
    praise: mean(runs.map(praiseOf)),
  });

  const balanced = play("classic", four("balanced"));
  const { heroes, switched } = heroesAndSwitch(seeds, pace);
  const firefighters = play("classic", four("firefighter"));
  const preventers = play("classic", four("preventer"));
  const oneHero = play("classic", ["hero", "balanced", "balanced", "balanced"]);
  const mixed = oneHero.map(playerSummaries);
  const sweep = [
    balanced,
    oneHero,
    play("classic", ["hero", "hero", "balanced", "balanced"]),
    play("classic", ["hero", "hero", "hero", "balanced"]),
    heroes,
  ].map(team);
  const tricks = Object.fromEntries(
    (Object.keys(TRICKS) as TrickName[]).map((name) => {
      const override: StrategyOverride = { balanced: TRICKS[name] };
      return [name, mean(play("classic", four("balanced"), { strategies: override }).map((s) => s.value))];
    }),
  ) as Record<TrickName, number>;
  const gain = (runs: GameState[], [from, to]: readonly [number, number]) => mean(runs.map((s) => valueAt(s, SWITCH_AT + to) - valueAt(s, SWITCH_AT + from)));
  const held = balanced.filter((s) => s.ended !== "collapse");

  return {
    seeds: seeds.length,
    pace,
    classic: { balanced: team(balanced), heroes: team(heroes), firefighters: team(firefighters), preventers: team(preventers) },
    heroPraiseSeedShare: share(seeds.map((_, k) => praiseOf(heroes[k]!) >= 2 * praiseOf(balanced[k]!))),
    mixed: {
      heroTopsPraise: share(mixed.map((ps) => ps.every((p, k) => k === 0 || p.praise < ps[0]!.praise))),
      heroLowestNet: share(mixed.map((ps) => ps.every((p, k) => k === 0 || p.net > ps[0]!.net))),
    },
    sweep,
    startup: { heroes: team(play("startup", four("hero"))).value, preventers: team(play("startup", four("preventer"))).value },
    tricks,
    switched: { soonRatio: gain(switched, SWITCH_SOON) / gain(heroes, SWITCH_SOON), laterRatio: gain(switched, SWITCH_LATER) / gain(heroes, SWITCH_LATER) },
    workshop: { balanced: team(play("workshop", four("balanced"))), firefighters: team(play("workshop", four("firefighter"))) },
    heldOut: { rounds: held.length, tipped: share(held.map((s) => tippingPoint(s.timeline.fires, 4, s.ended, collapseFiresFor(s.scenario, s.side)) !== null)) },
  };
}

/** Heroes in classic, and the same rounds switching to balanced at SWITCH_AT (played once up to there). */
function heroesAndSwitch(seeds: readonly number[], pace: number | null): { heroes: GameState[]; switched: GameState[] } {
  const heroes: GameState[] = [];
  const switched: GameState[] = [];
  const sc = SCENARIOS.classic!;
  for (const seed of seeds) {
    const s = playBots(sc, seed, four("hero"), { ...(pace === null ? {} : { pace }), until: SWITCH_AT * sc.tickRate }).state;
    const other = restore(snapshot(s));
    finish(s);
    if (!other.ended) switchBots(other, "balanced");
    finish(other);
    heroes.push(s);
    switched.push(other);
  }
  return { heroes, switched };
}

function finish(s: GameState): void {
  while (!s.ended) {
    runBots(s);
    step(s);
  }
}

export interface Check {
  name: string;
  figure: string;
  pass: boolean;
}

const x = (v: number) => `${v.toFixed(2)}×`;
const pct = (v: number) => `${Math.round(v * 100)}%`;
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Every check of the issue, with its figure and whether it holds. */
export function checks(f: Figures): Check[] {
  const c = f.classic;
  const w = f.workshop;
  return [
    { name: "classic: balanced value ≥ 1.6× heroes", figure: x(c.balanced.value / c.heroes.value), pass: c.balanced.value >= 1.6 * c.heroes.value },
    { name: "classic: heroes collapse ≥ 80%", figure: pct(c.heroes.collapse), pass: c.heroes.collapse >= 0.8 },
    { name: "classic: balanced collapse ≤ 10%", figure: pct(c.balanced.collapse), pass: c.balanced.collapse <= 0.1 },
    { name: "classic: firefighters collapse ≥ 90%", figure: pct(c.firefighters.collapse), pass: c.firefighters.collapse >= 0.9 },
    { name: "praise: heroes ≥ 2× balanced on the mean", figure: x(c.heroes.praise / c.balanced.praise), pass: c.heroes.praise >= 2 * c.balanced.praise },
    { name: "praise: heroes ≥ 2× balanced in ≥ 80% of seeds", figure: pct(f.heroPraiseSeedShare), pass: f.heroPraiseSeedShare >= 0.8 },
    { name: "1 hero + 3 balanced: the hero tops praise in ≥ 80%", figure: pct(f.mixed.heroTopsPraise), pass: f.mixed.heroTopsPraise >= 0.8 },
    { name: "1 hero + 3 balanced: the hero has the lowest net in ≥ 90%", figure: pct(f.mixed.heroLowestNet), pass: f.mixed.heroLowestNet >= 0.9 },
    ...sweepChecks(f.sweep),
    { name: "classic: preventers value ≥ heroes", figure: x(c.preventers.value / c.heroes.value), pass: c.preventers.value >= c.heroes.value },
    { name: "classic: balanced value ≥ 1.1× preventers", figure: x(c.balanced.value / c.preventers.value), pass: c.balanced.value >= 1.1 * c.preventers.value },
    { name: "startup: heroes value ≥ preventers", figure: x(f.startup.heroes / f.startup.preventers), pass: f.startup.heroes >= f.startup.preventers },
    ...(Object.keys(f.tricks) as TrickName[]).map((name) => ({
      name: `classic: ${name} ≤ 1.05× balanced`,
      figure: x(f.tricks[name] / c.balanced.value),
      pass: f.tricks[name] <= 1.05 * c.balanced.value,
    })),
    { name: `switch at ${SWITCH_AT} s: next 60 s ≤ 0.95× staying heroes`, figure: x(f.switched.soonRatio), pass: f.switched.soonRatio <= 0.95 },
    { name: `switch at ${SWITCH_AT} s: +120..240 s ≥ 1.15× staying heroes`, figure: x(f.switched.laterRatio), pass: f.switched.laterRatio >= 1.15 },
    { name: "workshop: firefighters collapse ≥ 80%", figure: pct(w.firefighters.collapse), pass: w.firefighters.collapse >= 0.8 },
    { name: "workshop: balanced collapse ≤ 20%", figure: pct(w.balanced.collapse), pass: w.balanced.collapse <= 0.2 },
    {
      name: "workshop: balanced value ≥ 1.4× firefighters",
      figure: x(w.balanced.value / w.firefighters.value),
      pass: w.balanced.value >= 1.4 * w.firefighters.value,
    },
    { name: "balanced classic rounds that held out: ≤ 10% tipped", figure: `${pct(f.heldOut.tipped)} of ${f.heldOut.rounds}`, pass: f.heldOut.tipped <= 0.1 },
  ];
}

/** DESIGN's check 5: sweeping heroes 0..4 shows a tipping point (value falls slowly, then sharply). */
function sweepChecks(sweep: Figures["sweep"]): Check[] {
  const values = sweep.map((r) => r.value);
  const drops = values.slice(1).map((v, k) => values[k]! - v);
  const first = drops[0]! / values[0]!;
  const steepest = Math.max(...drops.slice(1)) / values[0]!;
  return [
    { name: "sweep 0..4 heroes: first hero costs < 5% of value", figure: pct1(first), pass: first < 0.05 },
    { name: "sweep 0..4 heroes: a later hero costs > 3× the first", figure: `${pct1(steepest)} vs ${pct1(first)}`, pass: steepest > 3 * first },
    {
      name: "sweep 0..4 heroes: 1 hero collapses ≤ 20%, 3 heroes ≥ 50%",
      figure: `${pct(sweep[1]!.collapse)}, ${pct(sweep[3]!.collapse)}`,
      pass: sweep[1]!.collapse <= 0.2 && sweep[3]!.collapse >= 0.5,
    },
  ];
}
