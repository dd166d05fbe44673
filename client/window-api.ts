// A read-only window for browser tests and the client benchmark: the game, the active scenes,
// and the latest synced state as a plain frame. It exists from the first script on (the title's
// form works before the game engine loads); what needs the engine answers once it is bound.
import type Phaser from "phaser";
import { app } from "./app.js";
import { SCENES } from "./constants.js";
import { readFrame } from "./net/frame.js";
import type { RendererName } from "./render/renderer-choice.js";

interface Engine {
  game: Phaser.Game;
  /** Which of Phaser's renderers this machine got (render/renderer-choice.ts). */
  renderer: RendererName;
  renderScale: () => number;
  fixRenderScale: (value: number | null) => void;
  /** What the round's map last drew (guard, revealed risk, embers), or null outside a round. */
  drawn: () => unknown;
}

let engine: Engine | null = null;

export function bindWindowApi(e: Engine): void {
  engine = e;
}

(window as unknown as { smolder: unknown }).smolder = {
  get game() {
    return engine?.game ?? null;
  },
  scenes: () => engine?.game.scene.getScenes(true).map((s) => s.scene.key) ?? [],
  frame: () => (app.practice ? app.practice() : app.session.room ? readFrame(app.session.room) : null),
  drawn: () => engine?.drawn() ?? null,
  renderer: () => engine?.renderer ?? null,
  renderScale: () => engine?.renderScale() ?? 1,
  /** Where the round's camera looks (scroll and zoom), to check it does not pan under reduced motion. */
  camera: () => {
    const game = engine?.game;
    const cam = game?.scene.isActive(SCENES.game) ? game.scene.getScene(SCENES.game).cameras.main : null;
    return cam ? { x: cam.scrollX, y: cam.scrollY, zoom: cam.zoom } : null;
  },
  /** Intents this page has sent, by kind. */
  sent: () => ({ ...app.session.sentKinds }),
  fixRenderScale: (value: number | null) => engine?.fixRenderScale(value),
  /** Closes the socket as a network blip would, to test the reconnect path. */
  dropConnection: () => (app.session.room?.connection as unknown as { transport?: { ws?: WebSocket } } | undefined)?.transport?.ws?.close(3000, "test blip"),
};
