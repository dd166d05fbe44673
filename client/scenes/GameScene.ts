// The round: draws the synced state, predicts your avatar, and turns input into intents.
import Phaser from "phaser";
import { getScenario } from "../../shared/index.js";
import { app } from "../app.js";
import { reducedMotion } from "../a11y/motion.js";
import { sound } from "../audio/sound.js";
import { FOLLOW_TILES, SCENES, TILE_PX } from "../constants.js";
import { SUB } from "../../shared/state.js";
import { Controls, predictedHost } from "../input/controls.js";
import { type Frame, readFrame } from "../net/frame.js";
import { Predictor } from "../predict.js";
import { Avatars } from "../render/avatars.js";
import { Board } from "../render/board.js";
import { followRect, frameCamera, type Margins } from "../render/camera.js";
import { watchMargins } from "../render/margins.js";
import { Effects } from "../render/effects.js";
import { h, layer, removeLayer } from "../ui/dom.js";
import { toggleHelp } from "../ui/help.js";
import { Hud } from "../ui/hud.js";
import { Announcer } from "../a11y/announcer.js";
import { changes, surroundings } from "../a11y/narrate.js";
import { errorText } from "../i18n/errors.js";
import { phaseLabel, t } from "../i18n/index.js";
import { hideTouchControls, isTouchDevice, showTouchControls } from "../ui/touch.js";

export class GameScene extends Phaser.Scene {
  private board!: Board;
  private avatars!: Avatars;
  private effects!: Effects;
  private hud!: Hud;
  private announcer!: Announcer;
  private controls!: Controls;
  private readonly predictor = new Predictor();
  private frame: Frame | null = null;
  private side = 0;
  private margins: Margins = { top: 0, right: 0, bottom: 0, left: 0 };
  /** Time after which the camera follows the avatar (it first shows the map growing). */
  private followFrom = 0;
  /** Whether the camera has eased in to the avatar since the last full-map view. */
  private following = false;
  /** The tiles the camera shows while following (for the minimap). */
  private view: { x: number; y: number; side: number } | undefined;
  /** Whether this screen has a seat: a watcher gets no pad. Unknown until the first state. */
  private seated: boolean | null = null;

  constructor() {
    super(SCENES.game);
  }

  create(): void {
    const session = app.session;
    const room = session.room;
    if (!room) return void this.scene.start(SCENES.title);
    this.frame = null;
    this.side = 0;
    this.seated = null;
    this.board = new Board(this);
    this.avatars = new Avatars(this);
    this.effects = new Effects(this);
    this.hud = new Hud(toggleHelp);
    this.announcer = new Announcer();
    this.controls = new Controls(
      predictedHost(
        this.predictor,
        () => this.frame,
        (intent) => {
          sound.unlock();
          session.send(intent);
        },
        toggleHelp,
        () => this.frame && this.announcer.say(surroundings(this.frame)),
      ),
    );

    this.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => {
      sound.unlock();
      const tile = this.board.tileAt(pointer.worldX, pointer.worldY);
      if (tile >= 0) this.controls.clickTile(tile);
    });

    let current = room;
    const onChange = () => this.onFrame(readFrame(current));
    current.onStateChange(onChange);
    // After a reconnect the session holds a new Room; follow it.
    const offRoom = session.onRoom((next) => {
      current.onStateChange.remove(onChange);
      current = next;
      // The new room's first state arrives as a change; until then it is empty.
      current.onStateChange(onChange);
    });
    const offError = session.onError((e) => {
      sound.play("error");
      this.hud.say(errorText(e));
    });
    const offSummary = session.onSummary(() => this.time.delayedCall(1200, () => this.scene.start(SCENES.results)));
    const offStatus = session.onStatus((status) => this.showConnection(status));
    // The free area changes with the window, the orientation, the HUD's rows and the pad.
    const offMargins = watchMargins((m) => {
      this.margins = m;
      this.fit(false);
    });
    // The canvas can change size without the window doing so (the render scale adapts to slow frames).
    const onResize = () => this.fit(false);
    this.scale.on("resize", onResize);
    onChange();

