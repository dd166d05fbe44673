// Over many seeds and mixed teams, every field stays in range and nothing burns where it cannot.
import { describe, expect, it } from "vitest";
import { type GameState, SCENARIOS, SUB, createGame, runBots, step } from "../../shared/index.js";

function checkInvariants(s: GameState): void {
  const { heat, risk, guard, dust } = s.tiles;
  const sc = s.scenario;
  const w = sc.grid.width;
  for (let i = 0; i < heat.length; i++) {
    const x = i % w;
    const y = Math.floor(i / w);
    const active = x >= s.ax && y >= s.ay && x < s.ax + s.side && y < s.ay + s.side;
    if (!active && heat[i] !== 0) throw new Error(`tile ${x},${y} burns outside the active area at tick ${s.tick}`);
    if (heat[i]! < 0 || heat[i]! > 4) throw new Error(`heat ${heat[i]} at ${i}`);
    if (risk[i]! < 0 || risk[i]! > sc.risk.max) throw new Error(`risk ${risk[i]} at ${i}`);
    if (guard[i]! < 0 || guard[i]! > 3) throw new Error(`guard ${guard[i]} at ${i}`);
    if (dust[i]! < 0 || dust[i]! > sc.dust.max) throw new Error(`dust ${dust[i]} at ${i}`);
    if (s.tiles.riskOwed[i]! > risk[i]!) throw new Error(`owed risk above risk at ${i}`);
  }
  for (const p of s.players) {
    if (p.energy < 0 || p.energy > sc.player.energy) throw new Error(`energy ${p.energy} for seat ${p.seat}`);
    if (p.praise < 0) throw new Error(`praise ${p.praise}`);
    const tx = Math.floor(p.x / SUB);
    const ty = Math.floor(p.y / SUB);
    if (tx < s.ax || ty < s.ay || tx >= s.ax + s.side || ty >= s.ay + s.side) throw new Error(`seat ${p.seat} outside the active area`);
  }
  const values = [...heat, ...risk, s.value, s.rng];
  if (!values.every(Number.isSafeInteger)) throw new Error("a non-integer reached the state");
}

describe("invariants", () => {
  const teams = [
    ["hero", "hero", "preventer", "balanced"],
    ["balanced", "idle", "hero", "hero", "preventer", "balanced", "hero", "preventer"],
    ["idle"],
  ] as const;
  for (const scenario of ["startup", "workshop", "classic"]) {
    it(`hold every few ticks in ${scenario} over 12 seeds`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const team = teams[seed % teams.length]!;
        const s = createGame(
          SCENARIOS[scenario]!,
          seed,
          team.map((bot, k) => ({ name: `b${k}`, bot })),
        );
        while (!s.ended) {
          runBots(s);
          step(s);
          if (s.tick % 7 === 0) checkInvariants(s);
        }
        checkInvariants(s);
        expect(s.timeline.fires.length).toBe(Math.floor(s.tick / s.scenario.tickRate));
        for (const row of s.timeline.effort) expect(row.length).toBe(s.timeline.fires.length * 7);
      }
    });
  }
});
