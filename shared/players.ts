// What players do each tick: burnout, actions in progress, movement, sprint dust, energy.
import { addRisk, clearRisk } from "./fire.js";
import { cancelAction } from "./intents.js";
import { clamp } from "./intmath.js";
import { leveragePoints } from "./leverage.js";
import { Action, EFFORT_INDEX, type Effort, type GameState, type Player, SUB, dustOf, embersOf, tileIndex } from "./state.js";

const NEIGHBOURS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

/** Diagonal movement is scaled by 181/256 ≈ 1/√2 so it is no faster than straight. */
const DIAGONAL = 181;

function spend(p: Player, effort: Effort): void {
  const k = EFFORT_INDEX[effort];
  p.stats.effort[k]!++;
  p.effortNow[k]!++;
}

/**
 * Moves a player one tick along its held direction, clamped to the active square.
 * The client runs this same function to predict its own avatar.
 */
export function movePlayer(s: GameState, p: Player): void {
  if (p.dirX === 0 && p.dirY === 0) return;
  const pl = s.scenario.player;
  const sprinting = p.sprint && p.energy > 0;
  let speed = sprinting ? pl.sprintSpeed : pl.walkSpeed;
  if (p.dirX !== 0 && p.dirY !== 0) speed = Math.floor((speed * DIAGONAL) / 256);
  const x = clamp(p.x + p.dirX * speed, s.ax * SUB, (s.ax + s.side) * SUB - 1);
  const y = clamp(p.y + p.dirY * speed, s.ay * SUB, (s.ay + s.side) * SUB - 1);
  const before = tileIndex(s, Math.floor(p.x / SUB), Math.floor(p.y / SUB));
  p.x = x;
  p.y = y;
  if (!sprinting) return;
  p.energy = Math.max(0, p.energy - pl.sprintCost);
  const after = tileIndex(s, Math.floor(x / SUB), Math.floor(y / SUB));
  if (after !== before) {
    // Sprinting kicks up dust on every tile it enters: it slows everyone's prevention there.
    s.tiles.dust[after] = Math.min(s.scenario.dust.max, s.tiles.dust[after]! + 1);
    addRisk(s, after, s.scenario.dust.risk, dustOf(p.seat));
  }
}

function finishExtinguish(s: GameState, p: Player): void {
  const t = s.tiles;
  const i = p.actionTile;
  const heat = t.heat[i]!;
  // Someone else got there first: no save, no praise.
  if (heat === 0) return;
  const ex = s.scenario.extinguish;
  t.heat[i] = 0;
  t.fireHow[i] = 0;
  t.fireRoot[i] = 0;
  const inStreak = p.lastSaveTick >= 0 && s.tick - p.lastSaveTick <= ex.streakSeconds * s.scenario.tickRate;
  p.streak = inStreak ? Math.min(ex.streakMax, p.streak + 1) : 0;
  p.lastSaveTick = s.tick;
  p.praise += ex.praise[heat]! + p.streak * ex.streakPraise;
  p.stats.saves++;
  p.stats.heatRemoved += heat;
  // The quick fix leaves embers: risk on the tile and around it, charged to this player.
  const w = s.scenario.grid.width;
  const x = i % w;
  const y = (i - x) / w;
  addRisk(s, i, ex.embersOnTile, embersOf(p.seat));
  for (const [dx, dy] of NEIGHBOURS) {
    const nx = x + dx;
    const ny = y + dy;
    if (nx < s.ax || ny < s.ay || nx >= s.ax + s.side || ny >= s.ay + s.side) continue;
    const j = ny * w + nx;
    if (t.heat[j] === 0) addRisk(s, j, ex.embersAround, embersOf(p.seat));
  }
}

function finishInvest(s: GameState, p: Player): void {
  const t = s.tiles;
  const i = p.actionTile;
  if (t.heat[i]! > 0 || t.guard[i]! >= 3) return;
  t.guard[i]!++;
  p.stats.guardBuilt++;
  const r = s.scenario.invest.clearRadius;
  const w = s.scenario.grid.width;
  const x = i % w;
  const y = (i - x) / w;
  for (let ny = Math.max(s.ay, y - r); ny <= Math.min(s.ay + s.side - 1, y + r); ny++) {
    const span = r - Math.abs(ny - y);
    for (let nx = Math.max(s.ax, x - span); nx <= Math.min(s.ax + s.side - 1, x + span); nx++) {
      const j = ny * w + nx;
      if (t.heat[j] === 0) p.stats.riskCleared += clearRisk(s, j);
    }
  }
}

function finishStepBack(s: GameState, p: Player): void {
  const sb = s.scenario.stepBack;
  s.reveal.until = s.tick + 1 + sb.revealSeconds * s.scenario.tickRate;
  s.reveal.by = p.seat;
  s.reveal.leverage = leveragePoints(s, sb.leveragePoints);
}

function continueAction(s: GameState, p: Player): void {
  const sc = s.scenario;
  if (p.action === Action.Extinguish) spend(p, "extinguish");
  else if (p.action === Action.Invest) {
    // A fire breaking out under the work stops it.
    if (s.tiles.heat[p.actionTile]! > 0) {
      cancelAction(p);
      spend(p, "idle");
      return;
    }
    spend(p, "invest");
  } else {
    spend(p, "stepBack");
    p.energy = Math.min(sc.player.energy, p.energy + sc.stepBack.energyPerTick);
  }
  if (--p.actionLeft > 0) return;
  if (p.action === Action.Extinguish) finishExtinguish(s, p);
  else if (p.action === Action.Invest) finishInvest(s, p);
  else finishStepBack(s, p);
  cancelAction(p);
}

export function stepPlayer(s: GameState, p: Player): void {
  if (!p.present) return;
  const pl = s.scenario.player;
  if (p.burnout > 0) {
    spend(p, "burntOut");
    if (--p.burnout === 0) p.energy = pl.burnoutRecovery;
    return;
  }
  const acting = p.action !== Action.None;
  const sprinting = !acting && p.sprint && p.energy > 0 && (p.dirX !== 0 || p.dirY !== 0);
  if (acting) continueAction(s, p);
  else if (p.dirX !== 0 || p.dirY !== 0) {
    spend(p, sprinting ? "sprint" : "walk");
    movePlayer(s, p);
  } else spend(p, "idle");
  // Energy comes back only while walking or standing; working and sprinting use it.
  if (!acting && !sprinting) p.energy = Math.min(pl.energy, p.energy + pl.regen);
  // Pushed past empty, a player burns out once the current action is done.
  if (p.energy <= 0 && p.action === Action.None) {
    p.energy = 0;
    p.burnout = pl.burnoutSeconds * s.scenario.tickRate;
    p.dirX = 0;
    p.dirY = 0;
    p.sprint = false;
  }
}
