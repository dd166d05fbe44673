// The host console for one room (/host?code=CODE): reclaims the room with the host secret kept
// in this browser and runs the session: people, settings, start/pause/resume/end, next phase,
// messages, lock, rounds, live charts of the round and the debrief. The connection is the one
// policy every page uses (net/connection.ts); this page says what it means for a facilitator.
import type { HostCommand } from "../../shared/protocol/index.js";
import { Client, type Room } from "colyseus.js";
import { type ErrorMessage, MSG } from "../../shared/protocol/index.js";
import { getScenario } from "../../shared/index.js";
import { catchFocus } from "../a11y/focus.js";
import { phaseLabel, t } from "../i18n/index.js";
import { unsavedText } from "../i18n/notices.js";
import { refusalText, roomMissing } from "../i18n/refusals.js";
import { followRoomLanguage } from "../i18n/room-language.js";
import { Connection, type StatusReport } from "../net/connection.js";
import { type Frame, readFrame } from "../net/frame.js";
import { joinLink } from "../net/join-link.js";
import { defaultEndpoint } from "../net/session.js";
import { roundClock } from "../ui/clock.js";
import { formatValue, h } from "../ui/dom.js";
import { languagePicker } from "../ui/settings.js";
import { Banner, Toast } from "./alerts.js";
import { keptRooms, loadSession } from "./keys.js";
import type { Nav } from "./landing.js";
import { LiveCharts, type TimelineMessage } from "./live-charts.js";
import { connectionNotice, refusal } from "./notice.js";
import { RoomOptions } from "./room-options.js";
import { RoundControls } from "./round-controls.js";
import { SettingsForm } from "./settings-form.js";
import { card, exportButtons } from "./stored-session.js";
import { PeopleTable, type RoundRow, RoundsTable } from "./tables.js";
import { Workbench } from "./workbench.js";

const client = new Client(defaultEndpoint());

/** Joins room `code` as its host; a room that is gone, or a refusal, goes back to the landing page saying so. */
export async function openConsole(root: HTMLElement, code: string, secret: string, nav: Nav): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, t("host.connecting", { code })));
  const join = () => client.joinById(code, { hostSecret: secret });
  let room: Room;
  try {
    room = await join();
  } catch (e) {
    return nav.landing(roomMissing(e) ? t("host.roomClosed", { code }) : t("host.couldNotOpen", { code, why: refusalText(e, t("host.noAnswer")) }));
  }
  const page = new HostConsole(root, code, keptRooms()[code]?.sessionId ?? "", secret, nav);
  page.hold(new Connection(room, { rejoin: join, attach: (r) => page.attach(r), onStatus: (s) => page.connectionChanged(s) }));
}

const STAGE_TEXT: Record<string, (f: Frame) => string> = {
  lobby: () => t("host.stageLobby"),
  countdown: (f) => t("host.stageCountdown", { n: f.countdown }),
  playing: () => t("host.stagePlaying"),
  ended: (f) => t(f.ended === "host" ? "host.stageEndedHost" : f.ended === "collapse" ? "host.stageEndedCollapse" : "host.stageEndedTime"),
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
    this.debriefCard = card(t("host.debrief"), this.workbench.el);
    this.debriefCard.hidden = true;
    const join = joinLink(code);
    root.replaceChildren(
      this.banner.el,
      h(
        "header",
        {},
        h("h1", {}, t("host.pageTitle")),
        h(
          "div",
          { class: "code-box" },
          h("span", { class: "muted" }, t("host.roomCode")),
          h("strong", { class: "room-code", "data-testid": "host-code" }, code),
        ),
        h("div", { class: "join" }, h("span", { class: "muted" }, t("host.joinLink")), join.link, join.note),
        h("a", { class: "secondary button", href: `/screen/${code}`, target: "_blank", rel: "noopener" }, t("host.openProjector")),
        h("a", { class: "secondary button", href: "/guide", target: "_blank", rel: "noopener", "data-testid": "guide-link" }, t("host.guide")),
        h("div", { class: "settings-row" }, languagePicker()),
      ),
      h(
        "div",
        { class: "status-bar" },
        this.stage,
        h("span", {}, t("host.time"), this.clock),
        h("span", {}, t("host.phase"), this.phaseName),
        h("span", {}, t("host.teamValue"), this.teamValue),
      ),
      h(
        "div",
        { class: "grid" },
        h(
          "div",
          { class: "col" },
          card(t("host.cardRound"), this.controls.el),
          card(t("host.cardMessage"), ...this.options.message),
          card(t("host.cardSettings"), this.settings.el),
          card(t("host.cardRoom"), h("div", { class: "room-row" }, join.qr, this.options.settings)),
        ),
        h(
          "div",
          { class: "col wide" },
          card(h("span", {}, t("host.cardPeople"), this.people.count), this.people.el),
          card(t("host.cardLive"), this.charts.el),
          card(t("host.cardRounds"), this.rounds.el, sessionId ? exportButtons(sessionId) : null),
        ),
      ),
      this.debriefCard,
      this.toast.el,
    );
    this.charts.mount();
    window.addEventListener("resize", () => this.charts.size());
    // The page replaced the one the host acted on: a keyboard starts again from its title.
    catchFocus(root.querySelector("h1"));
  }

  hold(link: Connection<Room>): void {
    this.link = link;
  }

  /** The room's listeners, on the first room and on every room after a reconnect. */
  attach(room: Room): void {
    room.onStateChange(() => this.render(readFrame(room)));
    room.onMessage(MSG.error, (e: ErrorMessage) => this.toast.say(refusal(e)));
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
    const notice = connectionNotice(report, t("host.roomNamed", { code: this.code }));
    if (report.status === "closed") return this.banner.show({ ...notice, action: t("host.hostSessionAgain") }, () => void this.nav.hostAgain(this.sessionId));
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
      this.toast.say(t("host.couldNotLoadRounds", { why: refusalText(e, t("host.noAnswer")) }));
    }
  }

  private render(f: Frame): void {
    this.frame = f;
    const hosted = f.hosted;
    if (!hosted) return;
    followRoomLanguage(hosted.code, hosted.language);
    // A round the store has not accepted yet is said where the host looks first.
    const stage = hosted.paused ? t("host.stagePaused") : (STAGE_TEXT[f.stage]?.(f) ?? f.stage);
    this.stage.textContent = t("host.stageLine", { n: hosted.round, stage }) + (hosted.unsaved ? ` · ⚠ ${unsavedText(hosted.unsaved)}` : "");
    this.stage.className = `stage ${f.stage}${hosted.paused ? " paused" : ""}`;
    this.clock.textContent = roundClock(f).text;
    this.phaseName.textContent = phaseLabel(f.phaseName);
    this.teamValue.textContent = formatValue(f.value);
    this.controls.render(f, hosted);
    this.settings.render(f, hosted);
    this.options.render(hosted);
    this.people.render(f, hosted);
  }
}
