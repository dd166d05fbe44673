// Keyboard, pointer and touch turn into intents. Which tile an action aims at is a
// convenience of the view; whether it is allowed is always the server's (the rules') call.
import type { Intent } from "../../shared/index.js";
import { SUB } from "../../shared/state.js";
import type { Frame } from "../net/frame.js";
import { modalOpen } from "../ui/modal.js";
import { alreadyUnderWay, type ActionKind, type Sent } from "./eager.js";

export type Action = ActionKind;

const KEY_DIRS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  KeyW: [0, -1],
  ArrowDown: [0, 1],
  KeyS: [0, 1],
  ArrowLeft: [-1, 0],
  KeyA: [-1, 0],
  ArrowRight: [1, 0],
  KeyD: [1, 0],
};

const KEY_ACTIONS: Record<string, Action> = { Space: "extinguish", KeyE: "invest", KeyQ: "stepBack" };

export interface ControlsHost {
  send(intent: Intent): void;
  /** The latest frame and your predicted position, to aim actions. */
  frame(): Frame | null;
  position(): { x: number; y: number };
  /** Held direction and sprint changed (for prediction). */
  held(dirX: number, dirY: number, sprint: boolean): void;
  toggleHelp(): void;
  /** Reads out where you are and the nearest fires (L). */
  whereAmI?(): void;
}

/** What a scene's prediction exposes: where the avatar is drawn, and what the keys hold. */
interface Predicted {
  readonly x: number;
  readonly y: number;
  dirX: number;
  dirY: number;
  sprint: boolean;
}

/** The host of controls that aim from a predicted avatar and feed it what the keys hold (game and practice alike). */
export function predictedHost(
  predictor: Predicted,
  frame: () => Frame | null,
  send: (intent: Intent) => void,
  toggleHelp: () => void,
  whereAmI?: () => void,
): ControlsHost {
  return {
    whereAmI,
    send,
    frame,
    position: () => ({ x: predictor.x, y: predictor.y }),
    held: (dx, dy, sprint) => {
      predictor.dirX = dx;
      predictor.dirY = dy;
      predictor.sprint = sprint;
    },
    toggleHelp,
  };
}

/** The burning tile an extinguish aims at: hottest within a tile, else the nearest fire. */
export function aimFire(frame: Frame, x: number, y: number): number {
  const tx = Math.floor(x / SUB);
  const ty = Math.floor(y / SUB);
  let best = -1;
  let bestScore = -Infinity;
  frame.heat.forEach((heat, i) => {
    if (heat === 0) return;
    const d = Math.max(Math.abs((i % frame.width) - tx), Math.abs(Math.floor(i / frame.width) - ty));
    const score = (d <= 1 ? 100 : 0) + heat * 4 - d;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best >= 0 ? best : ty * frame.width + tx;
}

/** The tile an action at (x, y) aims at: a tapped tile as tapped, else Space the fire aimFire
 *  picks and E the tile you stand on; a step back aims at no tile (-1). */
export function aimAt(frame: Frame, action: Action, x: number, y: number, tile?: number): number {
  if (action === "stepBack") return -1;
  if (tile !== undefined) return tile;
  return action === "extinguish" ? aimFire(frame, x, y) : Math.floor(y / SUB) * frame.width + Math.floor(x / SUB);
}

export class Controls {
  private readonly pressed = new Set<string>();
  private dirX = 0;
  private dirY = 0;
  private sprint = false;
  /** The last action sent, so an eager second press does not restart it. */
  private lastSent: Sent | null = null;
  private readonly onKeyDown = (e: KeyboardEvent) => this.keyDown(e);
  private readonly onKeyUp = (e: KeyboardEvent) => this.keyUp(e);
  private readonly onBlur = () => this.releaseAll();

  constructor(private readonly host: ControlsHost) {
    window.addEventListener("keydown", this.onKeyDown);
    window.addEventListener("keyup", this.onKeyUp);
    window.addEventListener("blur", this.onBlur);
  }

  destroy(): void {
    window.removeEventListener("keydown", this.onKeyDown);
    window.removeEventListener("keyup", this.onKeyUp);
    window.removeEventListener("blur", this.onBlur);
  }

  /** From the on-screen pad: a direction held (or 0,0 to let go). */
  setDirection(dx: number, dy: number): void {
    this.applyHeld(dx, dy, this.sprint);
  }

  setSprint(on: boolean): void {
    this.applyHeld(this.dirX, this.dirY, on);
  }

  act(action: Action, tile?: number): void {
    const frame = this.host.frame();
    // A watcher has no avatar: nothing to act with.
    if (!frame?.you) return;
    const { x, y } = this.host.position();
    const target = aimAt(frame, action, x, y, tile);
    const now = performance.now();
    if (alreadyUnderWay(frame.you, this.lastSent, action, target, now, tile === undefined)) return;
    this.lastSent = { kind: action, tile: target, at: now };
    if (action === "stepBack") return this.host.send({ kind: "stepBack" });
    this.host.send({ kind: action, x: target % frame.width, y: Math.floor(target / frame.width) });
  }

  /** A click or tap on a tile: put it out if it burns, otherwise build there. */
  clickTile(tile: number): void {
    const frame = this.host.frame();
    if (!frame) return;
    this.act(frame.heat[tile]! > 0 ? "extinguish" : "invest", tile);
  }

  private keyDown(e: KeyboardEvent): void {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
    if (e.key === "?" || e.code === "Slash") {
      this.host.toggleHelp();
      return;
    }
    // A dialog holds the keys while it is open; Space or Enter on a focused button presses only
    // the button. Either way the map does not move or act as well.
    if (modalOpen()) return;
    if ((e.code === "Space" || e.key === "Enter") && e.target instanceof Element && e.target.closest("button, a[href], summary, [role=button]")) return;
    if (e.code === "KeyL") {
      if (!e.repeat) this.host.whereAmI?.();
      return;
    }
    if (e.code === "ShiftLeft" || e.code === "ShiftRight") {
      this.setSprint(true);
      return;
    }
    const action = KEY_ACTIONS[e.code];
    if (action) {
      e.preventDefault();
      if (!e.repeat) this.act(action);
      return;
    }
    if (KEY_DIRS[e.code]) {
      e.preventDefault();
      this.pressed.add(e.code);
      this.updateDirection();
    }
  }

  private keyUp(e: KeyboardEvent): void {
    if (e.code === "ShiftLeft" || e.code === "ShiftRight") this.setSprint(false);
    if (this.pressed.delete(e.code)) this.updateDirection();
  }

  private releaseAll(): void {
    this.pressed.clear();
    this.applyHeld(0, 0, false);
  }

  private updateDirection(): void {
    let dx = 0;
    let dy = 0;
    for (const code of this.pressed) {
      const [x, y] = KEY_DIRS[code]!;
      dx += x;
      dy += y;
    }
    this.applyHeld(Math.sign(dx), Math.sign(dy), this.sprint);
  }

  private applyHeld(dx: number, dy: number, sprint: boolean): void {
    // A watcher's keys move nothing (and send nothing the server would only refuse).
    if (this.host.frame()?.you === undefined) return;
    if (dx !== this.dirX || dy !== this.dirY) {
      this.dirX = dx;
      this.dirY = dy;
      this.host.send({ kind: "move", dx: dx as -1 | 0 | 1, dy: dy as -1 | 0 | 1 });
    }
    if (sprint !== this.sprint) {
      this.sprint = sprint;
      this.host.send({ kind: "sprint", on: sprint });
    }
    this.host.held(this.dirX, this.dirY, this.sprint);
  }
}
