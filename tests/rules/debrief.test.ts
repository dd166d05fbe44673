// The debrief's rules: where a round tipped, effort per player, the counterfactual and the
// replay cursor a facilitator scrubs with. All of it is re-simulation, so it must agree with
// the real round to the bit.
import { describe, expect, it } from "vitest";
import { playBots } from "../../shared/bots/match.js";
import {
  EFFORTS,
  EFFORT_BIN_SECONDS,
  effortBins,
  getScenario,
  ReplayCursor,
  replay,
  runWhatIf,
  stateHash,
  tippingPoint,
  whatIfSlices,
  debriefRound,
  roundSummary,
} from "../../shared/index.js";

const classic = getScenario("classic")!;
const workshop = getScenario("workshop")!;
const HEROES = ["hero", "hero", "hero", "hero"] as const;
const BALANCED = ["balanced", "balanced", "balanced", "balanced"] as const;

describe("the tipping point", () => {
  it("is where more fires than players began to burn for good, averaged over ten seconds", () => {
    const calm = Array.from({ length: 100 }, () => 1);
    expect(tippingPoint(calm, 4)).toBeNull();
    // A flare that dies down again is not a tip.
    const flare = [...calm.slice(0, 50), ...Array.from({ length: 20 }, () => 30), ...calm.slice(0, 30)];
    expect(tippingPoint(flare, 4)).toBeNull();
    // A one-second spike does not move a ten-second average past the team.
    expect(tippingPoint([...calm, 20, 1, 1, 1], 4)).toBeNull();
    // Fires that climb to the end: the run starts where the average first exceeds the team.
    const spiral = [...calm.slice(0, 60), ...Array.from({ length: 40 }, (_, k) => 2 + k)];
    const tip = tippingPoint(spiral, 4)!;
    expect(tip).toBeGreaterThan(60);
    expect(tip).toBeLessThan(75);
    const avg = (t: number) => spiral.slice(Math.max(0, t - 9), t + 1).reduce((a, b) => a + b, 0) / Math.min(t + 1, 10);
    expect(avg(tip)).toBeGreaterThan(4);
    expect(avg(tip - 1)).toBeLessThanOrEqual(4);
  });

  it("marks only rounds that spiralled: a team that held many fires at bay to the end did not tip", () => {
    const calm = Array.from({ length: 60 }, () => 1);
    // Busy but steady to the end: more fires than people, not growing.
    const plateau = [...calm, ...Array.from({ length: 120 }, (_, k) => 12 + (k % 3))];
    expect(tippingPoint(plateau, 4, "time")).toBeNull();
    expect(tippingPoint(plateau, 4)).toBeNull();
    // The same curve ending in a collapse tipped where the run beyond the team began.
    // (The ten-second average crosses the team a few seconds into the run.)
    const collapsed = tippingPoint(plateau, 4, "collapse")!;
    expect(collapsed).toBeGreaterThanOrEqual(60);
    expect(collapsed).toBeLessThan(65);
    // Still climbing when the clock ran out: a spiral the clock cut short.
    const climbing = [...calm, ...Array.from({ length: 60 }, (_, k) => 5 + k)];
    const cut = tippingPoint(climbing, 4, "time")!;
    expect(cut).toBeGreaterThanOrEqual(60);
    expect(cut).toBeLessThan(70);
    // A few fires drifting up on a big map, never twice the team, are not a spiral either.
    expect(tippingPoint([...calm, ...Array.from({ length: 60 }, (_, k) => (k < 30 ? 5 : 8))], 4, "time")).toBeNull();
    // Climbing, but a long way from a collapse of 512 fires: busy, not spiralling.
    expect(tippingPoint(climbing, 4, "time", 512)).toBeNull();
    expect(tippingPoint(climbing, 4, "time", 200)).toBe(cut);
    // A short run beyond the team at the very end is not yet a spiral.
    expect(tippingPoint([...calm, ...Array.from({ length: 20 }, (_, k) => 5 + 2 * k)], 4, "time")).toBeNull();
  });

  it("comes earlier for a team of heroes than for a balanced team on the same seeds", () => {
    for (let seed = 31; seed <= 36; seed++) {
      const heroes = playBots(workshop, seed, HEROES).state;
      const balanced = playBots(workshop, seed, BALANCED).state;
      const h = tippingPoint(heroes.timeline.fires, 4, heroes.ended);
      const b = tippingPoint(balanced.timeline.fires, 4, balanced.ended) ?? Infinity;
      expect(h).not.toBeNull();
      expect(h!).toBeLessThan(b);
    }
  });
});

