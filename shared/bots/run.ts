// Runs every bot seat for one tick through applyIntent, the same door people use.
import { applyIntent, type Intent } from "../intents.js";
import { Action, type GameState } from "../state.js";
import { look } from "./sense.js";
import { STRATEGIES } from "./strategies.js";

export interface BotMove {
  seat: number;
  intent: Intent;
}

/** Lets each present bot decide; returns the intents the rules accepted, for the input log. */
export function runBots(s: GameState): BotMove[] {
  if (s.ended) return [];
  const moves: BotMove[] = [];
  let sight: ReturnType<typeof look> | null = null;
  for (const p of s.players) {
    // A bot that is busy or burnt out has nothing to decide this tick.
    if (!p.bot || !p.present || p.burnout > 0 || p.action !== Action.None) continue;
    sight ??= look(s);
    for (const intent of STRATEGIES[p.bot](s, p, sight)) {
      if (applyIntent(s, p.seat, intent).ok) {
        moves.push({ seat: p.seat, intent });
        // The tile is taken now; the next bot should not pile onto it.
        if (intent.kind === "extinguish" || intent.kind === "invest") sight.busy.add(p.actionTile);
      }
    }
  }
  return moves;
}
