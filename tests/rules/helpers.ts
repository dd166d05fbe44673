// Small builders for rules tests: a scenario with a few fields changed, and a game
// with chosen tiles on fire, without going through the PRNG.
import { type GameState, type Scenario, SUB, createGame, parseScenario, SCENARIOS, tileIndex } from "../../shared/index.js";

type Patch = Record<string, unknown>;

/** A built-in scenario with dotted paths replaced, validated like any other. */
export function variant(id: string, patch: Patch = {}): Scenario {
  const data = structuredClone(SCENARIOS[id]) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split(".");
    let target = data as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
    target[keys.at(-1)!] = value;
  }
  const r = parseScenario(data);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** A quiet startup map: no risk, no creep, no ignition, so only what a test does happens. */
export function quietGame(players = 1): GameState {
  const sc = variant("startup", {
    "phases.0.startRisk": 0,
    "phases.0.creep": 0,
    "phases.0.ignition": 0,
    "fire.growChance": 0,
  });
  return createGame(
    sc,
    1,
    Array.from({ length: players }, (_, k) => ({ name: `p${k}` })),
  );
}

/** Puts player `seat` on the centre of tile x,y. */
export function placeOn(s: GameState, seat: number, x: number, y: number): void {
  const p = s.players[seat]!;
  p.x = x * SUB + SUB / 2;
  p.y = y * SUB + SUB / 2;
}

export function setFire(s: GameState, x: number, y: number, heat: number): number {
  const i = tileIndex(s, x, y);
  s.tiles.heat[i] = heat;
  s.tiles.fireHow[i] = 1;
  return i;
}
