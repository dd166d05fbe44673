// One team on the workshop dashboard: the console is this team room's host, so the card shows
// what the team's own console would (stage, clock, value, fires, how close it is to collapse,
// the effort split, a small live map) and sends this team's commands. A team in trouble is
// outlined and says why.
import type { Client, Room } from "colyseus.js";
import { type ErrorMessage, KICKED_CLOSE_CODE, MSG, SERVER_CLOSING_CLOSE_CODE } from "../../shared/protocol/index.js";
import { EFFORTS, getScenario, tippingPoint } from "../../shared/index.js";
import { EFFORT_GROUPS, groupShares } from "../debrief/efforts.js";
import { type Frame, readFrame } from "../net/frame.js";
import { drawMiniMap } from "../render/minimap.js";
import { formatValue, h } from "../ui/dom.js";
import { roundClock } from "../ui/clock.js";

/** Waits between attempts to reach a team room again after a drop (the last one repeats). */
const RETRY_MS = [300, 1000, 2000, 3000];

/** Collapse risk (fires against the collapse threshold) at which a team is flagged. */
const TROUBLE_PCT = 50;
/** Below trouble, the share at which the card starts to warn. */
const WATCH_PCT = 25;

/** How badly a team is doing, worst last: the dashboard sorts by it and colours the alert line. */
export const SEVERITY = ["fine", "watch", "trouble", "collapsed"] as const;
const RECENT_SECONDS = 10;

export class TeamCard {
  readonly el: HTMLElement;
  private room: Room | null = null;
  private readonly els: Record<string, HTMLElement> = {};
  private fires: number[] = [];
  private effort: number[] = [];
  private timelineRound = 0;
  private rounds: number[] = [];
  private stage = "";

