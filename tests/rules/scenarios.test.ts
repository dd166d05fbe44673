// Scenarios are data, validated when loaded; a bad one names the field that is wrong.
import { describe, expect, it } from "vitest";
import { SCENARIOS, SCENARIO_IDS, createGame, fromPhase, getScenario, parseScenario } from "../../shared/index.js";

describe("scenarios", () => {
  it("ships startup, workshop and classic with the lengths the design asks for", () => {
    expect(SCENARIO_IDS).toEqual(expect.arrayContaining(["startup", "workshop", "classic"]));
    expect(SCENARIOS.startup!.phases).toHaveLength(1);
    expect(SCENARIOS.startup!.durationSeconds).toBe(120);
    expect(SCENARIOS.classic!.phases).toHaveLength(3);
    expect(SCENARIOS.classic!.durationSeconds).toBeGreaterThanOrEqual(720);
    expect(SCENARIOS.classic!.durationSeconds).toBeLessThanOrEqual(900);
    expect(SCENARIOS.workshop!.durationSeconds).toBe(480);
  });

  it("finds only real scenarios by id", () => {
    expect(getScenario("classic")?.id).toBe("classic");
    expect(getScenario("toString")).toBeUndefined();
    expect(getScenario("nope")).toBeUndefined();
  });

  // Scenario JSON broken by hand, field by field: any is the honest type of what a test pokes at.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = Record<string, any>;
  const broken: [string, (d: Json) => void, string][] = [
    ["a missing field", (d) => delete d.tickRate, "tickRate"],
    ["a fractional number", (d) => (d.player.energy = 10.5), "player.energy"],
    ["a guard table of the wrong length", (d) => (d.risk.creepByGuard = [64, 32]), "risk.creepByGuard"],
    ["a phase larger than the grid", (d) => (d.phases[2].side = 40), "phases.2.side"],
    ["phases out of order", (d) => (d.phases[1].startSecond = 0), "phases.1"],
    ["an unknown field", (d) => (d.gravity = 3), "scenario"],
  ];
  for (const [name, breakIt, where] of broken) {
    it(`rejects ${name}, naming ${where}`, () => {
      const data = structuredClone(SCENARIOS.classic) as unknown as Json;
      breakIt(data);
      const r = parseScenario(data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.startsWith(where)).toBe(true);
    });
  }

  it("can start in a later phase: the map begins big and the round is shorter by the time skipped", () => {
    const classic = SCENARIOS.classic!;
    const late = fromPhase(classic, 2);
    expect(parseScenario(late).ok).toBe(true);
    expect(late.phases).toHaveLength(1);
    expect(late.durationSeconds).toBe(classic.durationSeconds - classic.phases[2]!.startSecond);
    expect(createGame(late, 1).side).toBe(32);
    const middle = fromPhase(classic, 1);
    expect(middle.phases.map((p) => p.startSecond)).toEqual([0, classic.phases[2]!.startSecond - classic.phases[1]!.startSecond]);
    expect(fromPhase(classic, 0)).toBe(classic);
  });
});

describe("a facilitator's customisation", () => {
  it("changes length, growth exponent, spread and starting phase, and validates the result", async () => {
    const { customise, createGame, runTicks } = await import("../../shared/index.js");
    const classic = SCENARIOS.classic!;
    const r = customise(classic, { durationSeconds: 300, exponentHalves: 4, spreadPct: 50, startPhase: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.durationSeconds).toBe(300);
    expect(r.scenario.ignition.exponentHalves).toBe(4);
    expect(r.scenario.phases[0]!.spread).toBe(Math.floor(classic.phases[1]!.spread / 2));
    expect(createGame(r.scenario, 1).side).toBe(16);
    // An untended map collapses sooner under quadratic growth, later under linear.
    const collapseTick = (sc: typeof classic) => {
      const s = createGame(sc, 3);
      runTicks(s, 8400);
      expect(s.ended).toBe("collapse");
      return s.tick;
    };
    const quad = customise(classic, { exponentHalves: 4 });
    const linear = customise(classic, { exponentHalves: 2 });
    if (!quad.ok || !linear.ok) throw new Error("valid customisations refused");
    expect(collapseTick(quad.scenario)).toBeLessThan(collapseTick(classic));
    expect(collapseTick(linear.scenario)).toBeGreaterThan(collapseTick(classic));
  });

  it("refuses impossible choices with the field named", async () => {
    const { customise } = await import("../../shared/index.js");
    const classic = SCENARIOS.classic!;
    expect(customise(classic, { startPhase: 5 })).toMatchObject({ ok: false, error: expect.stringMatching(/^startPhase/) });
    expect(customise(classic, { spreadPct: -3 })).toMatchObject({ ok: false, error: expect.stringMatching(/^spreadPct/) });
    expect(customise(classic, { durationSeconds: 3 })).toMatchObject({ ok: false, error: expect.stringMatching(/^durationSeconds/) });
    expect(customise(classic, { exponentHalves: 7 as 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/^ignition.exponentHalves/) });
  });
});
