// One team on the workshop dashboard: the console is this team room's host, so the card shows
// what the team's own console would (stage, clock, value, fires, how close it is to collapse,
// the effort split, a small live map) and sends this team's commands. A team in trouble is
// outlined and says why.
import type { HostCommand } from "../../shared/protocol/index.js";
import type { Client, Room } from "colyseus.js";
import { MSG } from "../../shared/protocol/index.js";
import { collapseFiresFor, EFFORTS, getScenario, tippingPoint } from "../../shared/index.js";
import { activeFires, collapseProgress } from "../../shared/collapse.js";
import { FocusKeeper } from "../a11y/focus.js";
import { sharesText } from "../debrief/chart-summary.js";
import { EFFORT_GROUPS, groupShares } from "../debrief/efforts.js";
import { type Key, t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
import type { Connection, StatusReport } from "../net/connection.js";
import { type Frame, readFrame } from "../net/frame.js";
import { drawMiniMap } from "../render/minimap.js";
import { formatValue, h } from "../ui/dom.js";
import { roundClock } from "../ui/clock.js";
import { connectionNotice } from "./notice.js";
import { linkTeam, type TeamTimeline } from "./team-link.js";

/** Collapse risk (percent of the way to the rules' collapse threshold) at which a team is flagged. */
const TROUBLE_PCT = 50;
/** Below trouble, the share at which the card starts to warn. */
const WATCH_PCT = 25;

/** How badly a team is doing, worst last: the dashboard sorts by it and colours the alert line. */
export const SEVERITY = ["fine", "watch", "trouble", "collapsed"] as const;
const RECENT_SECONDS = 10;

type Command = HostCommand;

const STAGE_TEXT: Record<string, Key> = { lobby: "card.lobby", countdown: "card.countdown", playing: "card.playing" };

export class TeamCard {
  readonly el: HTMLElement;
  private link: Connection<Room> | null = null;
  private fires: number[] = [];
  private effort: number[] = [];
  private timelineRound = 0;
  private rounds: number[] = [];
  private stage = "";
  private readonly stageEl = h("span", { class: "ws-card-stage" });
  private readonly clock = h("strong", {});
  private readonly value = h("strong", { class: "value" });
  private readonly fireCount = h("strong", {});
  private readonly gaugeBar = h("i");
  private readonly riskText = h("span", { class: "small" });
  private readonly effortBar = h("div", { class: "d-bar", title: t("card.effort"), role: "img", "aria-label": t("card.effort") });
  private readonly trouble = h("p", { class: "ws-trouble", role: "status" });
  private readonly map: HTMLCanvasElement;
  private readonly buttons: Record<"start" | "pause" | "resume" | "end", HTMLButtonElement>;
  private readonly focus: FocusKeeper;
  /** Shown once the card stopped trying by itself (gave up, or the room closed it): a person asks again. */
  private readonly again = h("button", { type: "button", class: "secondary small", hidden: true, onclick: () => this.retry() }, t("card.reconnect"));

  constructor(
    client: Client,
    readonly name: string,
    readonly code: string,
    secret: string,
    private readonly onError: (message: string) => void,
  ) {
    this.map = h("canvas", { class: "ws-map", width: 160, height: 160, role: "img", "aria-label": t("card.map", { name }) });
    const btn = (label: string, command: Command, cls = "secondary") =>
      h("button", { type: "button", class: `${cls} small`, onclick: () => this.send(command) }, label);
    this.buttons = {
      start: btn(t("card.start"), { command: "start", countdownSeconds: 3 }, "primary"),
      pause: btn(t("card.pause"), { command: "pause" }),
      resume: btn(t("card.resume"), { command: "resume" }),
      end: btn(t("card.end"), { command: "end" }, "danger"),
    };
    this.el = h(
      "article",
      { class: "ws-card", "data-testid": "ws-card", "data-team": name },
      h(
        "header",
        {},
        h("h3", {}, name),
        h(
          "span",
          { class: "small" },
          h("a", { href: `/host?code=${code}`, target: "_blank", rel: "noopener", class: "muted", title: t("card.ownConsole") }, `${code} ↗`),
          " · ",
          h("a", { href: `/screen/${code}`, target: "_blank", rel: "noopener", class: "muted", title: t("card.ownProjector") }, t("card.projector")),
        ),
      ),
      h(
        "div",
        { class: "ws-card-body" },
        this.map,
        h(
          "div",
          { class: "ws-stats" },
          this.stageEl,
          h("span", {}, t("card.time"), this.clock),
          h("span", {}, t("card.value"), this.value),
          h("span", {}, t("card.fires"), this.fireCount),
          h("span", {}, t("card.risk"), this.riskText),
          h("div", { class: "gauge" }, this.gaugeBar),
          this.effortBar,
        ),
      ),
      this.trouble,
      h("div", { class: "row" }, ...Object.values(this.buttons), this.again),
    );
    // A button pressed is usually disabled by what it did: focus goes on to what comes next.
    const b = this.buttons;
    const after = new Map<HTMLElement, HTMLElement>([
      [b.start, b.pause],
      [b.pause, b.resume],
      [b.resume, b.pause],
      [b.end, b.start],
    ]);
    this.focus = new FocusKeeper(this.el, (gone) => after.get(gone));
    linkTeam<Room>(client, code, secret, {
      state: (room) => this.render(readFrame(room)),
      timeline: (t) => this.onTimeline(t),
      rounds: (rounds) => (this.rounds = rounds),
      error: (message) => this.onError(message),
      status: (report) => this.onStatus(report),
    }).then(
      (link) => (this.link = link),
      (e: unknown) => (this.stageEl.textContent = t("card.couldNotConnect", { why: refusalText(e, t("host.noAnswer")) })),
    );
  }

  send(command: Command): void {
    this.link?.room?.send(MSG.host, command);
  }

  /** True while this team waits between rounds, when new settings can still take effect. */
  inLobby(): boolean {
    return this.stage === "lobby";
  }

  lastFinishedRound(): number | null {
    return this.rounds.at(-1) ?? null;
  }

  /** After the dashboard gave up on this team's room (or was told to), try again from the start. */
  retry(): void {
    void this.link?.retry();
  }

  /** A drop shows on the card (outlined, "reconnecting") until the link is back by itself. */
  private onStatus(report: StatusReport): void {
    this.el.classList.toggle("reconnecting", report.status === "reconnecting");
    const notice = connectionNotice(report, t("card.teamRoom"));
    if (notice.text) this.stageEl.textContent = notice.text;
    this.again.hidden = !notice.action;
    if (notice.action) this.again.textContent = notice.action;
  }

  private onTimeline(t: TeamTimeline): void {
    if (t.round !== this.timelineRound || t.from === 0) {
      this.timelineRound = t.round;
      this.fires = [];
      this.effort = [];
    }
    this.fires.length = t.from;
    this.fires.push(...t.fires);
    this.effort.length = t.from * EFFORTS.length;
    this.effort.push(...t.effort);
  }

  private render(f: Frame): void {
    const hosted = f.hosted;
    this.stage = f.stage;
    const stage = hosted?.paused ? "card.paused" : f.stage === "ended" ? (f.ended === "collapse" ? "card.collapsed" : "card.over") : STAGE_TEXT[f.stage];
    this.stageEl.textContent = t("card.stage", { n: hosted?.round ?? 1, stage: stage ? t(stage) : f.stage });
    this.clock.textContent = roundClock(f).text;
    const paused = hosted?.paused === true;
    this.buttons.start.disabled = f.stage !== "lobby";
    this.buttons.pause.disabled = !((f.stage === "playing" || f.stage === "countdown") && !paused);
    this.buttons.resume.disabled = !paused;
    this.buttons.end.disabled = f.stage !== "playing";
    this.focus.settle();
    this.value.textContent = formatValue(f.value);
    const fires = activeFires(f);
    this.fireCount.textContent = String(fires);
    const sc = getScenario(f.scenario);
    const riskPct = sc ? collapseProgress(sc, f.side, fires) : Math.min(100, 100 * fires);
    this.riskText.textContent = `${riskPct}%`;
    this.gaugeBar.style.width = `${riskPct}%`;
    const n = EFFORTS.length;
    const recent = new Array<number>(n).fill(0);
    for (let s = Math.max(0, this.fires.length - RECENT_SECONDS); s < this.fires.length; s++)
      for (let k = 0; k < n; k++) recent[k]! += this.effort[s * n + k] ?? 0;
    const shares = groupShares(recent);
    this.effortBar.setAttribute("aria-label", `${t("card.effort")}: ${sharesText(shares)}`);
    this.effortBar.replaceChildren(
      ...EFFORT_GROUPS.map((g, i) =>
        h("i", {
          style: `width:${shares[i]!.toFixed(1)}%;background:${g.color}`,
          title: `${g.label} ${Math.round(shares[i]!)}%`,
        }),
      ),
    );
    const team = f.players.length;
    const tipped = f.stage === "playing" && tippingPoint(this.fires, team, "", sc ? collapseFiresFor(sc, f.side) : 1) !== null;
    const severity = f.ended === "collapse" ? 3 : f.stage !== "playing" ? 0 : riskPct >= TROUBLE_PCT ? 2 : tipped || riskPct >= WATCH_PCT ? 1 : 0;
    const alert = ["", tipped ? t("card.tipped") : t("card.building", { pct: riskPct }), t("card.close", { pct: riskPct }), t("card.collapsedAlert")][
      severity
    ]!;
    this.trouble.textContent = alert;
    this.el.dataset.severity = SEVERITY[severity];
    this.el.classList.toggle("trouble", severity >= 2);
    // Worst first: the dashboard's grid places cards by this order, so nothing is rebuilt.
    this.el.style.order = String(-(severity * 1000 + riskPct));
    drawMiniMap(this.map, f);
  }
}
