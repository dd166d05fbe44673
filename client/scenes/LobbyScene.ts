// Lobby: who is here and the countdown; the round starts on the server's word.
import Phaser from "phaser";
import { app } from "../app.js";
import { SCENES } from "../constants.js";
import { type Frame, readFrame } from "../net/frame.js";
import { Board } from "../render/board.js";
import { frameCamera, readMargins } from "../render/camera.js";
import { h, layer, removeLayer } from "../ui/dom.js";

export class LobbyScene extends Phaser.Scene {
  private board!: Board;

  constructor() {
    super(SCENES.lobby);
  }

  create(): void {
    const room = app.session.room;
    if (!room) return void this.scene.start(SCENES.title);
    this.board = new Board(this);
    const list = h("ul", { class: "players" });
    const count = h("p", { class: "countdown", "data-testid": "countdown" });
    layer("lobby", h("div", { class: "panel lobby" }, h("h2", {}, "Getting ready"), count, list, h("p", { class: "hint" }, "Bots take the empty seats when the countdown ends.")));
    const render = (frame: Frame) => {
      if (frame.stage !== "countdown") return this.scene.start(SCENES.game);
      count.textContent = `Starting in ${frame.countdown} s`;
      list.replaceChildren(...frame.players.map((p) => h("li", { class: p.isYou ? "you" : "" }, p.name + (p.isYou ? " (you)" : ""))));
      this.board.update(frame);
      const rect = this.board.activeRect();
      if (rect) frameCamera(this, rect, readMargins(), false);
    };
    const onChange = () => render(readFrame(room));
    room.onStateChange(onChange);
    onChange();
    this.events.once("shutdown", () => {
      room.onStateChange.remove(onChange);
      removeLayer("lobby");
    });
  }

  override update(time: number): void {
    this.board?.animate(time);
  }
}