describe("effort per player", () => {
  it("bins add up to each player's whole-round effort", () => {
    const s = playBots(workshop, 5, ["hero", "balanced", "preventer"]).state;
    const bins = effortBins(s.timeline, EFFORT_BIN_SECONDS);
    const summary = roundSummary(s);
    expect(bins).toHaveLength(3);
    for (const [seat, row] of bins.entries()) {
      expect(row.length).toBe(Math.ceil(s.timeline.fires.length / EFFORT_BIN_SECONDS) * EFFORTS.length);
      for (const [k, e] of EFFORTS.entries()) {
        let sum = 0;
        for (let b = k; b < row.length; b += EFFORTS.length) sum += row[b]!;
        // The timeline samples whole seconds; the last part-second is in the totals only.
        expect(summary.players[seat]!.effort[e] - sum).toBeGreaterThanOrEqual(0);
        expect(summary.players[seat]!.effort[e] - sum).toBeLessThan(workshop.tickRate);
      }
    }
  });

  it("a debrief round carries the summary, the curves and the tipping point", () => {
    const s = playBots(workshop, 7, HEROES).state;
    const d = debriefRound({ round: 1, scenario: workshop, seed: 7, ended: s.ended, summary: roundSummary(s), timeline: s.timeline });
    expect(d.fires).toEqual(s.timeline.fires);
    expect(d.seconds).toBe(s.timeline.fires.length);
    expect(d.tipping).toBe(tippingPoint(s.timeline.fires, 4, s.ended));
    expect(d.players.map((p) => p.name)).toEqual(s.players.map((p) => p.name));
  });
});

describe("the counterfactual", () => {
  const real = playBots(classic, 12, HEROES, { record: true });
  const spec = { fromSecond: 300, team: "balanced" as const };

  it("is deterministic, follows the real round up to the moment, then differs", () => {
    const a = runWhatIf(classic, 12, real.log, spec);
    const b = runWhatIf(classic, 12, real.log, spec);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(a.timeline.value.slice(0, 300)).toEqual(real.state.timeline.value.slice(0, 300));
    expect(a.timeline.fires.slice(0, 300)).toEqual(real.state.timeline.fires.slice(0, 300));
    expect(stateHash(a)).not.toBe(stateHash(real.state));
    // Heroes collapse on this seed; a balanced team from five minutes in holds out longer and ends richer.
    expect(real.state.ended).toBe("collapse");
    expect(a.tick).toBeGreaterThan(real.state.tick);
    expect(a.value).toBeGreaterThan(real.state.value);
  });

  it("can play at a person's pace: deterministic, the same up to the moment, then its own round", () => {
    const paced = { ...spec, pace: 2 };
    const a = runWhatIf(classic, 12, real.log, paced);
    expect(stateHash(a)).toBe(stateHash(runWhatIf(classic, 12, real.log, paced)));
    expect(a.timeline.value.slice(0, 300)).toEqual(real.state.timeline.value.slice(0, 300));
    expect(a.players.every((p) => p.pace === 2 && p.botMind)).toBe(true);
    expect(stateHash(a)).not.toBe(stateHash(runWhatIf(classic, 12, real.log, spec)));
  });

  it("gives the same answer a slice at a time as all at once", () => {
    const it = whatIfSlices(classic, 12, real.log, spec, 97);
    let r = it.next();
    let slices = 0;
    while (!r.done) {
      slices++;
      r = it.next();
    }
    expect(slices).toBeGreaterThan(50);
    expect(stateHash(r.value)).toBe(stateHash(runWhatIf(classic, 12, real.log, spec)));
  });

  it("from second 0 with the same team is the real round again", () => {
    const again = runWhatIf(classic, 12, real.log, { fromSecond: 0, team: "hero" });
    expect(stateHash(again)).toBe(stateHash(real.state));
  });
});

describe("the replay cursor", () => {
  it("shows the same map as a replay at any moment, seeking forwards and back", () => {
    const real = playBots(workshop, 3, ["hero", "balanced", "preventer", "hero"], { record: true });
    const end = real.state.tick;
    const cursor = new ReplayCursor(workshop, 3, real.log, end);
    for (const t of [0, 1200, 350, 351, 4000, 10, end, end + 50, 2999]) {
      const want = stateHash(replay(workshop, 3, real.log, Math.min(t, end)));
      expect(stateHash(cursor.seek(t)), `tick ${t}`).toBe(want);
    }
  });
});
