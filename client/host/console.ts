// The host console for one room (/host?code=CODE): reclaims the room with the host secret kept
// in this browser and runs the session: people, settings, start/pause/resume/end, next phase,
// messages, lock, rounds, live charts of the round and the debrief. The connection is the one
// policy every page uses (net/connection.ts); this page says what it means for a facilitator.
import type { HostCommand } from "../../shared/protocol/index.js";
import { Client, type Room } from "colyseus.js";
import { type ErrorMessage, MSG } from "../../shared/protocol/index.js";
import { getScenario } from "../../shared/index.js";
import { Connection, type StatusReport } from "../net/connection.js";
import { type Frame, readFrame } from "../net/frame.js";
import { joinLink } from "../net/join-link.js";
import { defaultEndpoint } from "../net/session.js";
import { roundClock } from "../ui/clock.js";
import { formatValue, h } from "../ui/dom.js";
import { Banner, Toast } from "./alerts.js";
import { keptRooms, loadSession } from "./keys.js";
import type { Nav } from "./landing.js";
import { LiveCharts, type TimelineMessage } from "./live-charts.js";
import { connectionNotice } from "./notice.js";
import { RoomOptions } from "./room-options.js";
import { RoundControls } from "./round-controls.js";
import { SettingsForm } from "./settings-form.js";
import { card, exportButtons } from "./stored-session.js";
import { PeopleTable, type RoundRow, RoundsTable } from "./tables.js";
import { Workbench } from "./workbench.js";

const client = new Client(defaultEndpoint());

/** Joins room `code` as its host; a room that is gone, or a refusal, goes back to the landing page saying so. */
export async function openConsole(root: HTMLElement, code: string, secret: string, nav: Nav): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, `Connecting to room ${code}…`));
  const join = () => client.joinById(code, { hostSecret: secret });
  let room: Room;
  try {
    room = await join();
  } catch (e) {
    const msg = (e as Error).message || "the server did not answer";
    return nav.landing(/No room/.test(msg) ? `Room ${code} is closed. Create a new one.` : `Could not open room ${code}: ${msg}`);
  }
  const page = new HostConsole(root, code, keptRooms()[code]?.sessionId ?? "", secret, nav);
  page.hold(new Connection(room, { rejoin: join, attach: (r) => page.attach(r), onStatus: (s) => page.connectionChanged(s) }));
}

const STAGE_TEXT: Record<string, (f: Frame) => string> = {
  lobby: () => "Lobby: people are joining",
  countdown: (f) => `Starting in ${f.countdown} s`,
  playing: () => "Round in progress",
  ended: (f) => `Round over (${f.ended === "host" ? "ended by you" : f.ended === "collapse" ? "collapsed" : "time up"})`,
};

