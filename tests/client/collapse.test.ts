// A workshop card's "collapse risk" gauge reads the rules' own threshold (shared/collapse.ts):
// full exactly when the rules start counting towards a collapse, never sooner by a fire.
import { describe, expect, it } from "vitest";
import { collapseFiresFor, SCENARIOS } from "../../shared/index.js";
import { activeFires, collapseProgress } from "../../shared/collapse.js";
import { frameFromState } from "../../client/net/frame.js";
import { quietGame, setFire } from "../rules/helpers.js";

describe("the collapse gauge", () => {
  it.each(Object.keys(SCENARIOS))("%s: full where the rules count overload, short of it one fire below the threshold", (id) => {
    const sc = SCENARIOS[id]!;
    for (const phase of sc.phases) {
      const side = phase.side;
      const limit = collapseFiresFor(sc, side);
      let last = -1;
      for (let fires = 0; fires <= limit + 2; fires++) {
        const pct = collapseProgress(sc, side, fires);
        const overloaded = fires * 100 > sc.collapse.burningPct * side * side;
        if (overloaded) expect(pct).toBe(100);
        if (fires < limit) expect(pct).toBeLessThan(100);
        expect(pct).toBeGreaterThanOrEqual(last);
        last = pct;
      }
      expect(collapseProgress(sc, side, 0)).toBe(0);
    }
  });

  it("counts only the fires in the active square, as the rules do", () => {
    const s = quietGame(1);
    const f0 = frameFromState(s);
    setFire(s, f0.ax, f0.ay, 1);
    setFire(s, f0.ax + f0.side - 1, f0.ay + f0.side - 1, 3);
    if (f0.ax > 0) setFire(s, f0.ax - 1, f0.ay, 2);
    expect(activeFires(frameFromState(s))).toBe(2);
  });
});
