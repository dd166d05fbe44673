// The workshop console (/host?workshop=CODE): one code for everyone; teams formed in balanced
// sizes or by dragging people between them; then one room per team, all run from here, and a
// dashboard of every team live. The console is the host of every team room (same secret), so
// each team is commanded exactly as a single hosted room is.
import { Client, type Room } from "colyseus.js";
import { FLOODED_CLOSE_CODE, KICKED_CLOSE_CODE, MSG, TEAM_SIZE_MAX, TEAM_SIZE_MIN, type ErrorMessage } from "../../shared/protocol/index.js";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import { defaultEndpoint } from "../net/session.js";
import type { WorkshopParticipant, WorkshopView } from "../net/workshop.js";
import { joinLink } from "../net/join-link.js";
import { h } from "../ui/dom.js";
import { CrossTeamDebrief } from "./cross-team.js";
import { keep } from "./keys.js";
import { TeamCard } from "./team-card.js";

export async function openWorkshop(root: HTMLElement, code: string, secret: string, sessionId: string): Promise<void> {
  const client = new Client(defaultEndpoint());
  root.replaceChildren(h("p", { class: "muted" }, `Connecting to workshop ${code}…`));
  const room = await client.joinById(code, { hostSecret: secret });
  new WorkshopConsole(root, client, room, code, secret, sessionId);
}

class WorkshopConsole {
  private readonly els: Record<string, HTMLElement> = {};
  private readonly cards = new Map<string, TeamCard>();
  private readonly toastEl = h("div", { class: "toast", role: "alert" });
  private toastTimer = 0;
  private readonly debrief: CrossTeamDebrief;

  constructor(
    private readonly root: HTMLElement,
    private readonly client: Client,
    private readonly room: Room,
    private readonly code: string,
    private readonly secret: string,
    sessionId: string,
  ) {
    this.debrief = new CrossTeamDebrief(sessionId, secret);
    this.build();
    room.onMessage(MSG.error, (e: ErrorMessage) => this.toast(e.message));
    room.onMessage("*", () => undefined);
    room.onStateChange(() => this.render());
    room.onLeave((closeCode) => {
      if (closeCode === KICKED_CLOSE_CODE) this.toast("This workshop's console was opened somewhere else.");
      else if (closeCode === FLOODED_CLOSE_CODE)
        this.toast("The server closed this console's connection: it sent far more messages than a person can. Reload to reconnect.");
      else if (closeCode !== 1000) this.toast("Lost the connection to the workshop lobby; reload to reconnect.");
    });
    this.render();
  }

  private get seen(): WorkshopView {
    return this.room.state as unknown as WorkshopView;
  }

  private send(command: Record<string, unknown>): void {
    this.room.send(MSG.host, command);
  }

