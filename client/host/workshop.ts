// The workshop console (/host?workshop=CODE): one code for everyone; teams formed in balanced
// sizes or by dragging people between them; then one room per team, all run from here, and a
// dashboard of every team live. The console is the host of every team room (same secret), so
// each team is commanded exactly as a single hosted room is.
import type { WorkshopCommand } from "../../shared/protocol/index.js";
import { Client, type Room } from "colyseus.js";
import { type ErrorMessage, MSG } from "../../shared/protocol/index.js";
import { Connection, type StatusReport } from "../net/connection.js";
import { defaultEndpoint } from "../net/session.js";
import type { WorkshopView } from "../net/workshop.js";
import { joinLink } from "../net/join-link.js";
import { catchFocus } from "../a11y/focus.js";
import { t } from "../i18n/index.js";
import { h } from "../ui/dom.js";
import { languagePicker } from "../ui/settings.js";
import { Banner, Toast } from "./alerts.js";
import { CrossTeamDebrief } from "./cross-team.js";
import { keep } from "./keys.js";
import { connectionNotice, refusal } from "./notice.js";
import { TeamCard } from "./team-card.js";
import { everyTeamCard } from "./workshop-all.js";
import { TeamForming } from "./workshop-teams.js";

export async function openWorkshop(root: HTMLElement, code: string, secret: string, sessionId: string): Promise<void> {
  const client = new Client(defaultEndpoint());
  root.replaceChildren(h("p", { class: "muted" }, t("workshop.connecting", { code })));
  const join = () => client.joinById(code, { hostSecret: secret });
  const room = await join();
  const page = new WorkshopConsole(root, client, code, secret, sessionId);
  page.hold(new Connection(room, { rejoin: join, attach: (r) => page.attach(r), onStatus: (s) => page.connectionChanged(s) }));
}

class WorkshopConsole {
  private link: Connection<Room> | null = null;
  private readonly cards = new Map<string, TeamCard>();
  private readonly banner = new Banner();
  private readonly toast = new Toast();
  private readonly debrief: CrossTeamDebrief;
  private readonly forming: TeamForming;
  private readonly running: HTMLElement;
  private readonly stage = h("span", { class: "stage", "data-testid": "ws-stage" });
  private readonly dashboard = h("div", { class: "ws-dashboard", "data-testid": "ws-dashboard" });

  constructor(
    root: HTMLElement,
    private readonly client: Client,
    private readonly code: string,
    private readonly secret: string,
    sessionId: string,
  ) {
    this.debrief = new CrossTeamDebrief(sessionId, secret);
    this.forming = new TeamForming((command) => this.send(command));
    this.running = everyTeamCard({ cards: () => this.cards.values(), toast: (text) => this.toast.say(text) });
    const join = joinLink(code);
    const message = h("input", {
      type: "text",
      maxlength: 140,
      placeholder: t("workshop.messagePlaceholder"),
      "aria-label": t("options.message"),
      class: "grow",
    });
    root.replaceChildren(
      this.banner.el,
      h(
        "header",
        {},
        h("h1", {}, t("workshop.pageTitle")),
        h("div", { class: "code-box" }, h("span", { class: "muted" }, t("workshop.code")), h("strong", { class: "room-code", "data-testid": "ws-code" }, code)),
        h("div", { class: "join" }, h("span", { class: "muted" }, t("host.joinLink")), join.link, join.note),
        join.qr,
        this.stage,
        h("a", { class: "secondary button", href: "/guide", target: "_blank", rel: "noopener", "data-testid": "guide-link" }, t("host.guide")),
        h("div", { class: "settings-row" }, languagePicker()),
      ),
      h(
        "form",
        { class: "row message", onsubmit: (ev: Event) => (ev.preventDefault(), this.send({ command: "message", text: message.value })) },
        message,
        h("button", { type: "submit", class: "secondary" }, t("workshop.showInLobby")),
      ),
      this.forming.el,
      this.running,
      this.dashboard,
      this.debrief.el,
      this.toast.el,
    );
    catchFocus(root.querySelector("h1"));
  }

  hold(link: Connection<Room>): void {
    this.link = link;
    this.render();
  }

  /** The lobby's listeners, on the first room and on every room after a reconnect. */
  attach(room: Room): void {
    room.onMessage(MSG.error, (e: ErrorMessage) => this.toast.say(refusal(e)));
    room.onMessage("*", () => undefined);
    room.onStateChange(() => this.render());
  }

  /** The lobby's connection: a drop is retried by itself; after giving up, "Try again" retries it and every team card. */
  connectionChanged(report: StatusReport): void {
    this.banner.show(connectionNotice(report, t("host.workshopNamed", { code: this.code })), () => {
      void this.link?.retry();
      for (const card of this.cards.values()) card.retry();
    });
  }

  private send(command: WorkshopCommand): void {
    this.link?.room?.send(MSG.host, command);
  }

  private render(): void {
    const st = this.link?.latest?.state as WorkshopView | undefined;
    // The first state arrives just after the join resolves.
    if (!st?.people || !st.teams) return;
    const open = st.stage === "open";
    this.forming.counted(st);
    this.stage.textContent = t(open ? "workshop.teamsOpen" : "workshop.formingTeams");
    this.forming.el.hidden = open;
    this.running.hidden = !open;
    this.debrief.el.hidden = !open;
    if (!open) this.forming.render(st);
    else this.connectTeams(st);
    // Opening the teams hides the controls that did it: focus goes on to the teams' controls.
    if (open) catchFocus(this.running.querySelector("h2"));
  }

  /** A card and a host connection per opened team. */
  private connectTeams(st: WorkshopView): void {
    for (const team of st.teams.values()) {
      if (!team.code || this.cards.has(team.id)) continue;
      keep(team.code, { secret: this.secret, sessionId: team.session, created: Date.now() }, false);
      const card = new TeamCard(this.client, team.name, team.code, this.secret, (msg) => this.toast.say(`${team.name}: ${msg}`));
      this.cards.set(team.id, card);
      this.dashboard.append(card.el);
      this.debrief.addTeam(team.name, team.session);
    }
  }
}
