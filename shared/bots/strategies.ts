// The bot strategies. Each is a pure function from what it sees to a plan (a tile to act on,
// stepping back, or standing still); run.ts turns plans into intents, so bots play through
// the same door as people.
import { mixHash } from "../prng.js";
import { Action, type BotKind, type BotPlan, type GameState, type Player, SUB, isRevealed } from "../state.js";
import { HALT } from "./plan.js";
import { best, distance, inReach, type Sight } from "./sense.js";

export type Strategy = (s: GameState, p: Player, sight: Sight) => BotPlan;

const act = (kind: "extinguish" | "invest", tile: number, sprint = false): BotPlan => ({ kind, tile, sprint });
const STEP_BACK: BotPlan = { kind: "stepBack" };

/** Hero: chases the biggest fire it can get to, sprinting; never stops to look or build. */
const hero: Strategy = (s, p, sight) => {
  const targets = sight.fires.filter((i) => !sight.busy.has(i));
  if (targets.length === 0) return HALT;
  const heatWeight = 6;
  const target = best(targets, (i) => heatWeight * s.tiles.heat[i]! - distance(s, p, i) + (mixHash(p.seat, i, 0) & 1));
  return act("extinguish", target, distance(s, p, target) > 2);
};

/**
 * The unguarded-first tile nearest to the avatar, for building without sight of risk: the
 * best of −8·guard − distance − dust + a coin from mixHash, over healthy tiles not fully
 * guarded and not taken; ties go to the lower index.
 *
 * The same choice as scoring every active tile in index order, found faster: rows are
 * searched nearest first, and a tile at distance d scores at most 1 − d, so once a row is
 * too far to reach the best score found, no farther row can either.
 */
export function nearestToGuard(s: GameState, p: Player, sight: Sight): number {
  const { heat, guard, dust } = s.tiles;
  const w = s.scenario.grid.width;
  const px = Math.floor(p.x / SUB);
  const py = Math.floor(p.y / SUB);
  const x0 = s.ax;
  const x1 = s.ax + s.side;
  const y0 = s.ay;
  const y1 = s.ay + s.side;
  const coin = s.tick >> 6;
  let bestTile = -1;
  let bestScore = -Infinity;
  const farthest = Math.max(py - y0, y1 - 1 - py);
  for (let dy = 0; dy <= farthest && 1 - dy >= bestScore; dy++) {
    for (let y = py - dy; y <= py + dy; y += dy === 0 ? 1 : 2 * dy) {
      if (y < y0 || y >= y1) continue;
      for (let x = x0, i = y * w + x0; x < x1; x++, i++) {
        if (heat[i]! > 0 || guard[i]! >= 3) continue;
        const base = -8 * guard[i]! - Math.max(Math.abs(px - x), dy) - dust[i]!;
        if (base + 1 < bestScore) continue;
        const score = base + (mixHash(p.seat, i, coin) & 1);
        if ((score > bestScore || (score === bestScore && i < bestTile)) && !sight.busy.has(i)) {
          bestScore = score;
          bestTile = i;
        }
      }
    }
  }
  return bestTile;
}

/** A fire next to guarded tiles, within `range`: prevention worth defending. */
function fireThreateningGuard(s: GameState, p: Player, sight: Sight, range: number): number {
  const w = s.scenario.grid.width;
  const g = s.tiles.guard;
  return best(sight.fires, (i) => {
    if (sight.busy.has(i) || distance(s, p, i) > range) return -Infinity;
    const guarded = (g[i - 1] ?? 0) + (g[i + 1] ?? 0) + (g[i - w] ?? 0) + (g[i + w] ?? 0) + g[i]!;
    return guarded > 0 ? s.tiles.heat[i]! * 4 - distance(s, p, i) : -Infinity;
  });
}

/**
 * While risk is revealed: the riskiest buildable tile, discounted by the walk to it (risk −
 * 200·distance, over healthy tiles not fully guarded and not taken; ties go to the lower
 * index). Searched like nearestToGuard, nearest rows first: no tile scores above the
 * sight's risk ceiling less 200 per row of distance.
 */
