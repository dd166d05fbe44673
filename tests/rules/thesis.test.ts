// The six thesis checks: if one fails, the rules have stopped teaching what the game is for.
import { beforeAll, describe, expect, it } from "vitest";
import { type BotKind, SCENARIOS, createGame, runTicks } from "../../shared/index.js";
import { playBots } from "../../shared/bots/match.js";
import { variant } from "./helpers.js";

const SEEDS = Array.from({ length: 10 }, (_, k) => 1000 + k * 37);
const team = (heroes: number): BotKind[] => Array.from({ length: 4 }, (_, k) => (k < heroes ? "hero" : "balanced"));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface TeamResult {
  value: number;
  praise: number;
  collapseRate: number;
  /** Cumulative value per second, per seed. */
  curves: number[][];
}

function playTeam(scenario: string, bots: BotKind[], opts = {}): TeamResult {
  const runs = SEEDS.map((seed) => playBots(SCENARIOS[scenario]!, seed, bots, opts).state);
  return {
    value: mean(runs.map((s) => s.value)),
    praise: mean(runs.map((s) => s.players.reduce((a, p) => a + p.praise, 0))),
    collapseRate: mean(runs.map((s) => (s.ended === "collapse" ? 1 : 0))),
    curves: runs.map((s) => s.timeline.value),
  };
}

describe("thesis checks (10 seeds each)", () => {
  // sweep[k] is a classic team with k heroes and 4 - k balanced bots.
  const sweep: TeamResult[] = [];
  // Generous: the rounds are CPU-bound and the suite shares two cores.
  beforeAll(() => {
    for (let k = 0; k <= 4; k++) sweep.push(playTeam("classic", team(k)));
  }, 300_000);

  it("1. with nobody playing, fires grow superlinearly until the map saturates", () => {
    // The biggest phase from the start and no collapse, to watch the whole curve.
    const sc = variant("classic", {
      phases: [{ ...SCENARIOS.classic!.phases[2]!, startSecond: 0 }],
      "collapse.burningPct": 100,
      durationSeconds: 600,
    });
    for (const seed of SEEDS) {
      const s = createGame(sc, seed);
      runTicks(s, 6000);
      const fires = s.timeline.fires;
      const from = fires.findIndex((f) => f >= 10);
      const to = fires.findIndex((f) => f >= 512);
      expect(from).toBeGreaterThan(0);
      expect(to).toBeGreaterThan(from);
      // Log-log slope of fires over time between 10 fires and half the map: above 1 is superlinear.
      const slope = Math.log(fires[to]! / fires[from]!) / Math.log((to + 1) / (from + 1));
      expect(slope).toBeGreaterThan(1.3);
      expect(fires.at(-1)).toBeGreaterThanOrEqual(0.95 * 32 * 32);
    }
  });

  it("2. in startup, four heroes earn at least as much value as four preventers", () => {
    const heroes = playTeam("startup", team(4));
    const preventers = playTeam("startup", ["preventer", "preventer", "preventer", "preventer"]);
    expect(heroes.value).toBeGreaterThanOrEqual(preventers.value);
  });

  it("3. in classic, balanced earn ≥ 1.5× the heroes' value; heroes mostly collapse, balanced almost never", () => {
    const [balanced, heroes] = [sweep[0]!, sweep[4]!];
    expect(balanced.value).toBeGreaterThanOrEqual(1.5 * heroes.value);
    expect(heroes.collapseRate).toBeGreaterThan(0.5);
    expect(balanced.collapseRate).toBeLessThanOrEqual(0.1);
  });

  it("4. in classic, heroes earn ≥ 2× the praise of balanced bots", () => {
    expect(sweep[4]!.praise).toBeGreaterThanOrEqual(2 * sweep[0]!.praise);
  });

  it("5. sweeping heroes 0..4 shows a tipping point: value falls slowly, then sharply", () => {
    const values = sweep.map((r) => r.value);
    const drops = values.slice(1).map((v, k) => values[k]! - v);
    const firstDrop = drops[0]!;
    const laterDrop = Math.max(...drops.slice(1));
    expect(firstDrop).toBeLessThan(laterDrop / 3);
    expect(firstDrop / values[0]!).toBeLessThan(0.05);
    expect(sweep[1]!.collapseRate).toBeLessThanOrEqual(0.2);
    expect(sweep[3]!.collapseRate).toBeGreaterThanOrEqual(0.5);
  });

  it("6. a team that switches from heroics to prevention dips, then ends above the heroes", () => {
    const at = 450;
    const switched = playTeam("classic", team(4), { switchAt: at * 10, switchTo: "balanced" });
    const heroes = sweep[4]!;
    // Value earned over the minute after the switch, paired by seed.
    const gain = (curves: number[][]) => mean(curves.map((c) => c[at + 60]! - c[at]!));
    expect(gain(switched.curves)).toBeLessThan(gain(heroes.curves));
    expect(switched.value).toBeGreaterThan(heroes.value);
  });
});
