// The projector view (/screen/CODE): the big map, the join code and QR code while people
// arrive, the timer and phase, and the leaderboard or the team's value as the host chose.
// Made to be read from the back of a room at 1920×1080; it joins as a screen, not a player.
import Phaser from "phaser";
import QRCode from "qrcode";
import { getScenario, headlines, type RoundSummary } from "../../shared/index.js";
import { PALETTE } from "../constants.js";
import { initI18n, phaseLabel, t } from "../i18n/index.js";
import { messageText } from "../i18n/notices.js";
import { namesBot, playerName } from "../i18n/player-names.js";
import { refusalText } from "../i18n/refusals.js";
import { followRoomLanguage, roomLanguage } from "../i18n/room-language.js";
import { headlineText } from "../i18n/stories.js";
import { type Frame, readFrame } from "../net/frame.js";
import { joinOrigin } from "../net/join-link.js";
import { codeFromPath, Session } from "../net/session.js";
import { Avatars } from "../render/avatars.js";
import { Board } from "../render/board.js";
import { frameCamera, type Margins } from "../render/camera.js";
import { pickRenderer } from "../render/renderer-choice.js";
import { watchDebrief } from "../ui/debrief-overlay.js";
import { formatValue, h, layer } from "../ui/dom.js";
import { roundClock } from "../ui/clock.js";

const code = codeFromPath("screen");
// The browser's language (or the one picked on the title page), unless the room fixed one.
await initI18n(undefined, roomLanguage(code));
document.title = t("screen.title");
const session = new Session();
watchDebrief(session, { big: true });

class ScreenScene extends Phaser.Scene {
  private board!: Board;
  private avatars!: Avatars;
  private side = 0;
  private ui!: ScreenUi;

  constructor() {
    super("screen");
  }

  create(): void {
    this.board = new Board(this);
    // Names read from the back of a room.
    this.avatars = new Avatars(this, 2);
    this.ui = new ScreenUi();
    this.scale.on("resize", () => this.fit());
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (!code) return this.ui.problem(t("screen.noCode"));
    this.ui.problem(t("screen.connecting", { code }));
    try {
      let room = (await session.resume()) ?? (await session.joinByCode(code, "Projector", "screen"));
      const onChange = () => this.onFrame(readFrame(room));
      room.onStateChange(onChange);
      // After a reconnect the session holds a new Room; follow it (its first state is a change).
      session.onRoom((next) => {
        room.onStateChange.remove(onChange);
        room = next;
        room.onStateChange(onChange);
      });
      session.onSummary((s) => this.ui.summary(s));
      session.onStatus((s) => this.ui.connection(s));
      onChange();
    } catch (e) {
      this.ui.problem(t("screen.couldNotOpen", { code, why: refusalText(e, t("host.noAnswer")) }));
    }
  }

  private onFrame(frame: Frame): void {
    if (this.side === 0) {
      const sc = getScenario(frame.scenario);
      if (sc) this.board.setRiskMax(sc.risk.max);
    }
    this.board.update(frame);
    this.avatars.update(frame);
    if (frame.side !== this.side) {
      this.side = frame.side;
      this.fit();
    }
    this.ui.update(frame);
    const bottom = this.ui.margins().bottom;
    if (bottom !== this.bottom) {
      this.bottom = bottom;
      this.fit();
    }
  }

  private bottom = 0;

  private fit(): void {
    const rect = this.board.activeRect();
    if (rect) frameCamera(this, rect, this.ui.margins(), false);
  }

  override update(time: number, delta: number): void {
    this.board.animate(time);
    this.avatars.animate(delta, time, null);
  }
}

