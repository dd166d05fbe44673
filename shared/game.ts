// Creating a game, seating and unseating players, and growing the active area.
import { advanceRandom, randomOutput } from "./prng.js";
import type { Scenario } from "./scenario.js";
import { Action, type BotMind, EFFORTS, emptyStats, SUB, type GameState, type Player, type PlayerSpec, tileIndex } from "./state.js";

/** Draws from the game's PRNG: an integer in 0..n-1 (n >= 1). */
export function roll(s: GameState, n: number): number {
  s.rng = advanceRandom(s.rng);
  const v = randomOutput(s.rng) % n;
  // The same number, as an int32 where it fits: a uint32 draw is a double to the engine, and
  // one stored in a tile array would turn it (and every array made after it) into doubles.
  return n <= 0x80000000 ? v | 0 : v;
}

export function createGame(scenario: Scenario, seed: number, players: readonly PlayerSpec[] = []): GameState {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const n = scenario.grid.width * scenario.grid.height;
  // Built by push, not new Array(n).fill(0): a packed array, which the hot loops read
  // without checking for holes.
  const zeros = () => {
    const a: number[] = [];
    for (let i = 0; i < n; i++) a.push(0);
    return a;
  };
  const s: GameState = {
    version: 1,
    scenario,
    seed,
    tick: 0,
    rng: seed >>> 0,
    phase: -1,
    ax: 0,
    ay: 0,
    side: 0,
    tiles: { heat: zeros(), risk: zeros(), guard: zeros(), dust: zeros(), riskBy: zeros(), riskOwed: zeros(), fireHow: zeros(), fireRoot: zeros() },
    players: [],
    value: 0,
    overload: 0,
    ended: "",
    reveal: { until: 0, by: -1, leverage: [] },
    timeline: { fires: [], risk: [], value: [], praise: [], effort: [] },
  };
  enterPhase(s, 0);
  for (const spec of players) addPlayer(s, spec);
  return s;
}

/** Grows the active square to phase `index`; tiles entering play bring starting risk. */
export function enterPhase(s: GameState, index: number): void {
  const phase = s.scenario.phases[index];
  if (!phase) return;
  const { width, height } = s.scenario.grid;
  const ax = Math.floor((width - phase.side) / 2);
  const ay = Math.floor((height - phase.side) / 2);
  for (let y = ay; y < ay + phase.side; y++) {
    for (let x = ax; x < ax + phase.side; x++) {
      const wasActive = s.phase >= 0 && x >= s.ax && y >= s.ay && x < s.ax + s.side && y < s.ay + s.side;
      if (!wasActive) s.tiles.risk[tileIndex(s, x, y)] = roll(s, phase.startRisk + 1);
    }
  }
  s.phase = index;
  s.ax = ax;
  s.ay = ay;
  s.side = phase.side;
}

/** Seats a player near the centre of the active area; returns the seat. */
export function addPlayer(s: GameState, spec: PlayerSpec): number {
  const seat = s.players.length;
  const { width, height } = s.scenario.grid;
  // Spread seats on a small ring so avatars do not start stacked on one tile.
  const ring = [
    [0, 0],
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
    [1, 1],
    [-1, -1],
    [1, -1],
    [-1, 1],
  ] as const;
  const [ox, oy] = ring[seat % ring.length] ?? [0, 0];
  const player: Player = {
    seat,
    name: spec.name,
    bot: spec.bot ?? null,
    present: true,
    x: (Math.floor(width / 2) + ox) * SUB - SUB / 2,
    y: (Math.floor(height / 2) + oy) * SUB - SUB / 2,
    dirX: 0,
    dirY: 0,
    sprint: false,
    energy: s.scenario.player.energy,
    burnout: 0,
    action: Action.None,
    actionTile: -1,
    actionLeft: 0,
    praise: 0,
    streak: 0,
    lastSaveTick: -1,
    stats: emptyStats(),
    effortNow: EFFORTS.map(() => 0),
  };
  if (spec.pace !== undefined) {
    player.pace = checkPace(s.scenario, spec.pace);
    player.botMind = newMind(s, player.pace);
  }
  s.players.push(player);
  // Earlier seconds of the timeline had no effort from this seat.
  s.timeline.effort.push(new Array<number>(s.timeline.fires.length * EFFORTS.length).fill(0));
  return seat;
}

/** A pace is whole decisions per second, at least 1 and at most one per tick. */
export function checkPace(sc: Scenario, pace: number): number {
  if (!Number.isInteger(pace) || pace < 1 || pace > sc.tickRate)
    throw new Error(`pace must be a whole number of decisions a second from 1 to ${sc.tickRate}, got ${pace}`);
  return pace;
}

/** A fresh mind: decide now, having seen nothing yet. */
export function newMind(s: GameState, pace: number): BotMind {
  return { every: Math.ceil(s.scenario.tickRate / pace), next: s.tick, seen: [], plan: { kind: "halt" } };
}

/** Takes a player out of play. The seat and its record stay: what they did still counts. */
export function removePlayer(s: GameState, seat: number): boolean {
  const p = s.players[seat];
  if (!p || !p.present) return false;
  p.present = false;
  p.dirX = 0;
  p.dirY = 0;
  p.sprint = false;
  p.action = Action.None;
  p.actionLeft = 0;
  return true;
}

/** Brings a removed seat back (a reconnect), keeping everything it had. */
export function rejoinPlayer(s: GameState, seat: number): boolean {
  const p = s.players[seat];
  if (!p || p.present) return false;
  p.present = true;
  return true;
}
