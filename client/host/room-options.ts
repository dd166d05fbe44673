// The host console's room-wide options: a short message on every screen, what the leaderboard
// shows, what happens to a round when the console is lost, and locking the room to newcomers.
// The selects' options are these types' values; the server checks what arrives anyway.
import type { BoardMode, HostCommand, HostDropMode } from "../../shared/protocol/index.js";
import { BOARD_MODES, HOST_MESSAGE_MAX_LENGTH } from "../../shared/protocol/index.js";
import type { HostedInfo } from "../net/frame.js";
import { h } from "../ui/dom.js";
import { field } from "./settings-form.js";

type Send = (command: HostCommand) => void;

const BOARD_TEXT: Record<string, string> = { praise: "praise leaderboard", value: "team value only", hidden: "nothing (hidden)" };

export class RoomOptions {
  /** The message form and what every screen shows now. */
  readonly message: HTMLElement[];
  /** The leaderboard, the console-lost policy and the lock. */
  readonly settings: HTMLElement;
  private readonly current = h("p", { class: "muted small" });
  private readonly board = h("select", { id: "board", "data-testid": "host-board" }, ...BOARD_MODES.map((m) => h("option", { value: m }, BOARD_TEXT[m])));
  private readonly hostDrop = h("select", { id: "hostDrop" }, h("option", { value: "continue" }, "keeps running"), h("option", { value: "pause" }, "pauses"));
  private readonly lock: HTMLButtonElement;
  private locked = false;

  constructor(send: Send) {
    this.board.addEventListener("change", () => send({ command: "board", mode: this.board.value as BoardMode }));
    this.hostDrop.addEventListener("change", () => send({ command: "hostDrop", then: this.hostDrop.value as HostDropMode }));
    this.lock = h(
      "button",
      { type: "button", class: "secondary", "data-testid": "host-lock", onclick: () => send({ command: this.locked ? "unlock" : "lock" }) },
      "Lock room",
    );
    this.settings = h(
      "div",
      { class: "stack" },
      field("Leaderboard shows", this.board),
      field("If you lose this console (Wi-Fi, closed laptop), the round", this.hostDrop, "Open this page again on any device with your key to take over."),
      this.lock,
    );
    const text = h("input", { id: "message", type: "text", maxlength: HOST_MESSAGE_MAX_LENGTH, placeholder: "e.g. Two minutes left: who is stepping back?" });
    const form = h(
      "form",
      { class: "row message" },
      text,
      h("button", { type: "submit", class: "primary" }, "Show"),
      h("button", { type: "button", class: "secondary", onclick: () => send({ command: "message", text: "" }) }, "Clear"),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      send({ command: "message", text: text.value });
    });
    this.message = [form, this.current];
  }

  render(hosted: HostedInfo): void {
    this.locked = hosted.locked;
    this.lock.textContent = hosted.locked ? "Unlock room" : "Lock room";
    this.lock.classList.toggle("danger", hosted.locked);
    this.current.textContent = hosted.message ? `Showing: “${hosted.message}”` : "No message showing.";
    // A menu the host has open keeps what they are choosing.
    if (document.activeElement !== this.board) this.board.value = hosted.board;
    if (document.activeElement !== this.hostDrop) this.hostDrop.value = hosted.hostDrop;
  }
}
