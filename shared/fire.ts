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

/** Sets tile i burning; returns the risk the fire used up. */
function ignite(s: GameState, i: number, how: FireHow, root: Cause): number {
  const t = s.tiles;
  t.heat[i] = 1;
  t.fireHow[i] = how;
  t.fireRoot[i] = root;
  const kept = s.scenario.risk.keptOnIgnitePct;
  const before = t.risk[i]!;
  t.risk[i] = Math.floor((before * kept) / 100);
  t.riskOwed[i] = Math.floor((t.riskOwed[i]! * kept) / 100);
  if (how === FireHow.Embers || how === FireHow.Dust) s.players[causeSeat(root)]!.stats.firesCaused++;
  return before - t.risk[i]!;
}

/** A spontaneous fire's cause: the tile's attributed risk is charged in proportion to its share. */
function igniteFromRisk(s: GameState, i: number): number {
  const t = s.tiles;
  const by = t.riskBy[i]!;
  if (by !== NOBODY && t.riskOwed[i]! > 0 && roll(s, t.risk[i]!) < t.riskOwed[i]!) {
    return ignite(s, i, causeIsDust(by) ? FireHow.Dust : FireHow.Embers, by);
  }
  return ignite(s, i, FireHow.Spontaneous, NOBODY);
}

/** Totals from one pass, used by ignition, collapse and the timeline. */
export interface MapTotals {
  fires: number;
  risk: number;
}

/** Spread decided this tick, as (tile, root) pairs; reused so the tick allocates nothing. */
const spreadScratch: number[] = [];
/** Creep this tick by guard level (see stepMap). */
const creepScratch: number[] = [];

/**
 * One tick over the active square. Spread is decided from the heat at the start of the
 * tick and applied after the pass, so tile order never changes what spreads where.
 * This is the hot loop of every simulation: plain indexed loops, no allocation or closure
 * per tick, and the totals summed in the same pass.
 */
export function stepMap(s: GameState): MapTotals {
  const sc = s.scenario;
  const { heat, risk, guard, dust, fireRoot } = s.tiles;
  const phase = sc.phases[s.phase]!;
  const w = sc.grid.width;
  const x0 = s.ax;
  const y0 = s.ay;
  const x1 = x0 + s.side;
  const y1 = y0 + s.side;
  const tick = s.tick;
  const healthy = sc.value.healthy;
  const coherence = phase.coherence;
  const riskMax = sc.risk.max;
  const burningCost = sc.value.burningCost;
  const spreadFrom = sc.fire.spreadFromHeat;
  const growChance = sc.fire.growChance;
  const push = sc.fire.pushRisk;
  const players = s.players;
  const newFires = spreadScratch;
  newFires.length = 0;
  let value = 0;
  // Totals of the pass: risk as each tile is left (plus later pushes onto tiles already
  // left), fires as they burn; the new fires adjust both below.
  let fires = 0;
  let riskTotal = 0;

  // Creep at creep·factor/64 per tick, spread evenly over ticks without using the PRNG; it
  // depends only on the guard level, so it is worked out once per level.
  const creepByGuard = sc.risk.creepByGuard;
  const creep = creepScratch;
  for (let g = 0; g < creepByGuard.length; g++) {
    const rate = phase.creep * creepByGuard[g]!;
    creep[g] = Math.floor(((tick + 1) * rate) / 64) - Math.floor((tick * rate) / 64);
  }

  if ((tick + 1) % (sc.dust.decaySeconds * sc.tickRate) === 0) {
    for (let y = y0; y < y1; y++) for (let i = y * w + x0, end = i + s.side; i < end; i++) if (dust[i]! > 0) dust[i]!--;
  }

  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      const h = heat[i]!;
      if (h === 0) {
        const c = creep[guard[i]!]!;
        if (c > 0) risk[i] = Math.min(riskMax, risk[i]! + c);
        riskTotal += risk[i]!;
        let made = healthy;
        if (coherence > 0) {
          if (x + 1 < x1 && guard[i + 1]! > 0 && heat[i + 1] === 0) made += coherence;
          if (x > x0 && guard[i - 1]! > 0 && heat[i - 1] === 0) made += coherence;
          if (y + 1 < y1 && guard[i + w]! > 0 && heat[i + w] === 0) made += coherence;
          if (y > y0 && guard[i - w]! > 0 && heat[i - w] === 0) made += coherence;
        }
        value += made;
        continue;
      }
      fires++;
      riskTotal += risk[i]!;
      // A burning tile makes nothing and costs by heat; the loss is charged to the fire's root.
      const cost = burningCost[h]!;
      value -= cost;
      const root = fireRoot[i]!;
      if (root !== NOBODY) players[causeSeat(root)]!.stats.damageCharged += healthy + cost;
      if (h >= spreadFrom) {
        const chance = phase.spread * (h - 1);
        const pushed = push * (h - 1);
        // Right, left, down, up: the order of the draws is part of the rules. Only healthy
        // neighbours are spread to (checked here, so a map on fire makes few calls). Left and
        // above were already summed, so what is pushed onto them is added to the total here.
        if (x + 1 < x1 && heat[i + 1] === 0) spreadTo(s, i + 1, chance, pushed, root, newFires);
        if (x > x0 && heat[i - 1] === 0) riskTotal += spreadTo(s, i - 1, chance, pushed, root, newFires);
        if (y + 1 < y1 && heat[i + w] === 0) spreadTo(s, i + w, chance, pushed, root, newFires);
        if (y > y0 && heat[i - w] === 0) riskTotal += spreadTo(s, i - w, chance, pushed, root, newFires);
      }
      if (h < 4 && roll(s, 65536) < growChance) heat[i] = h + 1;
    }
  }
  s.value += value;

  for (let k = 0; k < newFires.length; k += 2) {
    const j = newFires[k]!;
    if (heat[j] !== 0) continue;
    riskTotal -= ignite(s, j, FireHow.Spread, newFires[k + 1]!);
    fires++;
  }
  return igniteSpontaneous(s, fires, riskTotal);
}

/** Risk pushed by a spreading fire onto healthy tile j, and the draw for whether the fire
 *  spreads there (recorded in `out`). Returns the risk added. */
function spreadTo(s: GameState, j: number, chance: number, pushed: number, root: Cause, out: number[]): number {
  const { risk, guard } = s.tiles;
  const before = risk[j]!;
  const after = Math.min(s.scenario.risk.max, before + pushed);
  risk[j] = after;
  if (roll(s, 65536) < Math.floor((chance * s.scenario.fire.spreadByGuard[guard[j]!]!) / 64)) out.push(j, root);
  return after - before;
}

/** New fires: the expected count grows as x^(exponentHalves/2) (x·√x by default) in
 *  x = risk/unit + perFire·fires. */
function igniteSpontaneous(s: GameState, fires: number, risk: number): MapTotals {
  const sc = s.scenario;
  const x = Math.floor(risk / sc.ignition.riskUnit) + sc.ignition.perFire * fires;
  const grown = sc.ignition.exponentHalves === 2 ? x : sc.ignition.exponentHalves === 4 ? x * x : x * isqrt(x);
  const expected = Math.floor((sc.phases[s.phase]!.ignition * grown) / 1000);
  let count = Math.floor(expected / 65536);
  if (roll(s, 65536) < expected % 65536) count++;
  for (let n = 0; n < count; n++) {
    const i = pickByRisk(s);
    if (i < 0) break;
    risk -= igniteFromRisk(s, i);
    fires++;
  }
  return { fires, risk };
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
