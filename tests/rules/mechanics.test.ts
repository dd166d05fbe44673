// What each action does, as a player would notice it.
import { describe, expect, it } from "vitest";
import {
  type GameState,
  FireHow,
  SUB,
  applyIntent,
  createGame,
  embersOf,
  isRevealed,
  playerView,
  roundSummary,
  runTicks,
  step,
  tileIndex,
} from "../../shared/index.js";
import { placeOn, quietGame, setFire, variant } from "./helpers.js";

const ticks = (s: GameState, n: number) => runTicks(s, n);

describe("extinguish", () => {
  it("puts the fire out, earns praise at once, and leaves embers charged to the player", () => {
    const s = quietGame();
    placeOn(s, 0, 12, 12);
    const i = setFire(s, 13, 12, 3);
    applyIntent(s, 0, { kind: "extinguish", x: 13, y: 12 });
    ticks(s, s.scenario.extinguish.ticks[3]!);
    expect(s.tiles.heat[i]).toBe(0);
    expect(s.players[0]!.praise).toBe(s.scenario.extinguish.praise[3]);
    expect(s.tiles.risk[i]).toBe(s.scenario.extinguish.embersOnTile);
    expect(s.tiles.riskBy[i]).toBe(embersOf(0));
    // Around it: the embers, plus what the fire itself pushed out while it burned.
    expect(s.tiles.risk[tileIndex(s, 14, 12)]).toBeGreaterThanOrEqual(s.scenario.extinguish.embersAround);
    expect(s.tiles.riskBy[tileIndex(s, 14, 12)]).toBe(embersOf(0));
    expect(roundSummary(s).players[0]!.direct).toBe(3 * s.scenario.ledger.perHeatRemoved);
  });

  it("costs energy, and a streak of quick saves earns more praise each", () => {
    const s = quietGame();
    placeOn(s, 0, 14, 14);
    const praise: number[] = [];
    for (const x of [13, 14, 15]) {
      setFire(s, x, 13, 1);
      const before = s.players[0]!.praise;
      applyIntent(s, 0, { kind: "extinguish", x, y: 13 });
      ticks(s, 5);
      praise.push(s.players[0]!.praise - before);
    }
    expect(praise[1]).toBeGreaterThan(praise[0]!);
    expect(praise[2]).toBeGreaterThan(praise[1]!);
    expect(s.players[0]!.energy).toBeLessThan(s.scenario.player.energy);
  });

  it("charges a fire that starts from a player's embers, and its damage, to that player", () => {
    const sc = variant("startup", { "phases.0.startRisk": 0, "phases.0.creep": 0, "phases.0.ignition": 0, "fire.growChance": 0 });
    const s = createGame(sc, 3, [{ name: "hero" }]);
    placeOn(s, 0, 12, 12);
    setFire(s, 13, 12, 1);
    applyIntent(s, 0, { kind: "extinguish", x: 13, y: 12 });
    ticks(s, 5);
    // Only the embers carry risk now; switch ignition on so they catch.
    s.scenario = variant("startup", { "phases.0.creep": 0, "phases.0.ignition": 1000000, "fire.growChance": 0 });
    ticks(s, 30);
    const fromEmbers = s.tiles.fireHow.filter((h) => h === FireHow.Embers).length;
    expect(fromEmbers).toBeGreaterThan(0);
    const me = roundSummary(s).players[0]!;
    expect(me.firesCaused).toBeGreaterThan(0);
    expect(me.indirect).toBeGreaterThan(0);
    expect(me.net).toBe(me.direct - me.indirect);
  });
});

describe("invest", () => {
  it("raises guard, clears risk around the tile, and earns no praise", () => {
    const s = quietGame();
    placeOn(s, 0, 15, 15);
    for (let k = 0; k < s.tiles.risk.length; k++) s.tiles.risk[k] = 500;
    applyIntent(s, 0, { kind: "invest", x: 15, y: 15 });
    ticks(s, s.scenario.invest.ticks);
    expect(s.tiles.guard[tileIndex(s, 15, 15)]).toBe(1);
    expect(s.tiles.risk[tileIndex(s, 15, 18)]).toBe(0); // Manhattan 3
    expect(s.tiles.risk[tileIndex(s, 16, 18)]).toBe(500); // Manhattan 4
    expect(s.players[0]!.praise).toBe(0);
  });

  it("takes longer on dusty tiles", () => {
    const s = quietGame();
    placeOn(s, 0, 15, 15);
    s.tiles.dust[tileIndex(s, 15, 15)] = 2;
    applyIntent(s, 0, { kind: "invest", x: 15, y: 15 });
    ticks(s, s.scenario.invest.ticks);
    expect(s.tiles.guard[tileIndex(s, 15, 15)]).toBe(0);
    ticks(s, 2 * s.scenario.invest.ticksPerDust);
    expect(s.tiles.guard[tileIndex(s, 15, 15)]).toBe(1);
  });

  it("is abandoned when the player walks away", () => {
    const s = quietGame();
    placeOn(s, 0, 15, 15);
    applyIntent(s, 0, { kind: "invest", x: 15, y: 15 });
    ticks(s, 10);
    applyIntent(s, 0, { kind: "move", dx: 1, dy: 0 });
    ticks(s, s.scenario.invest.ticks);
    expect(s.tiles.guard[tileIndex(s, 15, 15)]).toBe(0);
  });
});

