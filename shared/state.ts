// The game state: plain, JSON-safe data (numbers, strings, arrays), so a snapshot is a
// deep copy and the hash is a walk over it. Tiles are stored as one array per field.
import type { Scenario } from "./scenario.js";

export type BotKind = "hero" | "preventer" | "balanced" | "firefighter" | "idle";
export const BOT_KINDS: readonly BotKind[] = ["hero", "preventer", "balanced", "firefighter", "idle"];

/** What a bot has set out to do: act on a tile (walking there first), step back, or stand. */
export type BotPlan = { kind: "extinguish" | "invest"; tile: number; sprint: boolean } | { kind: "stepBack" } | { kind: "halt" };

/**
 * A paced bot's short memory. It is the bot's mind, not a fact of the game: a replay of the
 * input log has nobody thinking, so the state hash leaves it out (see stateHash).
 */
export interface BotMind {
  /** Ticks between decisions (tickRate / pace, rounded up). */
  every: number;
  /** The tick of the next decision. */
  next: number;
  /** Fires burning at the last decision, ascending: a fire is acted on only once an earlier
   *  look saw it already burning (the reaction delay). */
  seen: number[];
  /** What the bot keeps doing until its next decision. */
  plan: BotPlan;
}

/** Sub-tile resolution of positions: 256 units to a tile. */
export const SUB = 256;

/** Who or what a risk or a fire is charged to. 0 is nobody (entropy); a seat's
 *  embers are 1 + 2·seat and its dust 2 + 2·seat. */
export type Cause = number;
export const NOBODY: Cause = 0;
export const embersOf = (seat: number): Cause => 1 + 2 * seat;
export const dustOf = (seat: number): Cause => 2 + 2 * seat;
export const causeSeat = (c: Cause): number => (c > 0 ? (c - 1) >> 1 : -1);
export const causeIsDust = (c: Cause): boolean => c > 0 && c % 2 === 0;

/** How a fire started. */
export const FireHow = { None: 0, Spontaneous: 1, Spread: 2, Embers: 3, Dust: 4 } as const;
export type FireHow = (typeof FireHow)[keyof typeof FireHow];

export const Action = { None: 0, Extinguish: 1, Invest: 2, StepBack: 3 } as const;
export type Action = (typeof Action)[keyof typeof Action];

/** Effort categories, in the order used by counters and the timeline. */
export const EFFORTS = ["extinguish", "invest", "stepBack", "sprint", "walk", "idle", "burntOut"] as const;
export type Effort = (typeof EFFORTS)[number];
export const EFFORT_INDEX: Readonly<Record<Effort, number>> = Object.fromEntries(EFFORTS.map((e, i) => [e, i])) as Record<Effort, number>;

export interface Tiles {
  /** 0 healthy, 1..4 burning (4 is an inferno). */
  heat: number[];
  /** Hidden risk, 0..scenario.risk.max: smouldering debt that feeds ignition. */
  risk: number[];
  /** Prevention level 0..3. */
  guard: number[];
  /** Dust level 0..dust.max, kicked up by sprinting; slows investing there. */
  dust: number[];
  /** The cause the attributed part of this tile's risk is charged to (NOBODY if none). */
  riskBy: Cause[];
  /** How much of the risk is charged to riskBy. */
  riskOwed: number[];
  /** How the current fire started (FireHow). */
  fireHow: number[];
  /** The root cause the current fire's damage is charged to. */
  fireRoot: Cause[];
}

export interface PlayerStats {
  /** Fires put out. */
  saves: number;
  /** Heat levels removed by extinguishing. */
  heatRemoved: number;
  /** Guard levels built. */
  guardBuilt: number;
  /** Risk cleared by investing. */
  riskCleared: number;
  /** Damage (value lost) from fires whose root cause is this player's embers or dust. */
  damageCharged: number;
  /** Fires started by this player's embers or dust. */
  firesCaused: number;
  /** Ticks spent in each EFFORTS category over the whole round. */
  effort: number[];
}

export interface Player {
  seat: number;
  name: string;
  /** The bot driving this seat, or null for a person. */
  bot: BotKind | null;
  /** False once the player has left; the seat stays so its record and attribution survive. */
  present: boolean;
  /** Position of the avatar's centre in 1/SUB tiles. */
  x: number;
  y: number;
  /** Held movement direction, each -1, 0 or 1. */
  dirX: number;
  dirY: number;
  sprint: boolean;
  energy: number;
  /** Ticks of burnout left; the player can do nothing while above 0. */
  burnout: number;
  action: Action;
  actionTile: number;
  /** Ticks left in the current action. */
  actionLeft: number;
  praise: number;
  /** Saves in the current streak. */
  streak: number;
  /** Tick of the last save (-1 if none). */
  lastSaveTick: number;
  stats: PlayerStats;
  /** Effort ticks in the current timeline second, by EFFORTS. */
  effortNow: number[];
  /** A bot's decisions per second; absent, it decides every tick. Only set when given, so
   *  states without paced bots hash as before. */
  pace?: number;
  /** A paced bot's memory (never hashed). */
  botMind?: BotMind;
}

export interface Reveal {
  /** The reveal is active while tick < until. */
  until: number;
  /** Seat whose step back made it (-1 if none yet). */
  by: number;
  /** Tile indices where investing would pay most, best first. */
  leverage: number[];
}

export interface Timeline {
  /** One sample per simulated second. */
  fires: number[];
  risk: number[];
  value: number[];
  praise: number[];
  /** Per seat, EFFORTS.length counters per second, flattened. */
  effort: number[][];
}

export type EndReason = "" | "time" | "collapse";

export interface GameState {
  /** Version of this shape, so stored snapshots can be recognised. */
  version: 1;
  scenario: Scenario;
  seed: number;
  tick: number;
  /** PRNG state (uint32). */
  rng: number;
  /** Index of the current phase in scenario.phases. */
  phase: number;
  /** The active square: origin and side, in tiles. */
  ax: number;
  ay: number;
  side: number;
  tiles: Tiles;
  players: Player[];
  /** The team's durable score, in value units. */
  value: number;
  /** Consecutive ticks with the collapse threshold exceeded. */
  overload: number;
  ended: EndReason;
  reveal: Reveal;
  timeline: Timeline;
}

export interface PlayerSpec {
  name: string;
  bot?: BotKind | null;
  /** For a bot: decisions per second, 1..tickRate (absent: every tick). */
  pace?: number;
}

export function emptyStats(): PlayerStats {
  return { saves: 0, heatRemoved: 0, guardBuilt: 0, riskCleared: 0, damageCharged: 0, firesCaused: 0, effort: EFFORTS.map(() => 0) };
}

export const tileIndex = (s: GameState, x: number, y: number): number => y * s.scenario.grid.width + x;

export function isActive(s: GameState, x: number, y: number): boolean {
  return x >= s.ax && y >= s.ay && x < s.ax + s.side && y < s.ay + s.side;
}

export function activeTileCount(s: GameState): number {
  return s.side * s.side;
}

export function isRevealed(s: GameState): boolean {
  return s.tick < s.reveal.until;
}

export function playerTile(s: GameState, p: Player): number {
  return tileIndex(s, Math.floor(p.x / SUB), Math.floor(p.y / SUB));
}
