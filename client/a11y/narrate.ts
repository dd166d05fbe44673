// The map in words, for people who cannot see the canvas: what changed that matters to you
// (a fire starting near you, your action finishing, burnout, the phase, the reveal) and, on
// demand, where you are and where the nearest fires burn. Pure: frames in, sentences out.
import { Action, SUB } from "../../shared/state.js";
import { phaseLabel, t } from "../i18n/index.js";
import type { Frame } from "../net/frame.js";

/** A new fire within this many tiles of you is worth interrupting for. */
export const NEAR_TILES = 5;
type Dir = "n" | "ne" | "e" | "se" | "s" | "sw" | "w" | "nw";

export interface Spot {
  x: number;
  y: number;
}

export function tileOfYou(frame: Frame): Spot | null {
  const you = frame.you;
  return you ? { x: Math.floor(you.x / SUB), y: Math.floor(you.y / SUB) } : null;
}

/** Tiles apart, the way moving counts them (diagonals count one). */
export const distance = (a: Spot, b: Spot): number => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));

/** Compass direction from `from` to `to` (north is up the screen). */
export function direction(from: Spot, to: Spot): Dir {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  // Eight sectors of 45°, by integer comparison (a tile counts as diagonal when |dx| and |dy| are within 2:1).
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  if (ay * 2 < ax) return dx > 0 ? "e" : "w";
  if (ax * 2 < ay) return dy > 0 ? "s" : "n";
  return dy > 0 ? (dx > 0 ? "se" : "sw") : dx > 0 ? "ne" : "nw";
}

/** Where `to` is from `from`, in words: "on your tile", "right next to you, north", "3 tiles east". */
export function whereIs(from: Spot, to: Spot): string {
  const d = distance(from, to);
  if (d === 0) return t("say.here");
  const dir = t(`say.dirs.${direction(from, to)}`);
  if (d === 1) return t("say.adjacent", { dir });
  return t("say.away", { count: d, dir });
}

const spotOf = (frame: Frame, i: number): Spot => ({ x: i % frame.width, y: Math.floor(i / frame.width) });

/** The burning tiles, nearest first. */
function firesByDistance(frame: Frame, at: Spot): number[] {
  const fires: number[] = [];
  frame.heat.forEach((h, i) => h > 0 && fires.push(i));
  return fires.sort((a, b) => distance(at, spotOf(frame, a)) - distance(at, spotOf(frame, b)) || frame.heat[b]! - frame.heat[a]!);
}

/** What changed between two frames that a player should hear, in the order it matters. */
export function changes(prev: Frame, next: Frame): string[] {
  const out: string[] = [];
  if (prev.width !== next.width) return out;
  const me = prev.you;
  const now = next.you;
  if (me && now) {
    // Your action finished: what it did.
    if (me.action !== Action.None && now.action === Action.None) {
      if (me.action === Action.Extinguish && now.praise > me.praise) out.push(t("say.putOut", { n: now.praise - me.praise }));
      else if (me.action === Action.Invest && me.actionTile >= 0 && (next.guard[me.actionTile] ?? 0) > (prev.guard[me.actionTile] ?? 0))
        out.push(t("say.guarded"));
    }
    if (me.burnout === 0 && now.burnout > 0) out.push(t("say.burnout"));
    if (me.burnout > 0 && now.burnout === 0) out.push(t("say.recovered"));
    const at = tileOfYou(next)!;
    const started = next.heat
      .map((h, i) => (h > 0 && (prev.heat[i] ?? 0) === 0 ? i : -1))
      .filter((i) => i >= 0 && distance(at, spotOf(next, i)) <= NEAR_TILES)
      .sort((a, b) => distance(at, spotOf(next, a)) - distance(at, spotOf(next, b)));
    if (started.length > 0) out.push(t("say.fireNear", { count: started.length, where: whereIs(at, spotOf(next, started[0]!)) }));
  }
  if (next.phase !== prev.phase && next.phaseName) out.push(t("say.phase", { name: phaseLabel(next.phaseName) }));
  if (next.risk && !prev.risk) out.push(t("say.reveal", { n: next.risk.filter((r) => r > 0).length }));
  if (!next.risk && prev.risk) out.push(t("say.revealEnds"));
  if (next.ended && !prev.ended) out.push(t(next.ended === "collapse" ? "say.collapsed" : "say.ended"));
  return out;
}

/** The answer to "where am I": your spot, energy and tile, then the nearest fires (up to three). */
export function surroundings(frame: Frame): string {
  const at = tileOfYou(frame);
  const fires = at ? firesByDistance(frame, at) : frame.heat.flatMap((h, i) => (h > 0 ? [i] : []));
  const list = fires
    .slice(0, 3)
    .map((i) => t("say.fireAt", { where: at ? whereIs(at, spotOf(frame, i)) : "", heat: t("say.heat", { n: frame.heat[i]! }) }))
    .join("; ");
  const fireText = fires.length === 0 ? t("say.noFires") : t("say.nearest", { count: fires.length, list: list + "." });
  if (!at || !frame.you) return t("say.watching", { fires: fireText });
  const tile = at.y * frame.width + at.x;
  const state = (frame.heat[tile] ?? 0) > 0 ? t("say.burning") : (frame.guard[tile] ?? 0) > 0 ? t("say.guardedTile") : t("say.healthy");
  return [
    t("say.where", { x: at.x - frame.ax + 1, y: at.y - frame.ay + 1, side: frame.side, energy: Math.round(frame.you.energy / 10) }),
    t("say.yourTile", { state }),
    fireText,
  ].join(" ");
}
