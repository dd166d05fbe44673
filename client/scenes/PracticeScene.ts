// A short practice before the first round, on a private board the browser runs with the shared
// rules: it costs no round time, nobody waits for it, and "Skip practice" is always there.
// Done or skipped, it is remembered, and the join the player asked for goes ahead.
import Phaser from "phaser";
import { app } from "../app.js";
import { sound } from "../audio/sound.js";
import { SCENES, type SceneKey, STORAGE } from "../constants.js";
import { Controls, predictedHost } from "../input/controls.js";
import type { Frame } from "../net/frame.js";
import { PracticeBoard } from "../practice/board.js";
import { PRACTICE_STEPS } from "../practice/steps.js";
import { Predictor } from "../predict.js";
import { Avatars } from "../render/avatars.js";
import { Board } from "../render/board.js";
import { frameCamera } from "../render/camera.js";
import { Effects } from "../render/effects.js";
import { watchMargins } from "../render/margins.js";
import { h, layer, removeLayer } from "../ui/dom.js";
import { toggleHelp } from "../ui/help.js";
import { Announcer } from "../a11y/announcer.js";
import { changes, surroundings } from "../a11y/narrate.js";
import { t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
import { hideTouchControls, isTouchDevice, showTouchControls } from "../ui/touch.js";

export interface PracticeData {
  /** The join the player asked for; resolves to the scene to show next. */
  join: () => Promise<SceneKey>;
}

const LAYER = "practice";

/** Whether this browser still has the practice ahead of it. */
export { practiceDue } from "../practice/due.js";

export class PracticeScene extends Phaser.Scene {
  private practice!: PracticeBoard;
  private board!: Board;
  private avatars!: Avatars;
  private effects!: Effects;
  private controls!: Controls;
  private announcer!: Announcer;
  private predictor!: Predictor;
  private frame: Frame | null = null;
  private carry = 0;
  private stepIndex = 0;
  private ui!: { count: HTMLElement; praise: HTMLElement; text: HTMLElement; status: HTMLElement; play: HTMLButtonElement; skip: HTMLButtonElement };
  private leaving = false;

  constructor() {
    super(SCENES.practice);
  }

  create(data: PracticeData): void {
    this.practice = new PracticeBoard(localStorage.getItem(STORAGE.name) || "You");
    this.board = new Board(this);
    this.avatars = new Avatars(this);
    this.effects = new Effects(this);
    this.announcer = new Announcer();
    this.predictor = new Predictor();
    this.carry = 0;
    this.stepIndex = 0;
    this.leaving = false;
    this.frame = null;
    this.board.setRiskMax(this.practice.state.scenario.risk.max);
    this.controls = new Controls(
      predictedHost(
        this.predictor,
        () => this.frame,
        (intent) => {
          sound.unlock();
          const refused = this.practice.send(intent);
          this.ui.status.textContent = refused ?? "";
        },
        toggleHelp,
        () => this.frame && this.announcer.say(surroundings(this.frame)),
      ),
    );
    if (isTouchDevice()) showTouchControls(this.controls);
    this.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => {
      sound.unlock();
      const tile = this.board.tileAt(pointer.worldX, pointer.worldY);
      if (tile >= 0) this.controls.clickTile(tile);
    });
    this.showCard(() => this.finish(data));
    this.draw();
    let margins = { top: 0, right: 0, bottom: 0, left: 0 };
    const fit = () => {
      const rect = this.board.activeRect();
      if (rect) frameCamera(this, rect, margins, false);
    };
    const offMargins = watchMargins((m) => {
      margins = m;
      fit();
    });
    // The canvas can change size without the window doing so (the render scale adapts to slow frames).
    this.scale.on("resize", fit);
    app.practice = () => this.frame;
    this.events.once("shutdown", () => {
      app.practice = null;
      offMargins();
      this.scale.off("resize", fit);
      this.controls.destroy();
      this.announcer.destroy();
      hideTouchControls();
      removeLayer(LAYER);
      removeLayer("help");
    });
  }

  override update(time: number, delta: number): void {
    if (!this.frame) return;
    const tickMs = 1000 / this.frame.tickRate;
    this.predictor.advance(delta, this.frame.tickRate);
    this.carry += delta;
    // At most a few ticks per frame, so a background tab coming back does not race ahead.
    for (let n = 0; this.carry >= tickMs && n < 4; n++) {
      this.carry -= tickMs;
      this.practice.tick();
      this.draw();
    }
    if (this.carry > tickMs * 4) this.carry = 0;
    this.board.animate(time);
    this.avatars.animate(delta, time, { x: this.predictor.x, y: this.predictor.y });
  }

  private draw(): void {
    const prev = this.frame;
    const next = this.practice.frame();
    this.frame = next;
    if (prev) {
      this.effects.changes(prev, next);
      this.announcer.say(...changes(prev, next));
    }
    this.predictor.sync(next);
    this.board.update(next);
    this.avatars.update(next);
    this.ui.praise.textContent = String(next.you?.praise ?? 0);
    const step = PRACTICE_STEPS[this.stepIndex];
    if (step?.done && step.done(this.practice)) this.show(this.stepIndex + 1);
  }

  private showCard(finish: () => void): void {
    const count = h("span", { class: "counter", "aria-hidden": "true" });
    const praise = h("strong", { "data-testid": "practice-praise" }, "0");
    // The step is read out as it changes; focus starts on it, so no button holds the game's keys.
    const text = h("p", { "data-testid": "practice-step", tabindex: -1, "aria-live": "polite" });
    const status = h("p", { class: "hint", role: "status", "aria-live": "polite" });
    const play = h("button", { type: "button", class: "primary", hidden: true }, t("practice.play"));
    const skip = h("button", { type: "button", class: "link" }, t("practice.skip"));
    play.addEventListener("click", finish);
    skip.addEventListener("click", finish);
    this.ui = { count, praise, text, status, play, skip };
    layer(
      LAYER,
      h(
        "div",
        { class: "panel practice-card", role: "dialog", "aria-modal": "false", "aria-label": t("practice.label"), "data-reserve": "" },
        h("div", { class: "row" }, h("b", {}, t("practice.label")), count, h("span", { class: "practice-praise" }, t("practice.yourPraise"), praise), skip),
        text,
        status,
        play,
      ),
    );
    this.show(0);
    text.focus();
  }

  private show(index: number): void {
    this.stepIndex = Math.min(index, PRACTICE_STEPS.length - 1);
    const last = this.stepIndex === PRACTICE_STEPS.length - 1;
    this.ui.count.textContent = `${this.stepIndex + 1} / ${PRACTICE_STEPS.length}`;
    this.ui.text.textContent = t(PRACTICE_STEPS[this.stepIndex]!.text);
    this.ui.status.textContent = "";
    this.ui.play.hidden = !last;
    // On the last step "Play the round" is the way on; a second button for it would only confuse.
    this.ui.skip.hidden = last;
  }

  /** Done or skipped: remembered, then the join the player asked for. */
  private finish(data: PracticeData): void {
    if (this.leaving) return;
    this.leaving = true;
    // From here the page's frame is the room's (or none), never the practice board's.
    app.practice = null;
    localStorage.setItem(STORAGE.tutorialDone, "1");
    this.ui.play.disabled = true;
    this.ui.status.textContent = t("practice.joining");
    data.join().then(
      (key) => this.scene.start(key),
      (err: Error) => {
        // Back to the title, which says why.
        app.joinProblem = t("title.couldNotJoin", { why: refusalText(err, t("title.noAnswer")) });
        this.scene.start(SCENES.title);
      },
    );
  }
}
