// What a bot can see and how it gets somewhere. Bots read only what a person could:
// heat, guard, dust, other avatars, and hidden risk only while it is revealed.
import type { Intent } from "../intents.js";
import { sign } from "../intmath.js";
import { Action, type GameState, type Player, SUB } from "../state.js";

/** Shared per-tick facts, worked out once for all bots. */
export interface Sight {
  /** Burning tiles, in index order. */
  fires: number[];
  /** Tiles someone is already extinguishing or investing in. */
  busy: Set<number>;
  /** Every active tile, in index order (shared between looks: never change it). */
  tiles: readonly number[];
  /** The highest risk on any healthy active tile (0 if none): a ceiling that lets a search
   *  for risky tiles stop early. Only strategies that may see risk (while it is revealed) use it. */
  riskCeiling: number;
}

/** The active square's tile list, by square: it changes only when a phase grows the square,
 *  so each look reuses it instead of building a thousand-entry list every tick. */
const squares = new Map<string, readonly number[]>();

function squareTiles(s: GameState): readonly number[] {
  const w = s.scenario.grid.width;
  const key = `${w},${s.ax},${s.ay},${s.side}`;
  let tiles = squares.get(key);
  if (!tiles) {
    const list: number[] = [];
    for (let y = s.ay; y < s.ay + s.side; y++) for (let i = y * w + s.ax, end = i + s.side; i < end; i++) list.push(i);
    // A handful of squares per scenario; the bound only guards a long-lived server from growth.
    if (squares.size >= 64) squares.clear();
    squares.set(key, (tiles = list));
  }
  return tiles;
}

export function look(s: GameState): Sight {
  const fires: number[] = [];
  const { heat, risk } = s.tiles;
  const w = s.scenario.grid.width;
  let riskCeiling = 0;
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let i = y * w + s.ax, end = i + s.side; i < end; i++) {
      if (heat[i]! > 0) fires.push(i);
      else if (risk[i]! > riskCeiling) riskCeiling = risk[i]!;
    }
  }
  const busy = new Set<number>();
  for (const p of s.players) if (p.present && p.action !== Action.None && p.action !== Action.StepBack) busy.add(p.actionTile);
  return { fires, busy, tiles: squareTiles(s), riskCeiling };
}

export const tileX = (s: GameState, i: number): number => i % s.scenario.grid.width;
export const tileY = (s: GameState, i: number): number => Math.floor(i / s.scenario.grid.width);

/** Chebyshev distance in tiles from the avatar to tile i. */
export function distance(s: GameState, p: Player, i: number): number {
  return Math.max(Math.abs(Math.floor(p.x / SUB) - tileX(s, i)), Math.abs(Math.floor(p.y / SUB) - tileY(s, i)));
}

export function inReach(s: GameState, p: Player, i: number): boolean {
  return distance(s, p, i) <= s.scenario.player.reach;
}

/** The centre of tile column or row t, in 1/SUB tiles. */
const centre = (t: number): number => t * SUB + SUB / 2;

/** Intents that steer the avatar toward tile i, sent only when something changes. */
export function goTo(s: GameState, p: Player, i: number, sprint: boolean): Intent[] {
  const out: Intent[] = [];
  const dx = sign(centre(tileX(s, i)) - p.x);
  const dy = sign(centre(tileY(s, i)) - p.y);
  // Within reach on an axis is close enough on that axis.
  const reach = s.scenario.player.reach;
  const mx = Math.abs(Math.floor(p.x / SUB) - tileX(s, i)) <= reach ? 0 : dx;
  const my = Math.abs(Math.floor(p.y / SUB) - tileY(s, i)) <= reach ? 0 : dy;
  if (mx !== p.dirX || my !== p.dirY) out.push({ kind: "move", dx: mx as -1 | 0 | 1, dy: my as -1 | 0 | 1 });
  if (sprint !== p.sprint) out.push({ kind: "sprint", on: sprint });
  return out;
}

export function halt(p: Player): Intent[] {
  const out: Intent[] = [];
  if (p.dirX !== 0 || p.dirY !== 0) out.push({ kind: "move", dx: 0, dy: 0 });
  if (p.sprint) out.push({ kind: "sprint", on: false });
  return out;
}

/** Acts on tile i if in reach, otherwise walks (or sprints) there. */
export function actOn(s: GameState, p: Player, i: number, kind: "extinguish" | "invest", sprint: boolean): Intent[] {
  if (!inReach(s, p, i)) return goTo(s, p, i, sprint);
  return [{ kind, x: tileX(s, i), y: tileY(s, i) }];
}

/** The best tile by score (higher wins); ties go to the lower index. -1 if none. */
export function best(tiles: readonly number[], score: (i: number) => number): number {
  let bestTile = -1;
  let bestScore = -Infinity;
  for (const i of tiles) {
    const v = score(i);
    if (v > bestScore) {
      bestScore = v;
      bestTile = i;
    }
  }
  return bestTile;
}