export function highestRiskNear(s: GameState, p: Player, sight: Sight): number {
  const { heat, guard, risk } = s.tiles;
  const w = s.scenario.grid.width;
  const px = Math.floor(p.x / SUB);
  const py = Math.floor(p.y / SUB);
  const x0 = s.ax;
  const x1 = s.ax + s.side;
  const y0 = s.ay;
  const y1 = s.ay + s.side;
  let bestTile = -1;
  let bestScore = -Infinity;
  const farthest = Math.max(py - y0, y1 - 1 - py);
  for (let dy = 0; dy <= farthest && sight.riskCeiling - 200 * dy >= bestScore; dy++) {
    for (let y = py - dy; y <= py + dy; y += dy === 0 ? 1 : 2 * dy) {
      if (y < y0 || y >= y1) continue;
      for (let x = x0, i = y * w + x0; x < x1; x++, i++) {
        if (heat[i]! > 0 || guard[i]! >= 3) continue;
        const score = risk[i]! - 200 * Math.max(Math.abs(px - x), dy);
        if ((score > bestScore || (score === bestScore && i < bestTile)) && !sight.busy.has(i)) {
          bestScore = score;
          bestTile = i;
        }
      }
    }
  }
  return bestTile;
}

/** Preventer: builds guard where risk is highest (when it can see risk), and fights only
 *  fires that threaten guard already built. It never steps back itself. */
const preventer: Strategy = (s, p, sight) => {
  const fire = fireThreateningGuard(s, p, sight, 3);
  if (fire >= 0) return act("extinguish", fire);
  let target: number;
  if (isRevealed(s)) target = highestRiskNear(s, p, sight);
  else target = nearestToGuard(s, p, sight);
  if (target < 0) return HALT;
  return act("invest", target);
};

/** Balanced: steps back to see, invests at the leverage points, fights the fires that matter. */
const balanced: Strategy = (s, p, sight) => {
  const revealed = isRevealed(s);
  const someoneLooking = s.players.some((o) => o.present && o.action === Action.StepBack);
  if (!someoneLooking && (p.energy < s.scenario.player.energy / 4 || !revealed)) return STEP_BACK;
  const spreadHeat = s.scenario.fire.spreadFromHeat;
  // More fires than people: every fire nearby matters now, not only the spreading ones.
  const crowded = sight.fires.length > s.players.length;
  const fire = best(sight.fires, (i) => {
    if (sight.busy.has(i)) return -Infinity;
    const d = distance(s, p, i);
    const heat = s.tiles.heat[i]!;
    const matters = d <= 2 || (heat >= spreadHeat && d <= 12) || (crowded && d <= 6);
    return matters ? heat * 4 - d : -Infinity;
  });
  if (fire >= 0) return act("extinguish", fire);
  if (revealed) {
    const points = s.reveal.leverage.filter((i) => s.tiles.risk[i]! > 0 && s.tiles.heat[i] === 0 && s.tiles.guard[i]! < 3 && !sight.busy.has(i));
    const point = best(points, (i) => -distance(s, p, i));
    if (point >= 0) return act("invest", point);
    const risky = highestRiskNear(s, p, sight);
    if (risky >= 0) return act("invest", risky);
  }
  const target = nearestToGuard(s, p, sight);
  if (target < 0) return HALT;
  if (inReach(s, p, target) && p.energy < s.scenario.invest.energy) return HALT;
  return act("invest", target);
};

/** Firefighter, the human default: heads for the nearest fire it can see, walking; never
 *  invests; steps back only when nearly out of energy (to avoid burning out). */
const firefighter: Strategy = (s, p, sight) => {
  if (p.energy < s.scenario.player.energy / 10) return STEP_BACK;
  const fire = best(sight.fires, (i) => (sight.busy.has(i) ? -Infinity : -2 * distance(s, p, i) + (mixHash(p.seat, i, 0) & 1)));
  return fire >= 0 ? act("extinguish", fire) : HALT;
};

const idle: Strategy = () => HALT;

export const STRATEGIES: Readonly<Record<BotKind, Strategy>> = { hero, preventer, balanced, firefighter, idle };
