// Boots Phaser with the scene chain. Phaser draws the map and effects; HTML layers in #ui
// carry forms, HUD and tables.
import Phaser from "phaser";
import { app } from "./app.js";
import { PALETTE, SCENES } from "./constants.js";
import { readFrame } from "./net/frame.js";
import { BootScene } from "./scenes/BootScene.js";
import { GameScene } from "./scenes/GameScene.js";
import { LobbyScene } from "./scenes/LobbyScene.js";
import { PracticeScene } from "./scenes/PracticeScene.js";
import { ResultsScene } from "./scenes/ResultsScene.js";
import { TitleScene } from "./scenes/TitleScene.js";
import { WorkshopScene } from "./scenes/WorkshopScene.js";
import { RenderScale } from "./render/resolution.js";
import { watchDebrief } from "./ui/debrief-overlay.js";
import { updateScreenClasses } from "./ui/layout.js";
import { applyMotionClass } from "./a11y/motion.js";
import { initI18n } from "./i18n/index.js";

// Words and motion first: every scene reads them as it draws.
await initI18n();
applyMotionClass();

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  backgroundColor: PALETTE.background,
  // Sized by RenderScale (below), which may draw fewer pixels where frames are slow.
  scale: { mode: Phaser.Scale.NONE, width: window.innerWidth, height: window.innerHeight },
  // Smooth textures, but no multisampled canvas: the moving pieces are pre-drawn smooth
  // (render/textures.ts), and multisampling costs every pixel on software WebGL.
  render: { antialias: true, antialiasGL: false },
  scene: [BootScene, TitleScene, PracticeScene, LobbyScene, GameScene, ResultsScene, WorkshopScene],
});

updateScreenClasses();
window.addEventListener("resize", updateScreenClasses);
const renderScale = new RenderScale(game);
watchDebrief(app.session, { myName: () => (app.session.room ? (readFrame(app.session.room).players.find((p) => p.isYou)?.name ?? null) : null) });

// A read-only window for browser tests and the client benchmark: the game, the active
// scenes, and the latest synced state as a plain frame.
(window as unknown as { smolder: unknown }).smolder = {
  game,
  scenes: () => game.scene.getScenes(true).map((s) => s.scene.key),
  frame: () => (app.practice ? app.practice() : app.session.room ? readFrame(app.session.room) : null),
  /** What the round's map last drew (guard, revealed risk, embers), or null outside a round. */
  drawn: () => (game.scene.isActive(SCENES.game) ? (game.scene.getScene(SCENES.game) as GameScene).drawnBoard() : null),
  renderScale: () => renderScale.value,
  /** Where the round's camera looks (scroll and zoom), to check it does not pan under reduced motion. */
  camera: () => {
    const cam = game.scene.isActive(SCENES.game) ? game.scene.getScene(SCENES.game).cameras.main : null;
    return cam ? { x: cam.scrollX, y: cam.scrollY, zoom: cam.zoom } : null;
  },
  /** Intents this page has sent, by kind. */
  sent: () => ({ ...app.session.sentKinds }),
  fixRenderScale: (value: number | null) => renderScale.fix(value),
  /** Closes the socket as a network blip would, to test the reconnect path. */
  dropConnection: () => (app.session.room?.connection as unknown as { transport?: { ws?: WebSocket } } | undefined)?.transport?.ws?.close(3000, "test blip"),
};
