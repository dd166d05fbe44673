// Your avatar runs ahead of the server on the rules' own movement, and settles onto the
// server's position where the two disagree: what a player sees between two patches.
import { describe, expect, it } from "vitest";
import { type GameState, movePlayer, SUB } from "../../shared/index.js";
import type { Frame } from "../../client/net/frame.js";
import { frameFromState } from "../../client/net/frame.js";
import { Predictor } from "../../client/predict.js";
import { placeOn, quietGame } from "../rules/helpers.js";

/** The frame a seated player receives: seat 0 is you. */
function frameOf(s: GameState): Frame {
  const f = frameFromState(s);
  const players = f.players.map((p) => (p.seat === 0 ? { ...p, isYou: true } : p));
  return { ...f, players, you: players[0] };
}

/** Where the rules put seat 0 after `ticks` ticks holding (dx, dy), from where it stands now. */
function rulesMove(s: GameState, dx: number, dy: number, ticks: number): { x: number; y: number } {
  const copy = structuredClone(s);
  const p = copy.players[0]!;
  p.dirX = dx;
  p.dirY = dy;
  for (let i = 0; i < ticks; i++) movePlayer(copy, p);
  return { x: p.x, y: p.y };
}

describe("the avatar's prediction", () => {
  it("holding a direction, the avatar moves at once, exactly as far as the rules move it per tick", () => {
    const s = quietGame(1);
    placeOn(s, 0, 12, 12);
    const tickRate = s.scenario.tickRate;
    const predictor = new Predictor();
    predictor.sync(frameOf(s));
    predictor.dirX = 1;
    const tickMs = 1000 / tickRate;
    predictor.advance(3 * tickMs + tickMs / 2, tickRate);
    const expected = rulesMove(s, 1, 0, 3);
    expect({ x: predictor.x, y: predictor.y }).toEqual(expected);
    expect(predictor.x).toBeGreaterThan(s.players[0]!.x);
    // The half tick left over is kept, not lost: another half makes the fourth step.
    predictor.advance(tickMs / 2, tickRate);
    expect(predictor.x).toBe(rulesMove(s, 1, 0, 4).x);
  });

  it("while moving, a patch that lags a little behind does not pull the avatar back", () => {
    const s = quietGame(1);
    placeOn(s, 0, 12, 12);
    const predictor = new Predictor();
    predictor.sync(frameOf(s));
    predictor.dirX = 1;
    predictor.advance(1000 / s.scenario.tickRate, s.scenario.tickRate);
    const ahead = predictor.x;
    predictor.sync(frameOf(s));
    expect(predictor.x).toBe(ahead);
  });

  it("a server position far from the prediction wins at once", () => {
    const s = quietGame(1);
    placeOn(s, 0, 12, 12);
    const predictor = new Predictor();
    predictor.sync(frameOf(s));
    predictor.dirX = 1;
    placeOn(s, 0, 16, 12);
    predictor.sync(frameOf(s));
    expect(predictor.x).toBe(16 * SUB + SUB / 2);
  });

  it("standing still, or burnt out, the avatar is where the server says", () => {
    const s = quietGame(1);
    placeOn(s, 0, 12, 12);
    const predictor = new Predictor();
    predictor.sync(frameOf(s));
    s.players[0]!.x += 40;
    predictor.sync(frameOf(s));
    expect(predictor.x).toBe(s.players[0]!.x);

    predictor.dirX = 1;
    s.players[0]!.burnout = 5;
    s.players[0]!.x += 40;
    predictor.sync(frameOf(s));
    expect(predictor.x).toBe(s.players[0]!.x);
  });

  it("a watcher (no seat) predicts nothing", () => {
    const s = quietGame(1);
    const predictor = new Predictor();
    predictor.sync(frameFromState(s));
    predictor.dirX = 1;
    predictor.advance(1000, s.scenario.tickRate);
    expect([predictor.x, predictor.y]).toEqual([0, 0]);
  });
});
