// A scenario is data: every number the rules use lives here, validated when loaded.
// Fractions are integers over a stated denominator so the rules stay in integer arithmetic.
import { z } from "zod";
import { issueText } from "./protocol/check.js";

const int = z.number().int();
const nonNeg = int.min(0);
const byGuard = z.array(nonNeg).length(4);
const byHeat = z.array(nonNeg).length(5);

const phase = z.object({
  /** Shown to players: "0 to 1", "1 to 10", "10 to 100". */
  name: z.string().min(1),
  startSecond: nonNeg,
  /** Side of the active square, centred on the grid. */
  side: int.min(2),
  /** Risk added to every active tile each tick, before guard scaling. */
  creep: nonNeg,
  /** Chance per tick (per 65536, times heat - 1) that a hot tile ignites a neighbour. */
  spread: nonNeg,
  /** Ignition constant k, per 1000: expected new fires per tick = k/1000 · x·isqrt(x) / 65536. */
  ignition: nonNeg,
  /** Tiles entering play start with risk drawn from 0..startRisk. */
  startRisk: nonNeg,
  /** Extra value per tick a healthy tile makes for each healthy, guarded neighbour: in a
   *  connected organisation, work that coheres is worth more than the sum of its parts. */
  coherence: nonNeg,
  /** Team value an investment spends when it starts: prevention costs now and pays later. */
  investCost: nonNeg,
});

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    description: z.string().min(1),
    tickRate: int.min(1).max(60),
    durationSeconds: int.min(10),
    /** Seats a room fills with bots. */
    teamSize: int.min(1).max(16),
    grid: z.object({ width: int.min(4).max(64), height: int.min(4).max(64) }),
    phases: z.array(phase).min(1).max(3),
    risk: z.object({
      max: int.min(1),
      /** Creep multiplier by guard level, per 64. */
      creepByGuard: byGuard,
      /** Percent of a tile's risk left after it ignites: a fire uses up its fuel. */
      keptOnIgnitePct: int.min(0).max(100),
    }),
    ignition: z.object({
      /** Total risk is divided by this to form x. */
      riskUnit: int.min(1),
      /** Each burning tile adds this to x: fires make more fires. */
      perFire: nonNeg,
      /** Growth exponent in halves: 2 → x, 3 → x·√x (the default, exponent 1.5), 4 → x². */
      exponentHalves: int.min(2).max(4),
      /** Placement weight multiplier by guard level, per 64. */
      weightByGuard: byGuard,
    }),
    fire: z.object({
      /** Chance per tick, per 65536, that a burning tile heats up by one. */
      growChance: nonNeg,
      /** Heat at which a tile starts to spread. */
      spreadFromHeat: int.min(1).max(4),
      /** Risk pushed into each neighbour per tick, times heat - 1. */
      pushRisk: nonNeg,
      /** Spread chance multiplier for a neighbour by its guard, per 64. */
      spreadByGuard: byGuard,
    }),
    value: z.object({
      /** Value a healthy active tile makes each tick. */
      healthy: nonNeg,
      /** Value a burning tile costs each tick, by heat. */
      burningCost: byHeat,
    }),
    collapse: z.object({ burningPct: int.min(1).max(100), seconds: int.min(1) }),
    player: z.object({
      energy: int.min(1),
      /** Movement per tick in 1/256 tile. */
      walkSpeed: int.min(1),
      sprintSpeed: int.min(1),
      sprintCost: nonNeg,
      /** Energy regained per tick while walking or standing. */
      regen: nonNeg,
      /** Chebyshev distance in tiles within which a player can act on a tile. */
      reach: int.min(0).max(4),
      burnoutSeconds: int.min(1),
      /** Energy a player has when burnout ends. */
      burnoutRecovery: int.min(1),
    }),
    extinguish: z.object({
      ticks: byHeat,
      energy: byHeat,
      praise: byHeat,
      /** Extra praise per save in an unbroken streak (saves less than streakSeconds apart). */
      streakPraise: nonNeg,
      streakSeconds: int.min(1),
      streakMax: nonNeg,
      embersOnTile: nonNeg,
      embersAround: nonNeg,
    }),
    invest: z.object({
      ticks: int.min(1),
      ticksPerDust: nonNeg,
      energy: nonNeg,
      /** Manhattan radius of risk cleared around the tile. */
      clearRadius: int.min(0).max(8),
    }),
    stepBack: z.object({
      ticks: int.min(1),
      energyPerTick: nonNeg,
      revealSeconds: int.min(1),
      leveragePoints: int.min(0).max(20),
    }),
    dust: z.object({ max: int.min(0).max(9), risk: nonNeg, decaySeconds: int.min(1) }),
    /** Book values that turn actions into value units for each player's direct effect. */
    ledger: z.object({ perHeatRemoved: nonNeg, perGuardBuilt: nonNeg }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const side = Math.min(s.grid.width, s.grid.height);
    s.phases.forEach((p, i) => {
      if (p.side > side) ctx.addIssue({ code: "custom", path: ["phases", i, "side"], message: `side ${p.side} exceeds the grid` });
      const prev = s.phases[i - 1];
      if (i === 0 && p.startSecond !== 0) ctx.addIssue({ code: "custom", path: ["phases", 0, "startSecond"], message: "the first phase starts at 0" });
      if (prev && (p.startSecond <= prev.startSecond || p.side < prev.side))
        ctx.addIssue({ code: "custom", path: ["phases", i], message: "phases must start later and not shrink" });
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type Phase = Scenario["phases"][number];

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Validates untrusted scenario data; the error names the first bad field. */
export function parseScenario(data: unknown): ScenarioResult {
  const r = scenarioSchema.safeParse(data);
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, error: issueText(r.error, "scenario") };
}

/**
 * The scenario as if the organisation were already in phase `index`: earlier phases are
 * dropped, later ones keep their spacing, and the round is shortened by the time skipped.
 * Hosts use it to start a round big; the client benchmark uses it to reach the peak quickly.
 */
export function fromPhase(s: Scenario, index: number): Scenario {
  const start = s.phases[index];
  if (!start || index === 0) return s;
  const skipped = start.startSecond;
  return {
    ...s,
    durationSeconds: Math.max(10, s.durationSeconds - skipped),
    phases: s.phases.slice(index).map((p) => ({ ...p, startSecond: p.startSecond - skipped })),
  };
}
