// Risk, fire and value over the map: creep, heat growth, spread, ignition, value and damage.
import { isqrt } from "./intmath.js";
import { roll } from "./game.js";
import { type Cause, FireHow, type GameState, NOBODY, causeIsDust, causeSeat } from "./state.js";

/** Adds risk to a tile, charging the added part to `by` unless someone else is owed more there. */
export function addRisk(s: GameState, i: number, amount: number, by: Cause): void {
  const t = s.tiles;
  const before = t.risk[i]!;
  const after = Math.min(s.scenario.risk.max, before + amount);
  t.risk[i] = after;
  if (by === NOBODY) return;
  const added = after - before;
  if (t.riskBy[i] === by) t.riskOwed[i] = Math.min(after, t.riskOwed[i]! + added);
  else if (t.riskOwed[i]! <= added) {
    t.riskBy[i] = by;
    t.riskOwed[i] = added;
  }
}

/** Clears a tile's risk and its attribution; returns how much was cleared. */
export function clearRisk(s: GameState, i: number): number {
  const t = s.tiles;
  const cleared = t.risk[i]!;
  t.risk[i] = 0;
  t.riskBy[i] = NOBODY;
  t.riskOwed[i] = 0;
  return cleared;
}

function ignite(s: GameState, i: number, how: FireHow, root: Cause): void {
  const t = s.tiles;
  t.heat[i] = 1;
  t.fireHow[i] = how;
  t.fireRoot[i] = root;
  const kept = s.scenario.risk.keptOnIgnitePct;
  t.risk[i] = Math.floor((t.risk[i]! * kept) / 100);
  t.riskOwed[i] = Math.floor((t.riskOwed[i]! * kept) / 100);
  if (how === FireHow.Embers || how === FireHow.Dust) s.players[causeSeat(root)]!.stats.firesCaused++;
}

/** A spontaneous fire's cause: the tile's attributed risk is charged in proportion to its share. */
function igniteFromRisk(s: GameState, i: number): void {
  const t = s.tiles;
  const by = t.riskBy[i]!;
  if (by !== NOBODY && t.riskOwed[i]! > 0 && roll(s, t.risk[i]!) < t.riskOwed[i]!) {
    ignite(s, i, causeIsDust(by) ? FireHow.Dust : FireHow.Embers, by);
  } else ignite(s, i, FireHow.Spontaneous, NOBODY);
}

const NEIGHBOURS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

/** Totals from one pass, used by ignition, collapse and the timeline. */
export interface MapTotals {
  fires: number;
  risk: number;
}

/**
 * One tick over the active square. Spread is decided from the heat at the start of the
 * tick and applied after the pass, so tile order never changes what spreads where.
 */
export function stepMap(s: GameState): MapTotals {
  const sc = s.scenario;
  const t = s.tiles;
  const phase = sc.phases[s.phase]!;
  const w = sc.grid.width;
  const x1 = s.ax + s.side;
  const y1 = s.ay + s.side;
  const tick = s.tick;
  const healthy = sc.value.healthy;
  const coherence = phase.coherence;
  const riskMax = sc.risk.max;
  const decayDust = (tick + 1) % (sc.dust.decaySeconds * sc.tickRate) === 0;
  const spreadFrom = sc.fire.spreadFromHeat;
  const newFires: number[] = [];
  let value = 0;

  for (let y = s.ay; y < y1; y++) {
    for (let x = s.ax; x < x1; x++) {
      const i = y * w + x;
      if (decayDust && t.dust[i]! > 0) t.dust[i]!--;
      const heat = t.heat[i]!;
      if (heat === 0) {
        // Creep at creep·factor/64 per tick, spread evenly over ticks without using the PRNG.
        const rate = phase.creep * sc.risk.creepByGuard[t.guard[i]!]!;
        const creep = Math.floor(((tick + 1) * rate) / 64) - Math.floor((tick * rate) / 64);
        if (creep > 0) t.risk[i] = Math.min(riskMax, t.risk[i]! + creep);
        let made = healthy;
        for (const [dx, dy] of NEIGHBOURS) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < s.ax || ny < s.ay || nx >= x1 || ny >= y1) continue;
          const j = ny * w + nx;
          if (t.heat[j] === 0 && t.guard[j]! > 0) made += coherence;
        }
        value += made;
        continue;
      }
      // A burning tile makes nothing and costs by heat; the loss is charged to the fire's root.
      const cost = sc.value.burningCost[heat]!;
      value -= cost;
      const root = t.fireRoot[i]!;
      if (root !== NOBODY) s.players[causeSeat(root)]!.stats.damageCharged += healthy + cost;
      if (heat >= spreadFrom) {
        for (const [dx, dy] of NEIGHBOURS) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < s.ax || ny < s.ay || nx >= x1 || ny >= y1) continue;
          const j = ny * w + nx;
          if (t.heat[j] !== 0) continue;
          t.risk[j] = Math.min(riskMax, t.risk[j]! + sc.fire.pushRisk * (heat - 1));
          const chance = Math.floor((phase.spread * (heat - 1) * sc.fire.spreadByGuard[t.guard[j]!]!) / 64);
          if (roll(s, 65536) < chance) newFires.push(j, root);
        }
      }
      if (heat < 4 && roll(s, 65536) < sc.fire.growChance) t.heat[i] = heat + 1;
    }
  }
  s.value += value;

  for (let k = 0; k < newFires.length; k += 2) {
    const j = newFires[k]!;
    if (t.heat[j] === 0) ignite(s, j, FireHow.Spread, newFires[k + 1]!);
  }
  const totals = countMap(s);
  igniteSpontaneous(s, totals);
  return countMap(s);
}

function countMap(s: GameState): MapTotals {
  const t = s.tiles;
  const w = s.scenario.grid.width;
  let fires = 0;
  let risk = 0;
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let i = y * w + s.ax, end = i + s.side; i < end; i++) {
      if (t.heat[i]! > 0) fires++;
      risk += t.risk[i]!;
    }
  }
  return { fires, risk };
}

/** New fires: the expected count grows as x·√x in x = risk/unit + perFire·fires. */
function igniteSpontaneous(s: GameState, totals: MapTotals): void {
  const sc = s.scenario;
  const x = Math.floor(totals.risk / sc.ignition.riskUnit) + sc.ignition.perFire * totals.fires;
  const expected = Math.floor((sc.phases[s.phase]!.ignition * x * isqrt(x)) / 1000);
  let count = Math.floor(expected / 65536);
  if (roll(s, 65536) < expected % 65536) count++;
  for (let n = 0; n < count; n++) {
    const i = pickByRisk(s);
    if (i < 0) return;
    igniteFromRisk(s, i);
  }
}

/** A healthy active tile chosen with weight risk × guard factor, or -1 if none can burn. */
function pickByRisk(s: GameState): number {
  const t = s.tiles;
  const w = s.scenario.grid.width;
  const byGuard = s.scenario.ignition.weightByGuard;
  let total = 0;
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let i = y * w + s.ax, end = i + s.side; i < end; i++) {
      if (t.heat[i] === 0) total += t.risk[i]! * byGuard[t.guard[i]!]!;
    }
  }
  if (total <= 0) return -1;
  let r = roll(s, total);
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let i = y * w + s.ax, end = i + s.side; i < end; i++) {
      if (t.heat[i] !== 0) continue;
      r -= t.risk[i]! * byGuard[t.guard[i]!]!;
      if (r < 0) return i;
    }
  }
  return -1;
}
