// Eager pressing is safe: pressing Space (or tapping "Put out") again, or E again, while that
// very action runs on that very tile sends nothing, so it can never restart the action and
// waste the time already spent. A second press on a different tile, or once it finished, does.
import { Action } from "../../shared/state.js";
import type { FramePlayer } from "../net/frame.js";

/** How long a sent action counts as under way before the server's state shows it (ms). */
export const ACK_MS = 400;

export type ActionKind = "extinguish" | "invest" | "stepBack";

const CODE: Record<ActionKind, number> = { extinguish: Action.Extinguish, invest: Action.Invest, stepBack: Action.StepBack };

export interface Sent {
  kind: ActionKind;
  tile: number;
  at: number;
}

/**
 * Whether pressing `kind` on `tile` now would only repeat what is already under way. A key
 * press (`aimed`: the view picked the tile) while that action runs keeps going whatever the aim
 * says now, so Space pressed again mid-fight never switches fires; a tap on another tile does.
 */
export function alreadyUnderWay(
  you: Pick<FramePlayer, "action" | "actionTile"> | undefined,
  last: Sent | null,
  kind: ActionKind,
  tile: number,
  now: number,
  aimed = false,
): boolean {
  const sameTarget = (t: number) => kind === "stepBack" || aimed || t === tile;
  if (you && you.action === CODE[kind] && sameTarget(you.actionTile)) return true;
  // Sent but not yet in a synced state: wait for it rather than send it twice.
  return last !== null && last.kind === kind && sameTarget(last.tile) && now - last.at < ACK_MS;
}
