// Turning a bot's plan into intents. An every-tick bot plans and carries out in the same
// tick; a paced bot carries out the plan of its last decision until its next one, as a
// person keeps holding a key toward where they decided to go.
import type { Intent } from "../intents.js";
import type { BotPlan, GameState, Player } from "../state.js";
import { actOn, halt } from "./sense.js";

export const HALT: BotPlan = { kind: "halt" };

/** The intents that carry `plan` one tick further. */
export function carryOut(s: GameState, p: Player, plan: BotPlan): Intent[] {
  switch (plan.kind) {
    case "halt":
      return halt(p);
    case "stepBack":
      // Stop walking first; step back on the next tick.
      if (p.dirX !== 0 || p.dirY !== 0 || p.sprint) return halt(p);
      return [{ kind: "stepBack" }];
    default:
      return actOn(s, p, plan.tile, plan.kind, plan.sprint);
  }
}
