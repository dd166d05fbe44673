// Leverage points: where one more investment would clear the most hidden risk.
import type { GameState } from "./state.js";

/** Up to n tiles, best first, each outside the clearing radius of the ones before it. */
export function leveragePoints(s: GameState, n: number): number[] {
  const t = s.tiles;
  const w = s.scenario.grid.width;
  const r = s.scenario.invest.clearRadius;
  const x1 = s.ax + s.side;
  const y1 = s.ay + s.side;
  // Candidates as two parallel lists (no object per tile).
  const tiles: number[] = [];
  const scores: number[] = [];
  for (let y = s.ay; y < y1; y++) {
    for (let x = s.ax; x < x1; x++) {
      const i = y * w + x;
      if (t.heat[i]! > 0 || t.guard[i]! >= 3) continue;
      let score = 0;
      for (let ny = Math.max(s.ay, y - r); ny <= Math.min(y1 - 1, y + r); ny++) {
        const span = r - Math.abs(ny - y);
        for (let nx = Math.max(s.ax, x - span); nx <= Math.min(x1 - 1, x + span); nx++) {
          const j = ny * w + nx;
          if (t.heat[j] === 0) score += t.risk[j]!;
        }
      }
      if (score > 0) {
        tiles.push(i);
        scores.push(score);
      }
    }
  }
  // Walking the candidates best first (score, then index) and keeping each one not within
  // the radius of one kept before picks, at every turn, the best candidate not near any kept
  // so far (a kept tile is near itself). So n selection passes give the same points as a
  // full sort, without sorting a thousand candidates for five.
  const chosen: number[] = [];
  while (chosen.length < n) {
    let pick = -1;
    for (let k = 0; k < tiles.length; k++) {
      // Candidates are in index order, so a strictly higher score is the only way to win.
      if (pick >= 0 && scores[k]! <= scores[pick]!) continue;
      if (nearAny(chosen, tiles[k]!, w, r)) continue;
      pick = k;
    }
    if (pick < 0) break;
    chosen.push(tiles[pick]!);
  }
  return chosen;
}

/** Whether tile i is within Manhattan distance r of any of `tiles`. */
function nearAny(tiles: readonly number[], i: number, w: number, r: number): boolean {
  const cx = i % w;
  const cy = (i - cx) / w;
  for (const k of tiles) if (Math.abs((k % w) - cx) + Math.abs(Math.floor(k / w) - cy) <= r) return true;
  return false;
}
