// The host console's room-wide options: a short message on every screen, what the leaderboard
// shows, what happens to a round when the console is lost, and locking the room to newcomers.
// The selects' options are these types' values; the server checks what arrives anyway.
import type { BoardMode, HostCommand, HostDropMode, RoomLanguage } from "../../shared/protocol/index.js";
import { BOARD_MODES, HOST_MESSAGE_MAX_LENGTH, ROOM_LANGUAGES } from "../../shared/protocol/index.js";
import { type Key, LANGUAGES, t } from "../i18n/index.js";
import { messageText } from "../i18n/notices.js";
import type { HostedInfo } from "../net/frame.js";
import { h } from "../ui/dom.js";
import { field } from "./settings-form.js";

type Send = (command: HostCommand) => void;

const BOARD_TEXT: Record<string, Key> = { praise: "options.boardPraise", value: "options.boardValue", hidden: "options.boardHidden" };

export class RoomOptions {
  /** The message form and what every screen shows now. */
  readonly message: HTMLElement[];
  /** The leaderboard, the console-lost policy and the lock. */
  readonly settings: HTMLElement;
  private readonly current = h("p", { class: "muted small" });
  private readonly board = h("select", { id: "board", "data-testid": "host-board" }, ...BOARD_MODES.map((m) => h("option", { value: m }, t(BOARD_TEXT[m]!))));
  private readonly hostDrop = h(
    "select",
    { id: "hostDrop" },
    h("option", { value: "continue" }, t("options.keepsRunning")),
    h("option", { value: "pause" }, t("options.pauses")),
  );
  // Each language's name in itself; "" leaves the projector and consoles to their browsers.
  private readonly language = h(
    "select",
    { id: "roomLanguage", "data-testid": "host-language" },
    ...ROOM_LANGUAGES.map((l) => h("option", l ? { value: l, lang: l } : { value: l }, l ? LANGUAGES[l] : t("options.followBrowser"))),
  );
  private readonly lock: HTMLButtonElement;
  private locked = false;

  constructor(send: Send) {
    this.board.addEventListener("change", () => send({ command: "board", mode: this.board.value as BoardMode }));
    this.hostDrop.addEventListener("change", () => send({ command: "hostDrop", then: this.hostDrop.value as HostDropMode }));
    this.language.addEventListener("change", () => send({ command: "language", language: this.language.value as RoomLanguage }));
    this.lock = h(
      "button",
      { type: "button", class: "secondary", "data-testid": "host-lock", onclick: () => send({ command: this.locked ? "unlock" : "lock" }) },
      t("options.lock"),
    );
    this.settings = h(
      "div",
      { class: "stack" },
      field(t("options.board"), this.board),
      field(t("options.hostDrop"), this.hostDrop, t("options.hostDropHelp")),
      field(t("options.roomLanguage"), this.language, t("options.roomLanguageHelp")),
      this.lock,
    );
    const text = h("input", {
      id: "message",
      type: "text",
      maxlength: HOST_MESSAGE_MAX_LENGTH,
      placeholder: t("options.messagePlaceholder"),
      "aria-label": t("options.message"),
    });
    const form = h(
      "form",
      { class: "row message" },
      text,
      h("button", { type: "submit", class: "primary" }, t("options.show")),
      h("button", { type: "button", class: "secondary", onclick: () => send({ command: "message", text: "" }) }, t("options.clear")),
    );
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      send({ command: "message", text: text.value });
    });
    this.message = [form, this.current];
  }

  render(hosted: HostedInfo): void {
    this.locked = hosted.locked;
    this.lock.textContent = t(hosted.locked ? "options.unlock" : "options.lock");
    this.lock.classList.toggle("danger", hosted.locked);
    this.current.textContent = hosted.message ? t("options.showing", { message: messageText(hosted.message) }) : t("options.noMessage");
    // A menu the host has open keeps what they are choosing.
    if (document.activeElement !== this.board) this.board.value = hosted.board;
    if (document.activeElement !== this.hostDrop) this.hostDrop.value = hosted.hostDrop;
    if (document.activeElement !== this.language) this.language.value = hosted.language;
  }
}