    this.events.once("shutdown", () => {
      current.onStateChange.remove(onChange);
      offRoom();
      offError();
      offSummary();
      offStatus();
      offMargins();
      this.scale.off("resize", onResize);
      this.controls.destroy();
      this.hud.destroy();
      this.announcer.destroy();
      hideTouchControls();
      removeLayer("banner");
      removeLayer("help");
    });
  }

  /** What the map shows now (guard, revealed risk, embers), as the board last drew it. */
  drawnBoard(): Board["drawn"] | null {
    return this.board?.drawn ?? null;
  }

  override update(time: number, delta: number): void {
    const frame = this.frame;
    if (!frame) return;
    if (frame.stage === "playing") this.predictor.advance(delta, frame.tickRate);
    this.board.animate(time);
    this.avatars.animate(delta, time, frame.you ? { x: this.predictor.x, y: this.predictor.y } : null);
    const bounds = this.board.activeRect();
    if (frame.side > FOLLOW_TILES && frame.you && bounds && time >= this.followFrom) {
      const at = followRect((this.predictor.x / SUB) * TILE_PX, (this.predictor.y / SUB) * TILE_PX, FOLLOW_TILES, bounds);
      this.view = { x: at.x / TILE_PX, y: at.y / TILE_PX, side: at.width / TILE_PX };
      // Ease in once, then track every frame.
      frameCamera(this, at, this.margins, !this.following);
      if (!this.following) {
        this.following = true;
        this.followFrom = time + 1300;
      }
    }
  }

  private onFrame(frame: Frame): void {
    // A room whose first state has not arrived yet has nothing to show.
    if (frame.width === 0) return;
    const prev = this.frame;
    this.frame = frame;
    if (prev) {
      this.effects.changes(prev, frame);
      this.announcer.say(...changes(prev, frame));
    } else {
      const scenario = getScenario(frame.scenario);
      if (scenario) this.board.setRiskMax(scenario.risk.max);
    }
    this.predictor.sync(frame);
    this.seatChanged(frame.you !== undefined);
    this.board.update(frame);
    this.avatars.update(frame);
    // Once the camera follows you, the minimap shows the rest of the map and where you look.
    this.hud.update(frame, this.following ? this.view : undefined);
    if (frame.side !== this.side) {
      this.fit(this.side !== 0);
      // The announcer says the new phase (narrate.ts); the toast only shows it.
      if (this.side !== 0) this.hud.say(t("game.grows", { name: phaseLabel(frame.phaseName) }), "info", false);
      this.side = frame.side;
    }
    if (frame.stage === "ended" && app.session.summary) this.scene.start(SCENES.results);
    // A hosted room's next round begins in the lobby.
    if (frame.stage === "lobby" || frame.stage === "countdown") this.scene.start(SCENES.lobby);
  }

  /** A seat gets the pad on touch screens; a watcher has nothing to steer. (The practice before
   *  the first round teaches; nothing here takes round time.) */
  private seatChanged(seated: boolean): void {
    if (seated === this.seated) return;
    this.seated = seated;
    if (seated && isTouchDevice()) showTouchControls(this.controls);
    else hideTouchControls();
  }

  /** Frames the whole active area; on a big map, following starts once the growth was seen. */
  private fit(animate: boolean): void {
    // Reduced motion: a view that follows you keeps following as the map grows (the minimap shows
    // the growth), so the camera makes no trip out to the whole map and back.
    if (animate && reducedMotion() && this.following && (this.frame?.side ?? 0) > FOLLOW_TILES) return;
    const rect = this.board.activeRect();
    if (rect) frameCamera(this, rect, this.margins, animate);
    this.followFrom = this.time.now + (animate ? 2500 : 0);
    this.following = false;
  }

  private showConnection(status: string): void {
    // A page that left on purpose has moved on; nothing to say.
    if (status === "connected" || status === "left") return removeLayer("banner");
    const text =
      status === "reconnecting"
        ? t("game.reconnecting")
        : status === "kicked"
          ? t("game.kicked")
          : status === "flooded"
            ? t("game.flooded")
            : status === "closed"
              ? t("game.closed")
              : t("game.lost");
    layer("banner", h("div", { class: "banner", role: "alert" }, text));
  }
}
