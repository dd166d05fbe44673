// Intents are what a player (person or bot) asks for. They are plain data; the rules
// check them and answer with a reason instead of throwing, and a rejected intent changes nothing.
import { z } from "zod";
import { issueText } from "./protocol/check.js";
import { Action, type GameState, type Player, SUB, isActive, playerTile, tileIndex } from "./state.js";

// One check rather than a union of three literals: a union builds an error for every branch that
// fails before one matches, and moves are most of what players send.
const step = z.custom<-1 | 0 | 1>((v) => v === -1 || v === 0 || v === 1, { message: "must be -1, 0 or 1" });
const coord = z.number().int().min(0).max(255);

export const intentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("move"), dx: step, dy: step }).strict(),
  z.object({ kind: z.literal("sprint"), on: z.boolean() }).strict(),
  z.object({ kind: z.literal("extinguish"), x: coord, y: coord }).strict(),
  z.object({ kind: z.literal("invest"), x: coord, y: coord }).strict(),
  z.object({ kind: z.literal("stepBack") }).strict(),
]);

export type Intent = z.infer<typeof intentSchema>;
export type IntentKind = Intent["kind"];
export const INTENT_KINDS: readonly IntentKind[] = ["move", "sprint", "extinguish", "invest", "stepBack"];

export type RejectCode =
  | "bad-intent"
  | "no-such-seat"
  | "not-in-play"
  | "game-over"
  | "burnt-out"
  | "out-of-map"
  | "not-active"
  | "too-far"
  | "not-burning"
  | "burning"
  | "fully-guarded";

export type Verdict = { ok: true } | { ok: false; code: RejectCode; reason: string };

const OK: Verdict = { ok: true };
const no = (code: RejectCode, reason: string): Verdict => ({ ok: false, code, reason });

/** Checks the shape of untrusted data; the reason names what is wrong. */
export function parseIntent(data: unknown): { ok: true; intent: Intent } | { ok: false; code: "bad-intent"; reason: string } {
  const r = intentSchema.safeParse(data);
  if (r.success) return { ok: true, intent: r.data };
  return { ok: false, code: "bad-intent", reason: issueText(r.error, "", "not an intent") };
}

function checkTarget(s: GameState, p: Player, x: number, y: number): Verdict {
  const { width, height } = s.scenario.grid;
  // Tile outside the grid.
  if (x >= width || y >= height) return no("out-of-map", `tile ${x},${y} is outside the ${width}×${height} map`);
  // Tile not yet part of the organisation.
  if (!isActive(s, x, y)) return no("not-active", `tile ${x},${y} is not in play yet`);
  // Too far from the avatar to reach.
  const px = Math.floor(p.x / SUB);
  const py = Math.floor(p.y / SUB);
  const reach = s.scenario.player.reach;
  if (Math.abs(px - x) > reach || Math.abs(py - y) > reach) return no("too-far", `tile ${x},${y} is out of reach; move next to it first`);
  return OK;
}

/** Whether the rules would accept this intent from this seat now. */
export function checkIntent(s: GameState, seat: number, intent: Intent): Verdict {
  const p = s.players[seat];
  // Unknown seat.
  if (!p) return no("no-such-seat", `there is no seat ${seat}`);
  // The seat's player has left.
  if (!p.present) return no("not-in-play", "this seat is not in play");
  // The round is over.
  if (s.ended) return no("game-over", "the round is over");
  // Burnt-out players can only wait; letting go of keys is still fine.
  if (p.burnout > 0 && !(intent.kind === "move" && intent.dx === 0 && intent.dy === 0) && !(intent.kind === "sprint" && !intent.on))
    return no("burnt-out", "you are burnt out; rest until your energy returns");
  switch (intent.kind) {
    case "move":
    case "sprint":
    case "stepBack":
      return OK;
    case "extinguish": {
      const t = checkTarget(s, p, intent.x, intent.y);
      if (!t.ok) return t;
      // Nothing to put out.
      if (s.tiles.heat[tileIndex(s, intent.x, intent.y)] === 0) return no("not-burning", "that tile is not burning");
      return OK;
    }
    case "invest": {
      const t = checkTarget(s, p, intent.x, intent.y);
      if (!t.ok) return t;
      const i = tileIndex(s, intent.x, intent.y);
      // Prevention cannot be built in the middle of a fire.
      if (s.tiles.heat[i]! > 0) return no("burning", "you cannot invest in a burning tile; put it out first");
      // Guard is already at its highest level.
      if (s.tiles.guard[i]! >= 3) return no("fully-guarded", "that tile is already fully guarded");
      return OK;
    }
  }
}

/** Checks and applies an intent. Actions start here and complete over the next ticks. */
export function applyIntent(s: GameState, seat: number, intent: Intent): Verdict {
  const verdict = checkIntent(s, seat, intent);
  if (!verdict.ok) return verdict;
  const p = s.players[seat]!;
  const sc = s.scenario;
  // The same action re-sent while it is under way (a held key, a repeated click) is ignored:
  // restarting it would reset its progress and charge its energy and cost a second time.
  if (isUnderWay(s, p, intent)) return verdict;
  switch (intent.kind) {
    case "move":
      p.dirX = intent.dx;
      p.dirY = intent.dy;
      // Walking away abandons whatever the player was doing.
      if (intent.dx !== 0 || intent.dy !== 0) cancelAction(p);
      break;
    case "sprint":
      p.sprint = intent.on;
      break;
    case "extinguish": {
      const i = tileIndex(s, intent.x, intent.y);
      const heat = s.tiles.heat[i]!;
      startAction(p, Action.Extinguish, i, sc.extinguish.ticks[heat]!);
      spendEnergy(p, sc.extinguish.energy[heat]!);
      break;
    }
    case "invest": {
      const i = tileIndex(s, intent.x, intent.y);
      startAction(p, Action.Invest, i, sc.invest.ticks + sc.invest.ticksPerDust * s.tiles.dust[i]!);
      spendEnergy(p, sc.invest.energy);
      s.value -= sc.phases[s.phase]!.investCost;
      break;
    }
    case "stepBack":
      startAction(p, Action.StepBack, playerTile(s, p), sc.stepBack.ticks);
      break;
  }
  return verdict;
}

function isUnderWay(s: GameState, p: Player, intent: Intent): boolean {
  switch (intent.kind) {
    case "extinguish":
      return p.action === Action.Extinguish && p.actionTile === tileIndex(s, intent.x, intent.y);
    case "invest":
      return p.action === Action.Invest && p.actionTile === tileIndex(s, intent.x, intent.y);
    case "stepBack":
      return p.action === Action.StepBack;
    default:
      return false;
  }
}

function startAction(p: Player, action: Action, tile: number, ticks: number): void {
  p.action = action;
  p.actionTile = tile;
  p.actionLeft = Math.max(1, ticks);
  p.dirX = 0;
  p.dirY = 0;
  p.sprint = false;
}

/** Energy never goes below zero; a player who hits zero burns out when the action ends. */
function spendEnergy(p: Player, cost: number): void {
  p.energy = Math.max(0, p.energy - cost);
}

export function cancelAction(p: Player): void {
  p.action = Action.None;
  p.actionTile = -1;
  p.actionLeft = 0;
}
