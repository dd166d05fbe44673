// The heads-up display: energy, your praise, team value, clock, phase, leaderboard, and a
// short line where the server says why an action was refused.
import type { Frame } from "../net/frame.js";
import { sound } from "../audio/sound.js";
import { drawMiniMap } from "../render/minimap.js";
import { formatValue, h, layer, removeLayer } from "./dom.js";
import { roundClock } from "./clock.js";
import { num, phaseLabel, t } from "../i18n/index.js";
import { messageText } from "../i18n/notices.js";
import { playerName, shownName } from "../i18n/player-names.js";
import "../a11y/sr-only.css";

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
  /** The praise board in one line, for compact screens. */
  private readonly boardLine: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly clockTotal: HTMLElement;
  private readonly toast: HTMLElement;
  /** What the toast says, for screen readers; apart from the toast so a line can be shown unspoken. */
  private readonly spoken: HTMLElement;
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
    this.energy = h("div", { class: "bar", role: "meter", "aria-label": t("hud.energy"), "aria-valuemin": 0, "aria-valuemax": 100 }, this.energyFill);
    this.praise = h("strong", { "data-testid": "my-praise" }, "0");
    this.value = h("strong", { "data-testid": "team-value" }, "0");
    this.clock = h("strong", { "data-testid": "clock" }, "0:00");
    this.clockTotal = h("span", { class: "total" });
    this.phase = h("span", { class: "phase" }, "");
    this.board = h("ol", { class: "leaderboard", "aria-label": t("hud.leaderboard") });
    this.boardLine = h("div", { class: "hud-board", "data-testid": "board-line" });
    this.toast = h("div", { class: "toast", "aria-hidden": "true" });
    this.spoken = h("div", { class: "sr-only", role: "status", "aria-live": "polite" });
    this.reveal = h("div", { class: "reveal-note" }, h("span", { class: "long" }, t("hud.revealLong")), h("span", { class: "short" }, t("hud.revealShort")));
    // Hosted rooms: the host's message, the pause, and the leaderboard mode the host chose.
    this.message = h("div", { class: "host-message", role: "status", "aria-live": "polite", "data-testid": "host-message" });
    this.paused = h("div", { class: "paused-note", "data-testid": "paused" }, h("div", {}, t("hud.paused")));
    this.sideTitle = h("div", { class: "side-title" }, t("hud.praise"));
    this.teamValue = h("strong", { class: "side-value" });
    this.side = h("div", { class: "side", "data-reserve": "" }, this.sideTitle, this.board, this.teamValue);
    this.minimap = h("canvas", {
      class: "minimap",
      width: 200,
      height: 200,
      role: "img",
      "aria-label": t("hud.minimap"),
      "data-testid": "minimap",
    });
    const mute = h("button", {
      class: "icon sound",
      type: "button",
      "aria-label": t("hud.sound"),
      "aria-pressed": String(!sound.muted),
      title: t("hud.soundTitle"),
    });
    mute.innerHTML = SPEAKER_SVG;
    mute.classList.toggle("muted", sound.muted);
    mute.addEventListener("click", () => {
      const muted = sound.toggle();
      mute.classList.toggle("muted", muted);
      mute.setAttribute("aria-pressed", String(!muted));
    });
    const help = h("button", { class: "icon", type: "button", "aria-label": t("hud.help"), title: t("hud.helpTitle"), onclick: onHelp }, "?");
    const label = (long: string, short: string) => h("span", {}, h("span", { class: "long" }, long), h("span", { class: "short" }, short));
    // Watchers have no energy and no praise of their own: the "mine" stats hide for them.
    this.bar = h(
      "div",
      { class: "hud-bar", "data-reserve": "" },
      h(
        "div",
        { class: "stat watch-only", "data-testid": "watching" },
        h("span", {}, t("hud.watching")),
        h("strong", { class: "watch-note" }, t("hud.noSeat")),
      ),
      h("div", { class: "stat mine" }, h("span", {}, t("hud.energy")), this.energy),
      h("div", { class: "stat mine" }, label(t("hud.yourPraise"), t("hud.praise")), this.praise),
      h("div", { class: "stat value" }, label(t("hud.teamValue"), t("hud.value")), this.value),
      h("div", { class: "stat", title: t("hud.timeTitle") }, h("span", {}, t("hud.time")), h("strong", {}, this.clock, this.clockTotal)),
      // The phase, and on compact screens the praise board, on a line of their own.
      h("div", { class: "hud-sub" }, this.phase, this.boardLine),
      h("div", { class: "hud-buttons" }, mute, help),
    );
    this.el = layer(
      "hud",
      h("p", { class: "sr-only" }, t("hud.mapLabel")),
      this.bar,
      this.side,
      this.minimap,
      this.reveal,
      this.message,
      this.paused,
      this.toast,
      this.spoken,
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
    this.praise.textContent = num(you?.praise ?? 0);
    this.value.textContent = formatValue(frame.value);
    const clock = roundClock(frame);
    this.clock.textContent = clock.elapsed;
    this.clockTotal.textContent = ` / ${clock.length}`;
    this.bar.classList.toggle("watching", !you);
    this.phase.textContent = frame.phaseName ? t("hud.phase", { name: phaseLabel(frame.phaseName) }) : "";
    this.reveal.classList.toggle("shown", frame.risk !== null);
    const hosted = frame.hosted;
    const mode = hosted?.board ?? "praise";
    this.message.textContent = messageText(hosted?.message ?? "");
    this.message.classList.toggle("shown", !!hosted?.message);
    this.paused.classList.toggle("shown", hosted?.paused === true);
    this.side.style.display = mode === "hidden" ? "none" : "";
    this.sideTitle.textContent = mode === "value" ? t("hud.teamValue") : t("hud.praise");
    this.board.style.display = mode === "value" ? "none" : "";
    this.teamValue.style.display = mode === "value" ? "" : "none";
    this.teamValue.textContent = formatValue(frame.value);
    const rows = frame.leaderboard.map((key) => frame.players.find((p) => p.key === key)).filter((p): p is NonNullable<typeof p> => p !== undefined);
    const signature = `${mode}|${formatValue(frame.value)}|` + rows.map((p) => `${p.key}:${p.praise}:${p.status}`).join("|");
    if (signature === this.lastBoard) return;
    this.boardLine.replaceChildren(...boardLine(mode, rows, frame.value));
    this.lastBoard = signature;
    this.board.replaceChildren(
      ...rows.map((p) =>
        h(
          "li",
          { class: `${p.isYou ? "you" : ""} ${p.status}` },
          h("span", { class: "name" }, playerName(p)),
          p.bot ? h("span", { class: "tag" }, t("common.bot")) : null,
          h("span", { class: "num" }, num(p.praise)),
        ),
      ),
    );
  }

  /** A passing line on screen, also spoken unless `spoken` is false: a line the announcer's log
   *  already reads (the organisation growing) would otherwise be heard twice. */
  say(message: string, kind: "error" | "info" = "error", spoken = true): void {
    this.toast.textContent = message;
    if (spoken) this.spoken.textContent = message;
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

type BoardRow = Frame["players"][number];

/** The praise race in one line (top three, and you if you are further down), or the host's
 *  team-value-only board; nothing when the host hid the board. */
function boardLine(mode: string, rows: readonly BoardRow[], value: number): (Node | string)[] {
  if (mode === "hidden") return [];
  if (mode === "value") return [h("b", {}, t("hud.valueBoard")), formatValue(value), t("hud.noPraiseBoard")];
  const shown = rows.slice(0, 3);
  const you = rows.findIndex((p) => p.isYou);
  if (you >= 3) shown.push(rows[you]!);
  const out: (Node | string)[] = [h("b", {}, t("hud.praiseBoard"))];
  shown.forEach((p, i) => {
    if (i > 0) out.push(" · ");
    const rank = rows.indexOf(p) + 1;
    out.push(h("span", { class: p.isYou ? "you" : "" }, `${num(rank)}. ${p.isYou ? t("common.you") : shownName(p)} ${num(p.praise)}`));
  });
  return out;
}