class ScreenUi {
  private readonly round = h("span", { class: "s-round" });
  private readonly phase = h("span", { class: "s-phase" });
  private readonly clock = h("strong", { class: "s-clock", "data-testid": "screen-clock" }, "0:00");
  private readonly value = h("strong", { class: "s-value" });
  private readonly side = h("aside", { class: "s-side" });
  private readonly message = h("div", { class: "s-message", "data-testid": "screen-message" });
  private readonly overlay = h("div", { class: "s-overlay" });
  private readonly status = h("div", { class: "s-status" });
  private qrSvg = "";
  private joinHost = location.host;
  private lastSide = "";
  private summaryData: RoundSummary | null = null;
  private summaryRound = 0;
  private currentRound = 0;
  private last: Frame | null = null;

  constructor() {
    layer(
      "screen",
      h(
        "header",
        { class: "s-top" },
        h("span", { class: "s-brand" }, "Smolder"),
        this.round,
        this.phase,
        h("span", { class: "s-stat" }, h("small", {}, t("screen.time")), this.clock),
        h("span", { class: "s-stat" }, h("small", {}, t("screen.teamValue")), this.value),
      ),
      this.side,
      this.message,
      this.overlay,
      this.status,
    );
    void joinOrigin().then(async (o) => {
      this.joinHost = new URL(o.origin).host;
      this.qrSvg = await QRCode.toString(`${o.origin}/join/${code}`, {
        type: "svg",
        margin: 1,
        errorCorrectionLevel: "M",
        color: { dark: "#000000", light: "#ffffff" },
      });
      this.lastSide = "";
    });
  }

  /** The space the top bar and the side panel leave for the map, in CSS pixels. */
  margins(): Margins {
    const gap = 12;
    const top = this.round.closest("header")?.getBoundingClientRect().bottom ?? 0;
    const side = this.side.getBoundingClientRect();
    // The host's message sits over the bottom of the map; keep the map above it while it shows.
    const message = this.message.classList.contains("shown") ? window.innerHeight - this.message.getBoundingClientRect().top : 0;
    return { top: top + gap, right: window.innerWidth - side.left + gap, bottom: gap + message, left: gap };
  }

  problem(text: string): void {
    this.status.textContent = text;
    this.status.classList.toggle("shown", text !== "");
  }

  connection(status: string): void {
    this.problem(
      status === "connected" || status === "left"
        ? ""
        : status === "reconnecting"
          ? t("screen.reconnecting")
          : status === "closed"
            ? t("screen.closed")
            : t("screen.lost"),
    );
  }

  summary(s: RoundSummary): void {
    this.summaryData = s;
    this.summaryRound = this.currentRound;
    if (this.last) this.update(this.last);
  }

