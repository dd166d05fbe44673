// One-trick variants of the balanced bot: each exaggerates one habit a player might hope
// beats the game. They are probes for degenerate strategies (the tools and tests swap them
// in for `balanced` through runBots' override); no room offers them as bots.
import { Action } from "../state.js";
import { best, distance } from "./sense.js";
import { STRATEGIES, type Strategy } from "./strategies.js";

const balanced = STRATEGIES.balanced;

/** Always sprinting: plays balanced, but runs everywhere (kicking up dust, spending energy). */
export const alwaysSprinting: Strategy = (s, p, sight) => {
  const plan = balanced(s, p, sight);
  return plan.kind === "extinguish" || plan.kind === "invest" ? { ...plan, sprint: true } : plan;
};

/** Fire first: puts out every fire within six tiles before anything else, nearest first. */
export const fireFirst: Strategy = (s, p, sight) => {
  const fire = best(sight.fires, (i) => (sight.busy.has(i) || distance(s, p, i) > 6 ? -Infinity : -distance(s, p, i)));
  return fire >= 0 ? { kind: "extinguish", tile: fire, sprint: false } : balanced(s, p, sight);
};

/** Stepping back as often as allowed: whenever nobody else is, for the energy and the map. */
export const stepBackOften: Strategy = (s, p, sight) => {
  const someoneLooking = s.players.some((o) => o.present && o.action === Action.StepBack);
  return someoneLooking ? balanced(s, p, sight) : { kind: "stepBack" };
};

export const TRICKS = { "always sprinting": alwaysSprinting, "fire first": fireFirst, "stepping back often": stepBackOften } as const;
export type TrickName = keyof typeof TRICKS;
