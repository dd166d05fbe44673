// Makes the generated textures, then rejoins a seat kept from before a reload, or shows the title.
import Phaser from "phaser";
import { app } from "../app.js";
import { SCENES } from "../constants.js";
import { makeSparkTexture } from "../render/effects.js";

export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    makeSparkTexture(this);
    // The title's form was used while the game loaded: it has joined (or is joining) already.
    if (app.titleNext) return void this.scene.start(SCENES.title);
    void app.session.resume().then((room) => {
      if (!room || app.titleNext) return this.scene.start(SCENES.title);
      if (app.session.inWorkshop) return this.scene.start(SCENES.workshop);
      const stage = (room.state as { stage?: string }).stage;
      this.scene.start(stage === "countdown" || stage === "lobby" ? SCENES.lobby : SCENES.game);
    });
  }
}
