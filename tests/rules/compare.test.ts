// A what-if is compared with the real round at the same moment, however long each ran.
import { describe, expect, it } from "vitest";
import { addPlayer, atSameMoment, createGame, debriefRound, roundSummary, runBots, SCENARIOS, step } from "../../shared/index.js";

describe("atSameMoment", () => {
  it("compares at the last second both runs reached, and says when one was cut", () => {
    // The host ended the real round after 3 s; the what-if ran 5 s and kept growing.
    expect(atSameMoment([10, 20, 30], [10, 25, 33, 60, 90])).toEqual({ second: 3, real: 30, other: 33, pct: 10, cut: true });
    expect(atSameMoment([10, 20, 40], [10, 20, 30])).toEqual({ second: 3, real: 40, other: 30, pct: -25, cut: false });
  });

  it("rounds half away from zero, has no percentage against zero, and nothing for an empty run", () => {
    expect(atSameMoment([200], [201])!.pct).toBe(1); // 0.5% → 1
    expect(atSameMoment([200], [199])!.pct).toBe(-1);
    expect(atSameMoment([-100], [-50])!.pct).toBe(50);
    expect(atSameMoment([0], [5])!.pct).toBeNull();
    expect(atSameMoment([], [1])).toBeNull();
  });
});

describe("a debriefed round's value", () => {
  it("is the value at the round's last tick, the figure the round list shows, even when the host ended it mid-second", () => {
    const s = createGame(SCENARIOS.startup!, 3);
    for (const bot of ["hero", "balanced"] as const) addPlayer(s, { name: bot, bot });
    for (let t = 0; t < 347; t++) {
      runBots(s);
      step(s);
    }
    const summary = roundSummary(s);
    const d = debriefRound({ round: 1, scenario: SCENARIOS.startup!, seed: 3, ended: "host", summary, timeline: s.timeline });
    expect(d.finalValue).toBe(summary.value);
    // The timeline samples whole seconds only: its last sample is 0.7 s older than the end.
    expect(d.value.length).toBe(34);
  });
});
