// Your own avatar runs ahead of the server on the shared movement rule (movePlayer), then
// settles onto the server's position. Nothing about movement is written here.
import { type GameState, type Player, createGame, getScenario, movePlayer } from "../shared/index.js";
import type { Frame } from "./net/frame.js";

/** Beyond this many sub-tile units of disagreement the prediction snaps to the server. */
const SNAP = 384;

export class Predictor {
  private shell: GameState | null = null;
  private me: Player | null = null;
  private carry = 0;
  x = 0;
  y = 0;
  dirX = 0;
  dirY = 0;
  sprint = false;

  /** Takes the server's word for the world, and for the avatar where they disagree a lot. */
  sync(frame: Frame): void {
    const you = frame.you;
    if (!you) return;
    if (!this.shell || this.shell.scenario.id !== frame.scenario) {
      const scenario = getScenario(frame.scenario);
      if (!scenario) return;
      this.shell = createGame(scenario, 0, [{ name: "you" }]);
      this.me = this.shell.players[0]!;
      this.x = you.x;
      this.y = you.y;
    }
    const s = this.shell;
    s.ax = frame.ax;
    s.ay = frame.ay;
    s.side = frame.side;
    this.me!.energy = you.energy;
    const moving = this.dirX !== 0 || this.dirY !== 0;
    const off = Math.max(Math.abs(you.x - this.x), Math.abs(you.y - this.y));
    // Standing still, or too far apart: the server's position wins.
    if (!moving || off > SNAP || you.burnout > 0 || you.action !== 0) {
      this.x = you.x;
      this.y = you.y;
    }
  }

  /** Advances the prediction by elapsed milliseconds at the rules' tick rate. */
  advance(ms: number, tickRate: number): void {
    if (!this.shell || !this.me) return;
    const tickMs = 1000 / tickRate;
    this.carry += ms;
    while (this.carry >= tickMs) {
      this.carry -= tickMs;
      const p = this.me;
      p.x = this.x;
      p.y = this.y;
      p.dirX = this.dirX;
      p.dirY = this.dirY;
      p.sprint = this.sprint;
      movePlayer(this.shell, p);
      this.x = p.x;
      this.y = p.y;
    }
  }
}
