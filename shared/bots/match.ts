// A whole round played by bots, with its input log: the engine behind the simulate
// tool, the thesis tests, the benchmark and the debrief's counterfactuals.
import { addPlayer, createGame } from "../game.js";
import type { LogEntry } from "../replay.js";
import type { Scenario } from "../scenario.js";
import type { BotKind, GameState } from "../state.js";
import { step } from "../step.js";
import { runBots, type StrategyOverride } from "./run.js";

export interface BotMatchOptions {
  /** At this tick every bot switches to `switchTo` (a team changing its habits). */
  switchAt?: number;
  switchTo?: BotKind;
  /** Keep the input log (costs memory; off for sweeps). */
  record?: boolean;
  /** Every bot decides at most this many times a second (absent: every tick). */
  pace?: number;
  /** Strategies played in place of the built-in ones (probes for degenerate play). */
  strategies?: StrategyOverride;
  /** Stop at this tick (the round goes on from the returned state). */
  until?: number;
}

export interface BotMatch {
  state: GameState;
  log: LogEntry[];
}

export function playBots(scenario: Scenario, seed: number, team: readonly BotKind[], opts: BotMatchOptions = {}): BotMatch {
  const s = createGame(scenario, seed);
  const log: LogEntry[] = [];
  team.forEach((bot, seat) => {
    const join = opts.pace === undefined ? { name: `${bot}-${seat + 1}`, bot } : { name: `${bot}-${seat + 1}`, bot, pace: opts.pace };
    addPlayer(s, join);
    if (opts.record) log.push({ tick: 0, seat, join });
  });
  while (!s.ended && (opts.until === undefined || s.tick < opts.until)) {
    if (opts.switchAt !== undefined && s.tick === opts.switchAt && opts.switchTo) switchBots(s, opts.switchTo);
    const moves = runBots(s, opts.strategies);
    if (opts.record) for (const m of moves) log.push({ tick: s.tick, seat: m.seat, intent: m.intent });
    step(s);
  }
  return { state: s, log };
}

/** Every bot takes up new habits at once; a paced bot decides afresh on the spot. */
export function switchBots(s: GameState, kind: BotKind): void {
  for (const p of s.players) {
    p.bot = kind;
    if (p.botMind) p.botMind.next = s.tick;
  }
}
