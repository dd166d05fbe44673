// The heads-up display: energy, your praise, team value, clock, phase, leaderboard, and a
// short line where the server says why an action was refused.
import type { Frame } from "../net/frame.js";
import { sound } from "../audio/sound.js";
import { drawMiniMap } from "../render/minimap.js";
import { formatClock, formatValue, h, layer, removeLayer } from "./dom.js";

/** A speaker with sound waves; the waves hide and a slash shows when muted (see style.css). */
const SPEAKER_SVG =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor"/><path class="waves" d="M16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11"/><path class="slash" d="M16 8l6 8"/></svg>';

export class Hud {
  private readonly el: HTMLElement;
  private readonly energy: HTMLElement;
  private readonly energyFill: HTMLElement;
  private readonly praise: HTMLElement;
  private readonly value: HTMLElement;
  private readonly clock: HTMLElement;
  private readonly phase: HTMLElement;
  private readonly board: HTMLOListElement;
  private readonly toast: HTMLElement;
  private readonly reveal: HTMLElement;
  private readonly side: HTMLElement;
  private readonly sideTitle: HTMLElement;
  private readonly teamValue: HTMLElement;
  private readonly message: HTMLElement;
  private readonly paused: HTMLElement;
  private readonly minimap: HTMLCanvasElement;
  private toastTimer = 0;
  private lastBoard = "";

  constructor(onHelp: () => void) {
    this.energyFill = h("div", { class: "bar-fill" });
    this.energy = h("div", { class: "bar", role: "meter", "aria-label": "Energy", "aria-valuemin": 0, "aria-valuemax": 100 }, this.energyFill);
    this.praise = h("strong", { "data-testid": "my-praise" }, "0");
    this.value = h("strong", { "data-testid": "team-value" }, "0");
    this.clock = h("strong", { "data-testid": "clock" }, "0:00");
    this.phase = h("span", { class: "phase" }, "");
    this.board = h("ol", { class: "leaderboard", "aria-label": "Praise leaderboard" });
    this.toast = h("div", { class: "toast", role: "status", "aria-live": "polite" });
    this.reveal = h("div", { class: "reveal-note" }, "Risk revealed: purple tiles smoulder, specks are embers (white-ringed: yours), blue rings are where investing pays most.");
    // Hosted rooms: the host's message, the pause, and the leaderboard mode the host chose.
    this.message = h("div", { class: "host-message", role: "status", "aria-live": "polite", "data-testid": "host-message" });
    this.paused = h("div", { class: "paused-note", "data-testid": "paused" }, h("div", {}, "Paused by the host"));
    this.sideTitle = h("div", { class: "side-title" }, "Praise");
    this.teamValue = h("strong", { class: "side-value" });
    this.side = h("div", { class: "side" }, this.sideTitle, this.board, this.teamValue);
    this.minimap = h("canvas", { class: "minimap", width: 200, height: 200, role: "img", "aria-label": "The whole map: fires, guard and everyone; the frame is what you see", "data-testid": "minimap" });
    const mute = h("button", { class: "icon sound", type: "button", "aria-label": "Sound", "aria-pressed": String(!sound.muted), title: "Sound on/off" });
    mute.innerHTML = SPEAKER_SVG;
    mute.classList.toggle("muted", sound.muted);
    mute.addEventListener("click", () => {
      const muted = sound.toggle();
      mute.classList.toggle("muted", muted);
      mute.setAttribute("aria-pressed", String(!muted));
    });
    const help = h("button", { class: "icon", type: "button", "aria-label": "Help", title: "Help (?)", onclick: onHelp }, "?");
    this.el = layer(
      "hud",
      h(
        "div",
        { class: "hud-bar" },
        h("div", { class: "stat" }, h("span", {}, "Energy"), this.energy),
        h("div", { class: "stat" }, h("span", {}, "Your praise"), this.praise),
        h("div", { class: "stat value" }, h("span", {}, "Team value"), this.value),
        h("div", { class: "stat" }, h("span", {}, "Time"), this.clock),
        this.phase,
        h("div", { class: "hud-buttons" }, mute, help),
      ),
      this.side,
      this.minimap,
      this.reveal,
      this.message,
      this.paused,
      this.toast,
    );
  }

  update(frame: Frame, view?: { x: number; y: number; side: number }): void {
    this.minimap.classList.toggle("shown", view !== undefined);
    if (view) drawMiniMap(this.minimap, frame, view);
    const you = frame.you;
    const pct = you ? Math.round(you.energy / 10) : 0;
    this.energyFill.style.width = `${pct}%`;
    this.energyFill.classList.toggle("low", pct < 25);
    this.energy.setAttribute("aria-valuenow", String(pct));
    this.energy.classList.toggle("burnt", (you?.burnout ?? 0) > 0);
    this.praise.textContent = String(you?.praise ?? 0);
    this.value.textContent = formatValue(frame.value);
    this.clock.textContent = formatClock(frame.clock);
    this.phase.textContent = frame.phaseName ? `Phase ${frame.phaseName}` : "";
    this.reveal.classList.toggle("shown", frame.risk !== null);
    const hosted = frame.hosted;
    const mode = hosted?.board ?? "praise";
    this.message.textContent = hosted?.message ?? "";
    this.message.classList.toggle("shown", !!hosted?.message);
    this.paused.classList.toggle("shown", hosted?.paused === true);
    this.side.style.display = mode === "hidden" ? "none" : "";
    this.sideTitle.textContent = mode === "value" ? "Team value" : "Praise";
    this.board.style.display = mode === "value" ? "none" : "";
    this.teamValue.style.display = mode === "value" ? "" : "none";
    this.teamValue.textContent = formatValue(frame.value);
    const rows = frame.leaderboard
      .map((key) => frame.players.find((p) => p.key === key))
      .filter((p): p is NonNullable<typeof p> => p !== undefined);
    const signature = rows.map((p) => `${p.key}:${p.praise}:${p.status}`).join("|");
    if (signature === this.lastBoard) return;
    this.lastBoard = signature;
    this.board.replaceChildren(
      ...rows.map((p) =>
        h("li", { class: `${p.isYou ? "you" : ""} ${p.status}` }, h("span", { class: "name" }, p.name), p.bot ? h("span", { class: "tag" }, "bot") : null, h("span", { class: "num" }, p.praise)),
      ),
    );
  }

  say(message: string, kind: "error" | "info" = "error"): void {
    this.toast.textContent = message;
    this.toast.className = `toast shown ${kind}`;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => this.toast.classList.remove("shown"), 2600);
  }

  destroy(): void {
    window.clearTimeout(this.toastTimer);
    this.el.remove();
    removeLayer("hud");
  }
}
