// One team on the workshop dashboard: the console is this team room's host, so the card shows
// what the team's own console would (stage, clock, value, fires, how close it is to collapse,
// the effort split, a small live map) and sends this team's commands. A team in trouble is
// outlined and says why.
import type { Client, Room } from "colyseus.js";
import { type ErrorMessage, MSG } from "../../server/protocol.js";
import { EFFORTS, getScenario, tippingPoint } from "../../shared/index.js";
import { EFFORT_GROUPS, groupShares } from "../debrief/efforts.js";
import { type Frame, readFrame } from "../net/frame.js";
import { drawMiniMap } from "../render/minimap.js";
import { formatClock, formatValue, h } from "../ui/dom.js";

/** Collapse risk (fires against the collapse threshold) at which a team is flagged. */
const TROUBLE_PCT = 50;
const RECENT_SECONDS = 10;

export class TeamCard {
  readonly el: HTMLElement;
  private room: Room | null = null;
  private readonly els: Record<string, HTMLElement> = {};
  private fires: number[] = [];
  private effort: number[] = [];
  private timelineRound = 0;
  private rounds: number[] = [];

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
    const btn = (label: string, command: Record<string, unknown>, cls = "secondary") => (e[label] = h("button", { type: "button", class: `${cls} small`, onclick: () => this.send(command) }, label));
    this.el = h(
      "article",
      { class: "ws-card", "data-testid": "ws-card", "data-team": name },
      h(
        "header",
        {},
        h("h3", {}, name),
        h("span", { class: "small" }, h("a", { href: `/host?code=${code}`, target: "_blank", rel: "noopener", class: "muted", title: "This team's own console" }, `${code} ↗`), " · ", h("a", { href: `/screen/${code}`, target: "_blank", rel: "noopener", class: "muted", title: "This team's projector view" }, "projector ↗")),
      ),
      h("div", { class: "ws-card-body" }, e.map, h("div", { class: "ws-stats" }, e.stage, h("span", {}, "Time ", e.clock), h("span", {}, "Value ", e.value), h("span", {}, "Fires ", e.fires), h("span", {}, "Collapse risk ", e.riskText), e.risk, e.effort)),
      e.trouble,
      h("div", { class: "row" }, btn("Start", { command: "start", countdownSeconds: 3 }, "primary"), btn("Pause", { command: "pause" }), btn("Resume", { command: "resume" }), btn("End", { command: "end" }, "danger")),
    );
    void this.connect();
  }

  send(command: Record<string, unknown>): void {
    this.room?.send(MSG.host, command);
  }

  lastFinishedRound(): number | null {
    return this.rounds.at(-1) ?? null;
  }

  private async connect(): Promise<void> {
    try {
      const room = await this.client.joinById(this.code, { hostSecret: this.secret });
      this.room = room;
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
      this.els.stage!.textContent = `Could not connect: ${(e as Error).message}`;
    }
  }

  private render(f: Frame): void {
    const e = this.els;
    const hosted = f.hosted;
    const stage = hosted?.paused ? "paused" : f.stage === "ended" ? (f.ended === "collapse" ? "collapsed" : "round over") : f.stage;
    e.stage!.textContent = `Round ${hosted?.round ?? 1} · ${stage}`;
    e.clock!.textContent = formatClock(f.clock);
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
    for (let s = Math.max(0, this.fires.length - RECENT_SECONDS); s < this.fires.length; s++) for (let k = 0; k < n; k++) recent[k]! += this.effort[s * n + k] ?? 0;
    const shares = groupShares(recent);
    e.effort!.replaceChildren(...EFFORT_GROUPS.map((g, i) => h("i", { style: `width:${shares[i]!.toFixed(1)}%;background:${g.color}`, title: `${g.label} ${Math.round(shares[i]!)}%` })));
    const team = f.players.length;
    const tipped = f.stage === "playing" && tippingPoint(this.fires, team, "", Math.floor(threshold)) !== null;
    const trouble = f.ended === "collapse" ? "Collapsed." : riskPct >= TROUBLE_PCT ? `Close to collapse: ${riskPct}% of the way.` : tipped ? "Tipped: more fires than people for a while now." : "";
    e.trouble!.textContent = trouble;
    this.el.classList.toggle("trouble", trouble !== "");
    drawMiniMap(e.map as HTMLCanvasElement, f);
  }
}
