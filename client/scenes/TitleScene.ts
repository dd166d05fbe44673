// Title: a name and Quick play (ui/title-form.ts) over a live, unattended map that slowly
// catches fire. The form may already be up, shown before the game engine loaded.
import Phaser from "phaser";
import { SCENARIOS, createGame, type GameState, step } from "../../shared/index.js";
import { app, goFromTitle } from "../app.js";
import { SCENES } from "../constants.js";
import { frameFromState } from "../net/frame.js";
import { Board } from "../render/board.js";
import { frameCamera } from "../render/camera.js";
import { removeLayer } from "../ui/dom.js";
import { showTitleForm } from "../ui/title-form.js";

export class TitleScene extends Phaser.Scene {
  private board!: Board;
  private sim!: GameState;
  private carry = 0;

  constructor() {
    super(SCENES.title);
  }

  create(): void {
    this.board = new Board(this);
    this.sim = createGame(SCENARIOS.startup!, (Date.now() & 0xffff) + 1);
    this.board.update(frameFromState(this.sim));
    const fit = () => frameCamera(this, this.board.activeRect()!, { top: 0, right: 0, bottom: 0, left: 0 }, false);
    fit();
    this.scale.on("resize", fit);
    this.events.once("shutdown", () => {
      this.scale.off("resize", fit);
      app.onTitleNext = null;
      removeLayer("title");
    });
    if (!document.getElementById("title")) showTitleForm(goFromTitle);
    app.onTitleNext = () => this.forward();
    this.forward();
  }

  /** Starts what the form asked for (it may have asked before this scene existed). */
  private forward(): void {
    const go = app.titleNext;
    if (!go) return;
    app.titleNext = null;
    this.scene.start(go.next, go.data);
  }

  override update(time: number, delta: number): void {
    // The backdrop plays the real rules, slowed: nobody tends it, so it burns.
    this.carry += delta;
    if (this.carry > 120) {
      this.carry = 0;
      if (this.sim.ended) this.sim = createGame(SCENARIOS.startup!, this.sim.seed + 1);
      step(this.sim);
      this.board.update(frameFromState(this.sim));
    }
    this.board.animate(time);
  }
}