  private toast(text: string): void {
    this.toastEl.textContent = text;
    this.toastEl.classList.add("shown");
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => this.toastEl.classList.remove("shown"), 4000);
  }

  // ---- layout ----

  private build(): void {
    const e = this.els;
    const join = joinLink(this.code);
    const qr = join.qr;
    e.count = h("span", { class: "muted" });
    e.stage = h("span", { class: "stage", "data-testid": "ws-stage" });

    // Forming
    const size = h(
      "select",
      { "aria-label": "People per team", "data-testid": "ws-size" },
      ...Array.from({ length: TEAM_SIZE_MAX - TEAM_SIZE_MIN + 1 }, (_, i) => TEAM_SIZE_MIN + i).map((n) =>
        h("option", { value: n, selected: n === 4 }, `${n} per team`),
      ),
    );
    e.teams = h("div", { class: "ws-teams", "data-testid": "ws-teams" });
    e.forming = h(
      "section",
      { class: "card" },
      h("h2", {}, "Teams ", e.count),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-testid": "ws-form",
            onclick: () => this.send({ command: "form", size: Number((size as HTMLSelectElement).value) }),
          },
          "Form teams automatically",
        ),
        size,
        h("button", { type: "button", class: "secondary", onclick: () => this.send({ command: "addTeam" }) }, "Add a team"),
        h("button", { type: "button", class: "primary", "data-testid": "ws-open", onclick: () => this.send({ command: "open" }) }, "Open the teams' rooms"),
      ),
      h(
        "p",
        { class: "muted small" },
        "Drag people between teams (or pick a team from the list beside a name). Names can be edited until the teams open; people who arrive later join the smallest team.",
      ),
      e.teams,
    );

    // Running: the same round settings for every team, and commands for all at once.
    const scenario = h(
      "select",
      { "data-testid": "ws-scenario" },
      ...SCENARIO_IDS.map((id) => h("option", { value: id, selected: id === "workshop" }, SCENARIOS[id]!.name)),
    );
    const duration = h("input", {
      type: "number",
      min: 10,
      max: 3600,
      step: 10,
      value: SCENARIOS.workshop!.durationSeconds,
      "data-testid": "ws-duration",
      class: "short",
    });
    const seats = h("input", { type: "number", min: 1, max: 16, value: 4, class: "short", "aria-label": "Players per team (bots play empty seats)" });
    const bots = h(
      "select",
      { "aria-label": "Bots" },
      h("option", { value: "balanced,hero,preventer" }, "a mix"),
      h("option", { value: "balanced" }, "balanced"),
      h("option", { value: "hero" }, "heroes"),
      h("option", { value: "preventer" }, "preventers"),
      h("option", { value: "firefighter" }, "firefighters"),
      h("option", { value: "idle" }, "idle"),
    );
    const sameSeed = h("input", { type: "checkbox", checked: true, "data-testid": "ws-same-seed" });
    scenario.addEventListener(
      "change",
      () => ((duration as HTMLInputElement).value = String(SCENARIOS[(scenario as HTMLSelectElement).value]!.durationSeconds)),
    );
    /** Sends the form's settings to the teams in the lobby; `quiet` when a start does it on the way. */
    const apply = (quiet = false) => {
      const seed = Math.floor(Math.random() * 0xffffffff);
      const waiting = [...this.cards.values()].filter((card) => card.inLobby());
      for (const card of waiting)
        card.send({
          command: "settings",
          scenario: (scenario as HTMLSelectElement).value,
          durationSeconds: Number((duration as HTMLInputElement).value),
          seats: Number((seats as HTMLInputElement).value),
          bots: (bots as HTMLSelectElement).value.split(","),
          // The same map and luck for every team by default, so differences come from play.
          seed: (sameSeed as HTMLInputElement).checked ? seed : Math.floor(Math.random() * 0xffffffff),
        });
      if (quiet) return;
      this.toast((sameSeed as HTMLInputElement).checked ? `Every team plays seed ${seed}.` : "Each team plays its own seed.");
    };
    const all = (command: Record<string, unknown>) => () => {
      for (const card of this.cards.values()) card.send(command);
    };
    // What the form shows is what runs: starting applies it first to every team still waiting,
    // so a facilitator who never pressed Apply does not get last round's (or the default) settings.
    const startAll = () => {
      apply(true);
      all({ command: "start", countdownSeconds: 5 })();
      const label = (scenario as HTMLSelectElement).selectedOptions[0]?.textContent ?? "";
      this.toast(
        `Starting every team: ${label}, ${(duration as HTMLInputElement).value} s${(sameSeed as HTMLInputElement).checked ? ", the same map for every team" : ", a map of its own for each team"}.`,
      );
    };
    e.running = h(
      "section",
      { class: "card" },
      h("h2", {}, "Every team"),
      h(
        "form",
        { class: "row ws-settings", onsubmit: (ev: Event) => (ev.preventDefault(), apply()) },
        field("Scenario", scenario),
        field("Seconds", duration),
        field("Players per team", seats),
        field("Bots in empty seats", bots),
        h("label", { class: "inline" }, sameSeed, " the same map and luck for every team"),
        h("button", { type: "submit", class: "secondary", "data-testid": "ws-apply" }, "Apply to every team"),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "primary", "data-testid": "ws-start", onclick: startAll }, "Start all"),
        h("button", { type: "button", class: "secondary", onclick: all({ command: "pause" }) }, "Pause all"),
        h("button", { type: "button", class: "secondary", onclick: all({ command: "resume" }) }, "Resume all"),
        h("button", { type: "button", class: "danger", onclick: all({ command: "end" }) }, "End all"),
        h("button", { type: "button", class: "secondary", "data-testid": "ws-next", onclick: all({ command: "nextRound" }) }, "Next round, all"),
        h("button", { type: "button", class: "secondary", onclick: () => this.showOwnDebriefs() }, "Show each team its debrief"),
      ),
    );
    e.dashboard = h("div", { class: "ws-dashboard", "data-testid": "ws-dashboard" });

    const message = h("input", { type: "text", maxlength: 140, placeholder: "A message to everyone in the lobby", class: "grow" });
    this.root.replaceChildren(
      h(
        "header",
        {},
        h("h1", {}, "Smolder · workshop console"),
        h(
          "div",
          { class: "code-box" },
          h("span", { class: "muted" }, "Workshop code"),
          h("strong", { class: "room-code", "data-testid": "ws-code" }, this.code),
        ),
        h("div", { class: "join" }, h("span", { class: "muted" }, "Join link"), join.link, join.note),
        qr,
        e.stage,
        h("a", { class: "secondary button", href: "/guide", target: "_blank", rel: "noopener", "data-testid": "guide-link" }, "Facilitator's guide ↗"),
      ),
      h(
        "form",
        { class: "row message", onsubmit: (ev: Event) => (ev.preventDefault(), this.send({ command: "message", text: (message as HTMLInputElement).value })) },
        message,
        h("button", { type: "submit", class: "secondary" }, "Show in the lobby"),
      ),
      e.forming,
      e.running,
      e.dashboard,
      this.debrief.el,
      this.toastEl,
    );
  }

  // ---- rendering ----

  private render(): void {
    const st = this.seen;
    // The first state arrives just after the join resolves.
    if (!st.people || !st.teams) return;
    const open = st.stage === "open";
    const people = [...st.people.entries()];
    this.els.count!.textContent = `· ${people.length} ${people.length === 1 ? "person" : "people"}, ${st.teams.size} teams`;
    this.els.stage!.textContent = open ? "Teams open" : "Forming teams";
    this.els.forming!.hidden = open;
    this.els.running!.hidden = !open;
    this.debrief.el.hidden = !open;
    if (!open) this.renderTeams(people);
    else this.connectTeams();
  }

  private renderTeams(people: [string, WorkshopParticipant][]): void {
    const st = this.seen;
    const column = (teamId: string, title: HTMLElement | string) => {
      const members = people.filter(([, p]) => p.team === teamId);
      const col = h(
        "div",
        { class: "ws-team", "data-team": teamId },
        typeof title === "string" ? h("h3", {}, title) : title,
        h("span", { class: "muted small" }, `${members.length} people`),
      );
      col.addEventListener("dragover", (ev) => ev.preventDefault());
      col.addEventListener("drop", (ev) => {
        ev.preventDefault();
        const key = (ev as DragEvent).dataTransfer?.getData("text/plain");
        if (key && teamId) this.send({ command: "move", key, team: teamId });
      });
      for (const [key, p] of members) {
        const pick = h(
          "select",
          { "aria-label": `Team for ${p.name}` },
          ...[...st.teams.values()].map((t) => h("option", { value: t.id, selected: t.id === p.team }, t.name)),
        );
        pick.addEventListener("change", () => this.send({ command: "move", key, team: (pick as HTMLSelectElement).value }));
        const chip = h("div", { class: `ws-chip ${p.status}`, draggable: "true", "data-key": key }, h("span", {}, p.name), pick);
        chip.addEventListener("dragstart", (ev) => (ev as DragEvent).dataTransfer?.setData("text/plain", key));
        col.append(chip);
      }
      return col;
    };
    const cols: HTMLElement[] = [];
    for (const t of st.teams.values()) {
      const name = h("input", { type: "text", value: t.name, maxlength: 24, "aria-label": "Team name", class: "ws-name" });
      name.addEventListener("change", () => this.send({ command: "rename", team: t.id, name: (name as HTMLInputElement).value }));
      const remove = h(
        "button",
        { type: "button", class: "link", title: "Remove this (empty) team", onclick: () => this.send({ command: "removeTeam", team: t.id }) },
        "×",
      );
      cols.push(column(t.id, h("div", { class: "row" }, name, remove)));
    }
    const unplaced = people.filter(([, p]) => !st.teams.has(p.team));
    if (unplaced.length > 0 || st.teams.size === 0) cols.unshift(column("", st.teams.size === 0 ? "Here so far" : "Not in a team yet"));
    // Keep focus in a name field that is being edited.
    if (this.els.teams!.contains(document.activeElement) && (document.activeElement as HTMLElement).classList.contains("ws-name")) return;
    this.els.teams!.replaceChildren(...cols);
  }

  /** A card and a host connection per opened team. */
  private connectTeams(): void {
    for (const t of this.seen.teams.values()) {
      if (!t.code || this.cards.has(t.id)) continue;
      keep(t.code, { secret: this.secret, sessionId: t.session, created: Date.now() }, false);
      const card = new TeamCard(this.client, t.name, t.code, this.secret, (msg) => this.toast(`${t.name}: ${msg}`));
      this.cards.set(t.id, card);
      this.els.dashboard!.append(card.el);
      this.debrief.addTeam(t.name, t.session);
    }
  }

  private showOwnDebriefs(): void {
    for (const card of this.cards.values()) {
      const round = card.lastFinishedRound();
      if (round) card.send({ command: "debrief", rounds: [round] });
    }
  }
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input);
}