describe("step back", () => {
  it("restores energy and reveals risk and leverage points to the team for a while", () => {
    const s = quietGame(2);
    placeOn(s, 0, 15, 15);
    s.tiles.risk[tileIndex(s, 13, 13)] = 4000;
    s.players[0]!.energy = 100;
    expect(playerView(s, 1).risk).toBeUndefined();
    applyIntent(s, 0, { kind: "stepBack" });
    ticks(s, s.scenario.stepBack.ticks);
    expect(s.players[0]!.energy).toBeGreaterThan(100 + s.scenario.stepBack.ticks * s.scenario.stepBack.energyPerTick - 1);
    expect(isRevealed(s)).toBe(true);
    const view = playerView(s, 1);
    expect(view.risk?.[tileIndex(s, 13, 13)]).toBeGreaterThanOrEqual(4000);
    expect(view.leverage.length).toBeGreaterThan(0);
    ticks(s, s.scenario.stepBack.revealSeconds * s.scenario.tickRate + 1);
    expect(playerView(s, 1).risk).toBeUndefined();
    expect(playerView(s, 1).leverage).toEqual([]);
  });
});

describe("movement, sprint and burnout", () => {
  it("sprinting is faster, costs energy and leaves dust charged to the sprinter", () => {
    const s = quietGame(2);
    placeOn(s, 0, 12, 12);
    placeOn(s, 1, 12, 14);
    applyIntent(s, 0, { kind: "move", dx: 1, dy: 0 });
    applyIntent(s, 0, { kind: "sprint", on: true });
    applyIntent(s, 1, { kind: "move", dx: 1, dy: 0 });
    ticks(s, 8);
    const [a, b] = s.players;
    expect(a!.x).toBeGreaterThan(b!.x);
    expect(a!.energy).toBeLessThan(b!.energy);
    const dusty = s.tiles.dust.map((d, i) => (d > 0 ? i : -1)).filter((i) => i >= 0);
    expect(dusty.length).toBeGreaterThan(2);
    for (const i of dusty) expect(s.tiles.riskBy[i]).toBe(2); // dust of seat 0
  });

  it("stays inside the active area", () => {
    const s = quietGame();
    applyIntent(s, 0, { kind: "move", dx: -1, dy: -1 });
    ticks(s, 200);
    expect(Math.floor(s.players[0]!.x / SUB)).toBe(s.ax);
    expect(Math.floor(s.players[0]!.y / SUB)).toBe(s.ay);
  });

  it("at zero energy the player burns out, can do nothing, then recovers", () => {
    const s = quietGame();
    placeOn(s, 0, 12, 12);
    s.players[0]!.energy = 8;
    applyIntent(s, 0, { kind: "move", dx: 1, dy: 0 });
    applyIntent(s, 0, { kind: "sprint", on: true });
    ticks(s, 5);
    const p = s.players[0]!;
    expect(p.burnout).toBeGreaterThan(0);
    expect(applyIntent(s, 0, { kind: "stepBack" })).toMatchObject({ ok: false, code: "burnt-out" });
    ticks(s, s.scenario.player.burnoutSeconds * s.scenario.tickRate);
    expect(p.burnout).toBe(0);
    expect(p.energy).toBeGreaterThan(0);
    expect(applyIntent(s, 0, { kind: "stepBack" }).ok).toBe(true);
  });
});

describe("the map", () => {
  it("grows through the phases, and new tiles arrive with risk", () => {
    const s = createGame(variant("classic", { "collapse.burningPct": 100 }), 9);
    expect(s.side).toBe(8);
    runTicks(s, 180 * 10 + 1);
    expect(s.side).toBe(16);
    runTicks(s, 240 * 10);
    expect(s.side).toBe(32);
    expect(s.tiles.risk[tileIndex(s, 0, 0)]).toBeGreaterThan(0);
  });

  it("collapses when over half the active area burns for long enough", () => {
    const s = quietGame();
    for (let y = 12; y < 20; y++) for (let x = 12; x < 17; x++) setFire(s, x, y, 1);
    runTicks(s, s.scenario.collapse.seconds * s.scenario.tickRate - 1);
    expect(s.ended).toBe("");
    step(s);
    expect(s.ended).toBe("collapse");
  });

  it("healthy tiles make value, burning ones cost it, and guarded neighbours add to it", () => {
    const plain = quietGame();
    step(plain);
    const perTick = plain.value / 64;
    expect(perTick).toBe(plain.scenario.value.healthy);
    const burning = quietGame();
    setFire(burning, 12, 12, 4);
    step(burning);
    expect(burning.value).toBeLessThan(plain.value - burning.scenario.value.healthy);
    const guarded = createGame(variant("classic", { "phases.1.startSecond": 1, "phases.1.ignition": 0, "phases.1.startRisk": 0, "phases.0.ignition": 0 }), 1);
    runTicks(guarded, 11);
    const before = guarded.value;
    step(guarded);
    const base = guarded.value - before;
    guarded.tiles.guard[tileIndex(guarded, 15, 15)] = 1;
    const mid = guarded.value;
    step(guarded);
    expect(guarded.value - mid).toBe(base + 4 * guarded.scenario.phases[1]!.coherence);
  });

  it("a player's view hides risk and attribution unless revealed", () => {
    const s = createGame(variant("classic"), 4, [{ name: "a" }]);
    const view = playerView(s, 0) as unknown as Record<string, unknown>;
    expect(view.risk).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain("riskOwed");
    expect(JSON.stringify(view)).not.toContain("rng");
  });
});
