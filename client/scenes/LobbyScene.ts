// Lobby: who is here and the countdown; the round starts on the server's word.
import Phaser from "phaser";
import { app } from "../app.js";
import { SCENES } from "../constants.js";
import { type Frame, readFrame } from "../net/frame.js";
import { Board } from "../render/board.js";
import { frameCamera, readMargins } from "../render/camera.js";
import { h, layer, removeLayer } from "../ui/dom.js";
import { t } from "../i18n/index.js";
import { messageText } from "../i18n/notices.js";
import { playerName } from "../i18n/player-names.js";

export class LobbyScene extends Phaser.Scene {
  private board!: Board;

  constructor() {
    super(SCENES.lobby);
  }

  create(): void {
    const room = app.session.room;
    if (!room) return void this.scene.start(SCENES.title);
    // A new round: the last round's summary belongs to the last round.
    app.session.summary = null;
    this.board = new Board(this);
    const list = h("ul", { class: "players" });
    const count = h("p", { class: "countdown", "data-testid": "countdown" });
    const code = h("p", { class: "hint", "data-testid": "room-code" });
    const hint = h("p", { class: "hint" }, t("lobby.botsAtCountdown"));
    const message = h("p", { class: "insight", "data-testid": "host-message" });
    layer("lobby", h("div", { class: "panel lobby" }, h("h2", {}, t("lobby.title")), code, count, message, list, hint));
    const render = (frame: Frame) => {
      if (frame.stage !== "countdown" && frame.stage !== "lobby") return this.scene.start(SCENES.game);
      const hosted = frame.hosted;
      count.textContent = frame.stage === "lobby" ? t("lobby.waitingHost") : hosted?.paused ? t("lobby.paused") : t("lobby.startingIn", { n: frame.countdown });
      if (hosted) {
        code.replaceChildren(
          hosted.team ? t("lobby.teamRoom", { team: hosted.team }) : t("lobby.room"),
          h("span", { class: "room-code" }, hosted.code),
          hosted.round > 1 ? t("lobby.round", { n: hosted.round }) : "",
        );
        message.textContent = messageText(hosted.message);
        hint.textContent = hosted.watching ? t("lobby.allSeatsTaken") : t("lobby.botsAtStart");
      }
      list.replaceChildren(
        ...frame.players.map((p) => h("li", { class: p.isYou ? "you" : "" }, p.isYou ? t("common.withYou", { name: p.name }) : playerName(p))),
      );
      this.board.update(frame);
      const rect = this.board.activeRect();
      if (rect) frameCamera(this, rect, readMargins(), false);
    };
    let current = room;
    const onChange = () => render(readFrame(current));
    current.onStateChange(onChange);
    onChange();
    // After a reconnect the session holds a new Room; follow it (its first state is a change).
    const offRoom = app.session.onRoom((next) => {
      current.onStateChange.remove(onChange);
      current = next;
      current.onStateChange(onChange);
    });
    this.events.once("shutdown", () => {
      current.onStateChange.remove(onChange);
      offRoom();
      removeLayer("lobby");
    });
  }

  override update(time: number): void {
    this.board?.animate(time);
  }
}
