// Leverage points: where one more investment would clear the most hidden risk.
import type { GameState } from "./state.js";

/** Up to n tiles, best first, each outside the clearing radius of the ones before it. */
export function leveragePoints(s: GameState, n: number): number[] {
  const t = s.tiles;
  const w = s.scenario.grid.width;
  const r = s.scenario.invest.clearRadius;
  const x1 = s.ax + s.side;
  const y1 = s.ay + s.side;
  const scored: { i: number; score: number }[] = [];
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
      if (score > 0) scored.push({ i, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  for (const c of scored) {
    if (chosen.length >= n) break;
    const cx = c.i % w;
    const cy = (c.i - cx) / w;
    const near = chosen.some((k) => Math.abs((k % w) - cx) + Math.abs(Math.floor(k / w) - cy) <= r);
    if (!near) chosen.push(c.i);
  }
  return chosen;
}
