// Runs every bot seat for one tick through applyIntent, the same door people use.
// A bot without a pace plans every tick. A paced bot plans at most `pace` times a second and
// between decisions carries out its last plan (walking on toward its target, then acting);
// it only sees fires its previous look already saw (a reaction delay).
import { applyIntent, type Intent } from "../intents.js";
import { Action, type BotKind, type BotMind, type BotPlan, type GameState, type Player } from "../state.js";
import { carryOut, HALT } from "./plan.js";
import { look, type Sight } from "./sense.js";
import { STRATEGIES, type Strategy } from "./strategies.js";

export interface BotMove {
  seat: number;
  intent: Intent;
}

/** Strategies to use in place of the built-in ones, by bot kind (probes for degenerate play). */
export type StrategyOverride = Readonly<Partial<Record<BotKind, Strategy>>>;

/** Lets each present bot decide; returns the intents the rules accepted, for the input log. */
export function runBots(s: GameState, override: StrategyOverride = {}): BotMove[] {
  if (s.ended) return [];
  const moves: BotMove[] = [];
  let sight: Sight | null = null;
  for (const p of s.players) {
    // A bot that is busy or burnt out has nothing to decide this tick.
    if (!p.bot || !p.present || p.burnout > 0 || p.action !== Action.None) continue;
    const strategy = override[p.bot] ?? STRATEGIES[p.bot];
    const mind = p.botMind;
    if (!mind) {
      sight ??= look(s);
      send(s, p, carryOut(s, p, strategy(s, p, sight)), sight, moves);
      continue;
    }
    // Looking costs a pass over the map: only a deciding bot does it.
    if (s.tick >= mind.next) decide(s, p, mind, strategy, (sight ??= look(s)));
    // A plan whose action started (or was refused) is done: the next waits for a decision.
    if (send(s, p, carryOut(s, p, mind.plan), sight, moves)) mind.plan = HALT;
  }
  return moves;
}

/** Applies intents; true if an extinguish, invest or step back was among them (taken or refused).
 *  A taken tile is marked busy in `sight` if anyone has looked this tick (later looks see it anyway). */
function send(s: GameState, p: Player, intents: Intent[], sight: Sight | null, moves: BotMove[]): boolean {
  let acted = false;
  for (const intent of intents) {
    const ok = applyIntent(s, p.seat, intent).ok;
    if (intent.kind === "extinguish" || intent.kind === "invest" || intent.kind === "stepBack") acted = true;
    if (!ok) continue;
    moves.push({ seat: p.seat, intent });
    // The tile is taken now; the next bot should not pile onto it.
    if (intent.kind === "extinguish" || intent.kind === "invest") sight?.busy.add(p.actionTile);
  }
  return acted;
}

/** A paced bot's decision: it looks, plans on the fires it had already seen, and remembers. */
function decide(s: GameState, p: Player, mind: BotMind, strategy: Strategy, sight: Sight): void {
  const known: Sight = { ...sight, fires: intersect(sight.fires, mind.seen) };
  mind.plan = strategy(s, p, known) satisfies BotPlan;
  mind.seen = sight.fires.slice();
  mind.next = s.tick + mind.every;
}

/** Tiles in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}
