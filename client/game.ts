// Boots Phaser with the scene chain (main.ts loads this after the title's form is up). Phaser
// draws the map and effects; HTML layers in #ui carry forms, HUD and tables.
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
import { pickRenderer } from "./render/renderer-choice.js";
import { RenderScale } from "./render/resolution.js";
import { watchDebrief } from "./ui/debrief-overlay.js";
import { bindWindowApi } from "./window-api.js";

const renderer = pickRenderer();
const game = new Phaser.Game({
  type: renderer === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
  parent: "game",
  backgroundColor: PALETTE.background,
  // Sized by RenderScale (below), which may draw fewer pixels where frames are slow.
  scale: { mode: Phaser.Scale.NONE, width: window.innerWidth, height: window.innerHeight },
  // Smooth textures, but no multisampled canvas: the moving pieces are pre-drawn smooth
  // (render/textures.ts), and multisampling costs every pixel on software WebGL.
  render: { antialias: true, antialiasGL: false },
  scene: [BootScene, TitleScene, PracticeScene, LobbyScene, GameScene, ResultsScene, WorkshopScene],
});

const renderScale = new RenderScale(game);
watchDebrief(app.session, { myName: () => (app.session.room ? (readFrame(app.session.room).players.find((p) => p.isYou)?.name ?? null) : null) });

bindWindowApi({
  game,
  renderer,
  renderScale: () => renderScale.value,
  fixRenderScale: (value) => renderScale.fix(value),
  drawn: () => (game.scene.isActive(SCENES.game) ? (game.scene.getScene(SCENES.game) as GameScene).drawnBoard() : null),
});
