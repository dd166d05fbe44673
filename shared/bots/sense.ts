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
  /** Every active tile, in index order. */
  tiles: number[];
}

export function look(s: GameState): Sight {
  const fires: number[] = [];
  const tiles: number[] = [];
  const w = s.scenario.grid.width;
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let i = y * w + s.ax, end = i + s.side; i < end; i++) {
      tiles.push(i);
      if (s.tiles.heat[i]! > 0) fires.push(i);
    }
  }
  const busy = new Set<number>();
  for (const p of s.players) if (p.present && p.action !== Action.None && p.action !== Action.StepBack) busy.add(p.actionTile);
  return { fires, busy, tiles };
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

/** Intents that steer the avatar toward tile i, sent only when something changes. */
export function goTo(s: GameState, p: Player, i: number, sprint: boolean): Intent[] {
  const out: Intent[] = [];
  const centre = (t: number) => t * SUB + SUB / 2;
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
