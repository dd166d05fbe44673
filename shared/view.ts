// What one player may see. Hidden risk, its attribution and the PRNG state stay out
// unless a step back has revealed the risk to the team.
import { type GameState, isRevealed } from "./state.js";

export interface PlayerView {
  tick: number;
  phase: number;
  ax: number;
  ay: number;
  side: number;
  width: number;
  height: number;
  value: number;
  ended: GameState["ended"];
  heat: number[];
  guard: number[];
  dust: number[];
  /** Present only while revealed. */
  risk?: number[];
  /** Tiles whose risk is mostly embers or dust, with the seat charged; only while revealed. */
  embers?: { tile: number; seat: number }[];
  revealUntil: number;
  leverage: number[];
  you: number;
  players: {
    seat: number;
    name: string;
    bot: string | null;
    present: boolean;
    x: number;
    y: number;
    energy: number;
    burnout: number;
    action: number;
    actionTile: number;
    praise: number;
  }[];
}

export function playerView(s: GameState, seat: number): PlayerView {
  const revealed = isRevealed(s);
  const view: PlayerView = {
    tick: s.tick,
    phase: s.phase,
    ax: s.ax,
    ay: s.ay,
    side: s.side,
    width: s.scenario.grid.width,
    height: s.scenario.grid.height,
    value: s.value,
    ended: s.ended,
    heat: s.tiles.heat.slice(),
    guard: s.tiles.guard.slice(),
    dust: s.tiles.dust.slice(),
    revealUntil: revealed ? s.reveal.until : 0,
    leverage: revealed ? s.reveal.leverage.slice() : [],
    you: seat,
    players: s.players.map((p) => ({
      seat: p.seat,
      name: p.name,
      bot: p.bot,
      present: p.present,
      x: p.x,
      y: p.y,
      energy: p.energy,
      burnout: p.burnout,
      action: p.action,
      actionTile: p.actionTile,
      praise: p.praise,
    })),
  };
  if (revealed) {
    view.risk = s.tiles.risk.slice();
    view.embers = [];
    s.tiles.riskOwed.forEach((owed, tile) => {
      const by = s.tiles.riskBy[tile]!;
      if (owed > 0 && owed * 2 >= s.tiles.risk[tile]!) view.embers!.push({ tile, seat: (by - 1) >> 1 });
    });
  }
  return view;
}

/** Whole seconds left in the round on the scenario's clock; never below zero, however long a replay runs past the end. */
export function secondsLeft(s: GameState): number {
  const sc = s.scenario;
  return Math.max(0, sc.durationSeconds - Math.floor(s.tick / sc.tickRate));
}