class HostConsole {
  private link: Connection<Room> | null = null;
  private frame: Frame | null = null;
  private readonly banner = new Banner();
  private readonly toast = new Toast();
  private readonly workbench = new Workbench((cmd) => this.send(cmd));
  private readonly controls: RoundControls;
  private readonly settings: SettingsForm;
  private readonly options: RoomOptions;
  private readonly people: PeopleTable;
  private readonly rounds: RoundsTable;
  private readonly charts = new LiveCharts();
  private readonly stage = h("span", { class: "stage", "data-testid": "host-stage" });
  private readonly clock = h("span", { class: "clock" });
  private readonly phaseName = h("span");
  private readonly teamValue = h("strong", { class: "value" });
  private readonly debriefCard: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly code: string,
    private readonly sessionId: string,
    private readonly secret: string,
    private readonly nav: Nav,
  ) {
    const send = (command: HostCommand) => this.send(command);
    this.settings = new SettingsForm(send);
    this.controls = new RoundControls(send, () => this.settings.applyEdits());
    this.options = new RoomOptions(send);
    this.people = new PeopleTable((key) => send({ command: "kick", key }));
    this.rounds = new RoundsTable((round) => this.workbench.open(round));
    this.debriefCard = card("Debrief", this.workbench.el);
    this.debriefCard.hidden = true;
    const join = joinLink(code);
    root.replaceChildren(
      this.banner.el,
      h(
        "header",
        {},
        h("h1", {}, "Smolder · host console"),
        h("div", { class: "code-box" }, h("span", { class: "muted" }, "Room code"), h("strong", { class: "room-code", "data-testid": "host-code" }, code)),
        h("div", { class: "join" }, h("span", { class: "muted" }, "Join link"), join.link, join.note),
        h("a", { class: "secondary button", href: `/screen/${code}`, target: "_blank", rel: "noopener" }, "Open projector view ↗"),
        h("a", { class: "secondary button", href: "/guide", target: "_blank", rel: "noopener", "data-testid": "guide-link" }, "Facilitator's guide ↗"),
      ),
      h(
        "div",
        { class: "status-bar" },
        this.stage,
        h("span", {}, "Time ", this.clock),
        h("span", {}, "Phase ", this.phaseName),
        h("span", {}, "Team value ", this.teamValue),
      ),
      h(
        "div",
        { class: "grid" },
        h(
          "div",
          { class: "col" },
          card("Round", this.controls.el),
          card("Message to every screen", ...this.options.message),
          card("Next round's settings", this.settings.el),
          card("Room", h("div", { class: "room-row" }, join.qr, this.options.settings)),
        ),
        h(
          "div",
          { class: "col wide" },
          card(h("span", {}, "People ", this.people.count), this.people.el),
          card("Live: this round", this.charts.el),
          card("Rounds so far", this.rounds.el, sessionId ? exportButtons(sessionId) : null),
        ),
      ),
      this.debriefCard,
      this.toast.el,
    );
    this.charts.mount();
    window.addEventListener("resize", () => this.charts.size());
  }

  hold(link: Connection<Room>): void {
    this.link = link;
  }

  /** The room's listeners, on the first room and on every room after a reconnect. */
  attach(room: Room): void {
    room.onStateChange(() => this.render(readFrame(room)));
    room.onMessage(MSG.error, (e: ErrorMessage) => this.toast.say(e.message));
    room.onMessage(MSG.summary, () => undefined);
    room.onMessage(MSG.timeline, (t: TimelineMessage) => this.charts.add(t, getScenario(this.frame?.scenario ?? "")?.risk.max ?? 0));
    room.onMessage(MSG.rounds, (rounds: RoundRow[]) => {
      this.rounds.render(rounds);
      void this.loadRecords(rounds.length);
    });
    room.onMessage(MSG.debrief, () => undefined);
    this.render(readFrame(room));
  }

  /** A drop is retried by itself; a server that shut down offers to host the session again. */
  connectionChanged(report: StatusReport): void {
    const notice = connectionNotice(report, `room ${this.code}`);
    if (report.status === "closed") return this.banner.show({ ...notice, action: "Host the session again" }, () => void this.nav.hostAgain(this.sessionId));
    this.banner.show(notice, () => void this.link?.retry());
  }

  private send(command: HostCommand): void {
    this.link?.room?.send(MSG.host, command);
  }

  /** The stored rounds, with logs, for the debrief workbench. */
  private async loadRecords(count: number): Promise<void> {
    if (count === 0 || !this.sessionId) return;
    try {
      const { rounds } = await loadSession(this.sessionId, this.secret);
      this.workbench.setRecords(rounds);
      this.debriefCard.hidden = false;
    } catch (e) {
      this.toast.say(`Could not load the rounds for the debrief: ${(e as Error).message}`);
    }
  }

  private render(f: Frame): void {
    this.frame = f;
    const hosted = f.hosted;
    if (!hosted) return;
    // A round the store has not accepted yet is said where the host looks first.
    const stage = hosted.paused ? "PAUSED" : (STAGE_TEXT[f.stage]?.(f) ?? f.stage);
    this.stage.textContent = `Round ${hosted.round} · ${stage}${hosted.unsaved ? ` · ⚠ ${hosted.unsaved}` : ""}`;
    this.stage.className = `stage ${f.stage}${hosted.paused ? " paused" : ""}`;
    this.clock.textContent = roundClock(f).text;
    this.phaseName.textContent = f.phaseName;
    this.teamValue.textContent = formatValue(f.value);
    this.controls.render(f, hosted);
    this.settings.render(f, hosted);
    this.options.render(hosted);
    this.people.render(f, hosted);
  }
}
