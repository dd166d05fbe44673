// The host console's round buttons: start (after a countdown), cancel the countdown, pause,
// resume, end, grow the organisation now, and the next round with the same people. Each is
// enabled only when the room can do it.
import type { HostCommand } from "../../shared/protocol/index.js";
import type { Frame, HostedInfo } from "../net/frame.js";
import { FocusKeeper } from "../a11y/focus.js";
import { t } from "../i18n/index.js";
import { h } from "../ui/dom.js";

type Send = (command: HostCommand) => void;

export class RoundControls {
  readonly el: HTMLElement;
  private readonly countdown = h(
    "select",
    { id: "countdown", "aria-label": t("controls.countdown") },
    ...[3, 5, 10, 0].map((s) => h("option", { value: s, selected: s === 5 }, s === 0 ? t("controls.noCountdown") : t("controls.secondsCountdown", { n: s }))),
  );
  private readonly start: HTMLButtonElement;
  private readonly cancel: HTMLButtonElement;
  private readonly pause: HTMLButtonElement;
  private readonly resume: HTMLButtonElement;
  private readonly end: HTMLButtonElement;
  private readonly nextPhase: HTMLButtonElement;
  private readonly nextRound: HTMLButtonElement;
  private readonly focus: FocusKeeper;

  /** `beforeStart` runs just before a start is sent (the settings form applies its edits). */
  constructor(send: Send, beforeStart: () => void) {
    const btn = (id: string, label: string, onclick: () => void, cls = "secondary") =>
      h("button", { type: "button", class: cls, "data-testid": `host-${id}`, onclick }, label);
    this.start = btn(
      "start",
      t("controls.start"),
      () => {
        beforeStart();
        send({ command: "start", countdownSeconds: Number(this.countdown.value) });
      },
      "primary",
    );
    this.cancel = btn("cancel", t("controls.cancel"), () => send({ command: "cancel" }));
    this.pause = btn("pause", t("controls.pause"), () => send({ command: "pause" }));
    this.resume = btn("resume", t("controls.resume"), () => send({ command: "resume" }), "primary");
    this.end = btn("end", t("controls.end"), () => send({ command: "end" }), "danger");
    this.nextPhase = btn("nextPhase", t("controls.nextPhase"), () => send({ command: "nextPhase" }));
    this.nextRound = btn("nextRound", t("controls.nextRound"), () => send({ command: "nextRound" }), "primary");
    this.el = h(
      "div",
      { class: "controls" },
      h("div", { class: "row" }, this.start, this.countdown, this.cancel),
      h("div", { class: "row" }, this.pause, this.resume, this.end),
      h("div", { class: "row" }, this.nextPhase, this.nextRound),
    );
    // A button pressed is usually disabled by what it did: focus goes on to what comes next.
    const after = new Map<HTMLElement, HTMLElement>([
      [this.start, this.pause],
      [this.cancel, this.start],
      [this.pause, this.resume],
      [this.resume, this.pause],
      [this.end, this.nextRound],
      [this.nextPhase, this.end],
      [this.nextRound, this.start],
    ]);
    this.focus = new FocusKeeper(this.el, (gone) => after.get(gone));
  }

  render(f: Frame, hosted: HostedInfo): void {
    const running = f.stage === "playing" || f.stage === "countdown";
    this.start.disabled = f.stage !== "lobby";
    this.cancel.disabled = f.stage !== "countdown";
    this.countdown.disabled = f.stage !== "lobby";
    this.pause.disabled = !(running && !hosted.paused);
    this.resume.disabled = !hosted.paused;
    this.end.disabled = f.stage !== "playing";
    this.nextPhase.disabled = f.stage !== "playing";
    this.nextRound.disabled = f.stage !== "ended";
    this.focus.settle();
  }
}