  update(f: Frame): void {
    const hosted = f.hosted;
    if (!hosted) return;
    this.last = f;
    this.problem("");
    followRoomLanguage(hosted.code, hosted.language);
    this.currentRound = hosted.round;
    this.round.textContent = t("screen.round", { n: hosted.round });
    this.phase.textContent = f.phaseName ? t("screen.phase", { name: phaseLabel(f.phaseName) }) : "";
    this.clock.textContent = roundClock(f).text;
    this.value.textContent = formatValue(f.value);
    this.value.parentElement!.style.display = hosted.board === "hidden" ? "none" : "";
    this.message.textContent = messageText(hosted.message);
    this.message.classList.toggle("shown", hosted.message !== "");

    const arriving = f.stage === "lobby" || f.stage === "countdown";
    const people = f.players.filter((p) => !p.bot);
    const watchers = hosted.watchers.filter((w) => w.role !== "screen").length;
    // The side panel: how to join while people arrive; the leaderboard or the team value in play.
    if (arriving) {
      const key = `join:${people.map((p) => p.name).join(",")}:${watchers}:${this.qrSvg.length}:${hosted.locked}`;
      if (key !== this.lastSide) {
        this.lastSide = key;
        const qr = h("div", { class: "s-qr", "data-testid": "screen-qr" });
        qr.innerHTML = this.qrSvg;
        this.side.replaceChildren(
          h("div", { class: "s-join-title" }, t(hosted.locked ? "screen.locked" : "screen.joinOnPhone")),
          qr,
          h("div", { class: "s-url" }, `${this.joinHost}/join/`),
          h("div", { class: "s-code", "data-testid": "screen-code" }, hosted.code),
          h(
            "div",
            { class: "s-here" },
            people.length === 0 ? t("screen.nobody") : t("screen.here", { count: people.length }) + (watchers ? t("screen.watching", { n: watchers }) : ""),
          ),
          h("ul", { class: "s-names" }, ...people.slice(0, 16).map((p) => h("li", {}, p.name))),
        );
      }
    } else {
      const rows = f.leaderboard.map((k) => f.players.find((p) => p.key === k)).filter((p): p is NonNullable<typeof p> => !!p);
      const key = `${hosted.board}:${rows.map((p) => `${p.name}:${p.praise}:${p.status}`).join("|")}:${Math.round(f.value / 1000)}`;
      if (key !== this.lastSide) {
        this.lastSide = key;
        const code = h("div", { class: "s-code-small" }, t("screen.join"), h("strong", {}, hosted.code));
        if (hosted.board === "praise")
          this.side.replaceChildren(
            h("div", { class: "s-title" }, t("screen.praise")),
            h(
              "ol",
              { class: "s-board" },
              ...rows
                .slice(0, 10)
                .map((p) =>
                  h(
                    "li",
                    { class: p.status },
                    h("span", { class: "n" }, playerName(p), p.bot && !namesBot(p) ? h("small", {}, ` ${t("common.bot")}`) : null),
                    h("span", { class: "v" }, p.praise),
                  ),
                ),
            ),
            code,
          );
        else if (hosted.board === "value")
          this.side.replaceChildren(
            h("div", { class: "s-title" }, t("screen.teamValue")),
            h("div", { class: "s-big-value" }, formatValue(f.value)),
            h("p", { class: "s-note" }, t("screen.valueNote")),
            code,
          );
        else this.side.replaceChildren(h("div", { class: "s-title" }, t("screen.hidden")), h("p", { class: "s-note" }, t("screen.hiddenNote")), code);
      }
    }

    // Overlays: countdown, pause, round over.
    let over: HTMLElement | null = null;
    // Paused is a strip above the map, never a card over it: the facilitator pauses to talk about the map.
    if (hosted.paused) over = h("div", { class: "s-card s-strip", "data-testid": "screen-paused" }, t("screen.paused"));
    else if (f.stage === "countdown")
      over = h(
        "div",
        { class: "s-card" },
        h("div", { class: "s-small" }, t("screen.startsIn", { n: hosted.round })),
        h("div", { class: "s-huge" }, String(f.countdown)),
      );
    else if (f.stage === "ended") {
      const s = this.summaryRound === hosted.round ? this.summaryData : null;
      const headline = s && hosted.board !== "hidden" ? headlineText(headlines(s.players)) : null;
      over = h(
        "div",
        { class: "s-card" },
        h("div", { class: "s-small" }, t(f.ended === "collapse" ? "screen.collapsed" : f.ended === "host" ? "screen.roundOver" : "screen.survived")),
        h("div", { class: "s-huge value" }, formatValue(f.value)),
        h("div", { class: "s-small" }, t("screen.teamValueSmall")),
        headline ? h("p", { class: "s-insight" }, headline) : null,
      );
    }
    const overKey = over?.textContent ?? "";
    if (overKey !== this.overlay.dataset.key) {
      this.overlay.dataset.key = overKey;
      this.overlay.replaceChildren(...(over ? [over] : []));
      this.overlay.classList.toggle("shown", over !== null);
      this.overlay.classList.toggle("strip", hosted.paused);
    }
  }
}

new Phaser.Game({
  // The projector's laptop may well draw WebGL in software: the same choice as the game's.
  type: pickRenderer() === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
  parent: "game",
  backgroundColor: PALETTE.background,
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  render: { antialias: true, antialiasGL: false },
  scene: [ScreenScene],
});

(window as unknown as { smolder: unknown }).smolder = {
  frame: () => (session.room ? readFrame(session.room) : null),
};
