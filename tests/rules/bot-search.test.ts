// The bots' fast searches choose what a plain scan of every tile chooses: the nearest-rows-first
// searches of strategies.ts and the selection passes of leveragePoints, checked against the
// straightforward versions they replaced, on states from played rounds, with avatars anywhere
// and tiles taken by others.
import { describe, expect, it } from "vitest";
import { type GameState, SCENARIOS, SUB, runBots, step } from "../../shared/index.js";
import { createGame } from "../../shared/game.js";
import { leveragePoints } from "../../shared/leverage.js";
import { mixHash } from "../../shared/prng.js";
import { best, distance, look, type Sight } from "../../shared/bots/sense.js";
import { highestRiskNear, nearestToGuard } from "../../shared/bots/strategies.js";

/** Every active tile scored in index order; ties to the lower index. */
function plainNearestToGuard(s: GameState, seat: number, sight: Sight): number {
  const p = s.players[seat]!;
  return best(sight.tiles, (i) => {
    if (s.tiles.heat[i]! > 0 || s.tiles.guard[i]! >= 3 || sight.busy.has(i)) return -Infinity;
    return -8 * s.tiles.guard[i]! - distance(s, p, i) - s.tiles.dust[i]! + (mixHash(p.seat, i, s.tick >> 6) & 1);
  });
}

function plainHighestRiskNear(s: GameState, seat: number, sight: Sight): number {
  const p = s.players[seat]!;
  return best(sight.tiles, (i) => {
    if (s.tiles.heat[i]! > 0 || s.tiles.guard[i]! >= 3 || sight.busy.has(i)) return -Infinity;
    return s.tiles.risk[i]! - 200 * distance(s, p, i);
  });
}

/** Sorts every candidate, then keeps those outside the radius of the ones kept before. */
function plainLeveragePoints(s: GameState, n: number): number[] {
  const t = s.tiles;
  const w = s.scenario.grid.width;
  const r = s.scenario.invest.clearRadius;
  const scored: { i: number; score: number }[] = [];
  for (let y = s.ay; y < s.ay + s.side; y++) {
    for (let x = s.ax; x < s.ax + s.side; x++) {
      const i = y * w + x;
      if (t.heat[i]! > 0 || t.guard[i]! >= 3) continue;
      let score = 0;
      for (let ny = s.ay; ny < s.ay + s.side; ny++)
        for (let nx = s.ax; nx < s.ax + s.side; nx++) {
          const j = ny * w + nx;
          if (Math.abs(nx - x) + Math.abs(ny - y) <= r && t.heat[j] === 0) score += t.risk[j]!;
        }
      if (score > 0) scored.push({ i, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  for (const c of scored) {
    if (chosen.length >= n) break;
    const near = chosen.some((k) => Math.abs((k % w) - (c.i % w)) + Math.abs(Math.floor(k / w) - Math.floor(c.i / w)) <= r);
    if (!near) chosen.push(c.i);
  }
  return chosen;
}

/** States every 97 ticks of a round played by a mixed team of bots. */
function* states(scenario: string, seed: number): Generator<GameState> {
  const team = ["balanced", "preventer", "hero", "firefighter", "balanced", "preventer"] as const;
  const s = createGame(
    SCENARIOS[scenario]!,
    seed,
    team.map((bot, k) => ({ name: `${bot}-${k}`, bot })),
  );
  while (!s.ended) {
    runBots(s);
    step(s);
    if (s.tick % 97 === 0) yield s;
  }
}

/** A pseudo-random number from a counter (the test's own, apart from the game's PRNG). */
const pick = (k: number, n: number) => mixHash(k, 7, 11) % n;

describe("the bots' searches", () => {
  it("choose the tile a scan of every tile in index order chooses", () => {
    let compared = 0;
    let k = 0;
    for (const [scenario, seed] of [
      ["classic", 3],
      ["workshop", 5],
      ["startup", 8],
    ] as const) {
      for (const s of states(scenario, seed)) {
        const sight = look(s);
        // The tiles some avatars stand on, taken by someone else.
        for (const p of s.players) if (pick(k++, 2) === 0) sight.busy.add(Math.floor(p.y / SUB) * s.scenario.grid.width + Math.floor(p.x / SUB));
        for (const p of s.players) {
          // The avatar where it stands, and somewhere else in the active square (a corner now and then).
          for (const move of [false, true]) {
            const saved = { x: p.x, y: p.y };
            if (move) {
              const corner = pick(k++, 4) === 0;
              p.x = (s.ax + (corner ? 0 : pick(k++, s.side))) * SUB + pick(k++, SUB);
              p.y = (s.ay + (corner ? s.side - 1 : pick(k++, s.side))) * SUB + pick(k++, SUB);
            }
            expect(nearestToGuard(s, p, sight)).toBe(plainNearestToGuard(s, p.seat, sight));
            expect(highestRiskNear(s, p, sight)).toBe(plainHighestRiskNear(s, p.seat, sight));
            compared++;
            Object.assign(p, saved);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("leverage points are those a full sort gives", () => {
    let compared = 0;
    for (const s of states("classic", 4)) {
      for (const n of [0, 1, 5, 20]) expect(leveragePoints(s, n)).toEqual(plainLeveragePoints(s, n));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