  constructor(
    private readonly client: Client,
    readonly name: string,
    readonly code: string,
    private readonly secret: string,
    private readonly onError: (message: string) => void,
  ) {
    const e = this.els;
    e.stage = h("span", { class: "ws-card-stage" });
    e.clock = h("strong", {});
    e.value = h("strong", { class: "value" });
    e.fires = h("strong", {});
    e.risk = h("div", { class: "gauge" }, h("i"));
    e.riskText = h("span", { class: "small" });
    e.effort = h("div", { class: "d-bar", title: "Effort split, last 10 s" });
    e.trouble = h("p", { class: "ws-trouble", role: "status" });
    e.map = h("canvas", { class: "ws-map", width: 160, height: 160, "aria-label": `${name}'s map` });
    const btn = (label: string, command: Record<string, unknown>, cls = "secondary") =>
      (e[label] = h("button", { type: "button", class: `${cls} small`, onclick: () => this.send(command) }, label));
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
          h("a", { href: `/host?code=${code}`, target: "_blank", rel: "noopener", class: "muted", title: "This team's own console" }, `${code} ↗`),
          " · ",
          h("a", { href: `/screen/${code}`, target: "_blank", rel: "noopener", class: "muted", title: "This team's projector view" }, "projector ↗"),
        ),
      ),
      h(
        "div",
        { class: "ws-card-body" },
        e.map,
        h(
          "div",
          { class: "ws-stats" },
          e.stage,
          h("span", {}, "Time ", e.clock),
          h("span", {}, "Value ", e.value),
          h("span", {}, "Fires ", e.fires),
          h("span", {}, "Collapse risk ", e.riskText),
          e.risk,
          e.effort,
        ),
      ),
      e.trouble,
      h(
        "div",
        { class: "row" },
        btn("Start", { command: "start", countdownSeconds: 3 }, "primary"),
        btn("Pause", { command: "pause" }),
        btn("Resume", { command: "resume" }),
        btn("End", { command: "end" }, "danger"),
      ),
    );
    void this.connect();
  }

  send(command: Record<string, unknown>): void {
    this.room?.send(MSG.host, command);
  }

  /** True while this team waits between rounds, when new settings can still take effect. */
  inLobby(): boolean {
    return this.stage === "lobby";
  }

  lastFinishedRound(): number | null {
    return this.rounds.at(-1) ?? null;
  }

  /**
   * Joins as a dashboard (beside the team's own console, never in its place) and comes back by
   * itself after a drop, saying so on the card meanwhile; a room that is gone for good is said once.
   */
  private async connect(attempt = 0): Promise<void> {
    try {
      const room = await this.client.joinById(this.code, { hostSecret: this.secret, console: "dashboard" });
      this.room = room;
      this.el.classList.remove("reconnecting");
      room.onLeave((code) => {
        if (this.room !== room) return;
        this.room = null;
        if (code === 1000 || code === KICKED_CLOSE_CODE) return;
        if (code === SERVER_CLOSING_CLOSE_CODE) return void (this.els.stage!.textContent = "This team's room has closed.");
        this.el.classList.add("reconnecting");
        this.els.stage!.textContent = "Connection lost · reconnecting…";
        void this.connect(1);
      });
      room.onMessage(MSG.error, (e: ErrorMessage) => this.onError(e.message));
      room.onMessage(MSG.timeline, (t: { round: number; from: number; fires: number[]; effort: number[] }) => {
        if (t.round !== this.timelineRound || t.from === 0) {
          this.timelineRound = t.round;
          this.fires = [];
          this.effort = [];
        }
        this.fires.length = t.from;
        this.fires.push(...t.fires);
        this.effort.length = t.from * EFFORTS.length;
        this.effort.push(...t.effort);
      });
      room.onMessage(MSG.rounds, (rows: { round: number }[]) => (this.rounds = rows.map((r) => r.round)));
      room.onMessage("*", () => undefined);
      room.onStateChange(() => this.render(readFrame(room)));
    } catch (e) {
      if (attempt === 0) return void (this.els.stage!.textContent = `Could not connect: ${(e as Error).message}`);
      this.els.stage!.textContent = `Connection lost · reconnecting (attempt ${attempt + 1})…`;
      await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      return this.connect(attempt + 1);
    }
  }

  /** True while the card has a live connection to its team room. */
  connected(): boolean {
    return this.room !== null;
  }

  private render(f: Frame): void {
    const e = this.els;
    const hosted = f.hosted;
    this.stage = f.stage;
    const stage = hosted?.paused ? "paused" : f.stage === "ended" ? (f.ended === "collapse" ? "collapsed" : "round over") : f.stage;
    e.stage!.textContent = `Round ${hosted?.round ?? 1} · ${stage}`;
    e.clock!.textContent = roundClock(f).text;
    const enable = (label: string, on: boolean) => ((e[label] as HTMLButtonElement).disabled = !on);
    const paused = hosted?.paused === true;
    enable("Start", f.stage === "lobby");
    enable("Pause", (f.stage === "playing" || f.stage === "countdown") && !paused);
    enable("Resume", paused);
    enable("End", f.stage === "playing");
    e.value!.textContent = formatValue(f.value);
    let fires = 0;
    for (let y = f.ay; y < f.ay + f.side; y++) for (let x = f.ax; x < f.ax + f.side; x++) if ((f.heat[y * f.width + x] ?? 0) > 0) fires++;
    e.fires!.textContent = String(fires);
    const sc = getScenario(f.scenario);
    const threshold = sc ? (sc.collapse.burningPct * f.side * f.side) / 100 : 1;
    const riskPct = Math.min(100, Math.round((100 * fires) / Math.max(1, threshold)));
    e.riskText!.textContent = `${riskPct}%`;
    (e.risk!.firstChild as HTMLElement).style.width = `${riskPct}%`;
    const n = EFFORTS.length;
    const recent = new Array<number>(n).fill(0);
    for (let s = Math.max(0, this.fires.length - RECENT_SECONDS); s < this.fires.length; s++)
      for (let k = 0; k < n; k++) recent[k]! += this.effort[s * n + k] ?? 0;
    const shares = groupShares(recent);
    e.effort!.replaceChildren(
      ...EFFORT_GROUPS.map((g, i) =>
        h("i", { style: `width:${shares[i]!.toFixed(1)}%;background:${g.color}`, title: `${g.label} ${Math.round(shares[i]!)}%` }),
      ),
    );
    const team = f.players.length;
    const tipped = f.stage === "playing" && tippingPoint(this.fires, team, "", Math.floor(threshold)) !== null;
    const severity = f.ended === "collapse" ? 3 : f.stage !== "playing" ? 0 : riskPct >= TROUBLE_PCT ? 2 : tipped || riskPct >= WATCH_PCT ? 1 : 0;
    const alert = [
      "",
      tipped ? "Tipped: more fires than people for a while now." : `Fires are building: ${riskPct}% of the way to collapse.`,
      `Close to collapse: ${riskPct}% of the way.`,
      "Collapsed.",
    ][severity]!;
    e.trouble!.textContent = alert;
    this.el.dataset.severity = SEVERITY[severity];
    this.el.classList.toggle("trouble", severity >= 2);
    // Worst first: the dashboard's grid places cards by this order, so nothing is rebuilt.
    this.el.style.order = String(-(severity * 1000 + riskPct));
    drawMiniMap(e.map as HTMLCanvasElement, f);
  }
}
