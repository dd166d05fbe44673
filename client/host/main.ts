// The host console (/host): creates or reclaims a private room with the host secret kept in
// this browser, and runs the session: people, settings, start/pause/resume/end, next phase,
// messages, lock, rounds, and live charts of the round. Plain DOM; no Phaser in this page.
import { Client, type Room } from "colyseus.js";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import {
  BOARD_MODES,
  FLOODED_CLOSE_CODE,
  HOST_MESSAGE_MAX_LENGTH,
  KICKED_CLOSE_CODE,
  SERVER_CLOSING_CLOSE_CODE,
  MAX_HOSTED_PLAYERS,
  MSG,
  type ErrorMessage,
} from "../../shared/protocol/index.js";
import { creditName, EFFORTS, firesWaiting, getScenario, headlines, SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import { type Frame, readFrame } from "../net/frame.js";
import { joinLink } from "../net/join-link.js";
import { defaultEndpoint, tidyCode } from "../net/session.js";
import { formatClock, formatValue, h } from "../ui/dom.js";
import { roundClock } from "../ui/clock.js";
import { CrossTeamDebrief } from "./cross-team.js";
import { createRoom, downloadExport, keptRooms, lastRoom, listSessions, loadSession, secretFor, setHostKey } from "./keys.js";
import { openWorkshop } from "./workshop.js";
import { Workbench } from "./workbench.js";
import { EFFORT_GROUPS, groupShares } from "../debrief/efforts.js";

const root = document.getElementById("host")!;
const client = new Client(defaultEndpoint());

function landing(note = ""): void {
  const last = lastRoom();
  const kept = last ? keptRooms()[last] : undefined;
  const status = h("p", { class: "muted", role: "status" }, note);
  const create = h("button", { class: "primary big", type: "button" }, "Create a room");
  create.addEventListener("click", () => {
    create.disabled = true;
    status.textContent = "Creating a room…";
    createRoom().then(
      (c) => open(c.code),
      (e: Error) => {
        create.disabled = false;
        status.textContent = `Could not create a room: ${e.message}`;
      },
    );
  });
  const workshop = h("button", { class: "secondary big", type: "button", "data-testid": "create-workshop" }, "Host a team workshop");
  workshop.addEventListener("click", () => {
    workshop.disabled = true;
    status.textContent = "Creating a workshop…";
    createRoom(undefined, true).then(
      (c) => openWorkshopPage(c.code),
      (e: Error) => {
        workshop.disabled = false;
        status.textContent = `Could not create a workshop: ${e.message}`;
      },
    );
  });
  root.replaceChildren(
    h(
      "section",
      { class: "card landing" },
      h("h1", {}, "Smolder · host a room"),
      h(
        "p",
        {},
        "Run a session for a group: people join from their own laptops or phones with a room code, a link or a QR code; you start, pause and end rounds from here, and put the projector view on the big screen.",
      ),
      create,
      h(
        "p",
        { class: "muted small" },
        "For 10 to 60 people: one workshop code, everyone placed in teams of 3 to 8 that play the same scenario side by side, one dashboard.",
      ),
      workshop,
      last && kept
        ? h(
            "button",
            { class: "secondary big", type: "button", onclick: () => (kept.workshop ? openWorkshopPage(last) : open(last)) },
            `Back to ${kept.workshop ? "workshop" : "room"} ${last}`,
          )
        : null,
      status,
      h(
        "p",
        { class: "muted small" },
        h("a", { href: "/guide", "data-testid": "guide-link" }, "Facilitator's guide: a one-hour session plan and debrief questions"),
        " · ",
        h("a", { href: "/" }, "Back to the game"),
      ),
    ),
    pastSessions(),
  );
}

/** The sessions this browser's host keys have run, to reopen for a debrief or host again. */
function pastSessions(): HTMLElement {
  const list = h("tbody", {}, h("tr", {}, h("td", { colspan: 4, class: "muted" }, "Looking for your past sessions…")));
  const keyInput = h("input", { type: "text", placeholder: "a host key from another browser", "aria-label": "Host key", class: "grow" });
  const keyForm = h("form", { class: "row" }, keyInput, h("button", { type: "submit", class: "secondary" }, "Use this key"));
  keyForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = keyInput.value.trim();
    if (v.length >= 16) {
      setHostKey(v);
      landing("Host key saved in this browser.");
    }
  });
  void listSessions().then(
    (sessions) => {
      if (sessions.length === 0)
        return void list.replaceChildren(h("tr", {}, h("td", { colspan: 4, class: "muted" }, "No stored sessions for this browser's host key yet.")));
      list.replaceChildren(
        ...sessions.map((s) =>
          h(
            "tr",
            { "data-session": s.id },
            h("td", {}, new Date(s.createdAt).toLocaleString()),
            h("td", {}, s.code),
            h("td", { class: "num" }, s.rounds),
            h(
              "td",
              { class: "row" },
              h(
                "button",
                { type: "button", class: "secondary", disabled: s.rounds === 0, onclick: () => (location.href = `/host?session=${s.id}`) },
                "Debrief",
              ),
              s.kind === "workshop"
                ? h("span", { class: "muted small" }, `workshop · ${s.teams ?? 0} teams`)
                : h("button", { type: "button", class: "secondary", onclick: () => void hostAgain(s.id) }, "Host again"),
            ),
          ),
        ),
      );
    },
    (e: Error) => list.replaceChildren(h("tr", {}, h("td", { colspan: 4, class: "muted" }, `Could not list sessions: ${e.message}`))),
  );
  return h(
    "section",
    { class: "card sessions", "data-testid": "past-sessions" },
    h("h2", {}, "Your past sessions"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Started"), h("th", {}, "Last code"), h("th", { class: "num" }, "Rounds"), h("th", {}, ""))), list),
    h("p", { class: "muted small" }, "Sessions are kept on the server; this browser holds the key that opens them."),
    keyForm,
  );
}

async function hostAgain(sessionId: string): Promise<void> {
  try {
    const created = await createRoom(sessionId);
    open(created.code);
  } catch (e) {
    landing(`Could not host that session again: ${(e as Error).message}`);
  }
}

/** A stored session's debrief, without a room: /host?session=ID. */
async function reopen(sessionId: string): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, "Opening the session…"));
  try {
    const { session, rounds, teams } = await loadSession(sessionId);
    if (session.kind === "workshop") {
      const cross = new CrossTeamDebrief(sessionId, secretFor(sessionId) ?? "");
      for (const t of teams ?? []) cross.addTeam(t.session.team ?? t.session.code, t.session.id);
      root.replaceChildren(
        h(
          "header",
          {},
          h("h1", {}, "Smolder · workshop debrief"),
          h("span", { class: "muted" }, `Started ${new Date(session.createdAt).toLocaleString()} · code ${session.code} · ${teams?.length ?? 0} teams`),
          h("a", { class: "secondary button", href: "/host" }, "All sessions"),
        ),
        cross.el,
      );
      return void cross.load();
    }
    const bench = new Workbench();
    root.replaceChildren(
      h(
        "header",
        {},
        h("h1", {}, "Smolder · session debrief"),
        h("span", { class: "muted" }, `Started ${new Date(session.createdAt).toLocaleString()} · last code ${session.code} · ${rounds.length} rounds`),
        h(
          "div",
          { class: "row", style: "margin-left:auto" },
          exportButtons(sessionId),
          h("button", { type: "button", class: "primary", onclick: () => void hostAgain(sessionId) }, "Host again"),
          h("a", { class: "secondary button", href: "/host" }, "All sessions"),
        ),
      ),
      card("Debrief", bench.el),
    );
    bench.setRecords(rounds);
  } catch (e) {
    landing(`Could not open that session: ${(e as Error).message}`);
  }
}

function exportButtons(sessionId: string): HTMLElement {
  const get = (format: "json" | "csv") => () => void downloadExport(sessionId, format).catch((e: Error) => alert(`Export failed: ${e.message}`));
  return h(
    "span",
    { class: "row" },
    h("button", { type: "button", class: "secondary", "data-testid": "export-csv", onclick: get("csv") }, "Export CSV (zip)"),
    h("button", { type: "button", class: "secondary", "data-testid": "export-json", onclick: get("json") }, "Export JSON"),
  );
}

function openWorkshopPage(code: string): void {
  history.replaceState(null, "", `/host?workshop=${code}`);
  const kept = keptRooms()[code];
  if (!kept) return landing(`This browser does not hold the host key for workshop ${code}.`);
  openWorkshop(root, code, kept.secret, kept.sessionId).catch((e: Error) =>
    landing(/No room/.test(e.message) ? `Workshop ${code} is closed.` : `Could not open workshop ${code}: ${e.message}`),
  );
}

function open(code: string): void {
  history.replaceState(null, "", `/host?code=${code}`);
  const kept = keptRooms()[code];
  if (!kept)
    return landing(`This browser does not hold the host key for room ${code}. Open the console in the browser that created the room, or create a new room.`);
  void connect(code, kept.secret);
}

// ---- the console ----

type Timeline = { fires: number[]; risk: number[]; value: number[]; praise: number[]; effort: number[][] };

async function connect(code: string, secret: string): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, `Connecting to room ${code}…`));
  let room: Room;
  try {
    room = await client.joinById(code, { hostSecret: secret });
  } catch (e) {
    const msg = (e as Error).message || "the server did not answer";
    return landing(/No room/.test(msg) ? `Room ${code} is closed. Create a new one.` : `Could not open room ${code}: ${msg}`);
  }
  new Console(room, code, secret, keptRooms()[code]?.sessionId ?? "");
}

class Console {
  private readonly els: Record<string, HTMLElement> = {};
  private timeline: Timeline = { fires: [], risk: [], value: [], praise: [], effort: [] };
  private timelineRound = 0;
  private charts: uPlot[] = [];
  private dirty = false;
  private settingsForm: HTMLFormElement | null = null;
  private frame: Frame | null = null;
  private readonly toastEl = h("div", { class: "toast", role: "alert" });
  private toastTimer = 0;

  private readonly workbench: Workbench;

  constructor(
    private room: Room,
    private readonly code: string,
    private readonly secret: string,
    private readonly sessionId: string,
  ) {
    this.workbench = new Workbench((cmd) => this.send(cmd));
    this.build();
    this.attach(room);
  }

  private attach(room: Room): void {
    this.room = room;
    room.onStateChange(() => this.render(readFrame(room)));
    room.onMessage(MSG.error, (e: ErrorMessage) => this.toast(e.message));
    room.onMessage(MSG.summary, () => undefined);
    room.onMessage(
      MSG.timeline,
      (t: { round: number; from: number; fires: number[]; risk: number[]; value: number[]; praise: number[]; effort: number[]; efforts: string[] }) =>
        this.onTimeline(t),
    );
    room.onMessage(MSG.rounds, (rounds: RoundRow[]) => {
      this.renderRounds(rounds);
      void this.loadRecords(rounds.length);
    });
    room.onMessage(MSG.debrief, () => undefined);
    room.onLeave((closeCode) => {
      if (closeCode === 1000) return;
      if (closeCode === KICKED_CLOSE_CODE) return this.banner("This room's console was opened in another tab or device.", "Take it back here");
      if (closeCode === FLOODED_CLOSE_CODE)
        return this.banner("The server closed this console's connection: it sent far more messages than a person can (a stuck key or a script?).", "Reconnect");
      // The server holding the room shut down: the finished rounds are stored; host the session again.
      if (closeCode === SERVER_CLOSING_CLOSE_CODE)
        return this.banner(
          "The game server running this room shut down and the room has closed. Its finished rounds are kept.",
          "Host the session again",
          () => void hostAgain(this.sessionId),
        );
      this.banner("Connection lost. Reconnecting…");
      void this.reconnect();
    });
    this.render(readFrame(room));
  }

  /** The stored rounds, with logs, for the debrief workbench. */
  private async loadRecords(count: number): Promise<void> {
    if (count === 0 || !this.sessionId) return;
    try {
      const { rounds } = await loadSession(this.sessionId, this.secret);
      this.workbench.setRecords(rounds);
      this.els.debriefCard!.hidden = false;
    } catch (e) {
      this.toast(`Could not load the rounds for the debrief: ${(e as Error).message}`);
    }
  }

  private async reconnect(): Promise<void> {
    for (let i = 0; i < 120; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      try {
        const room = await client.joinById(this.code, { hostSecret: this.secret });
        this.hideBanner();
        this.attach(room);
        return;
      } catch (e) {
        if (/No room/.test((e as Error).message)) return this.banner(`Room ${this.code} has closed.`);
      }
    }
    this.banner("Could not reach the server. Reload to try again.");
  }

  private banner(text: string, action?: string, onAction: () => void = () => void this.reconnect()): void {
    const b = this.els.banner!;
    b.replaceChildren(text);
    if (action) {
      const btn = h("button", { class: "secondary", type: "button" }, action);
      btn.addEventListener("click", () => {
        this.hideBanner();
        onAction();
      });
      b.append(" ", btn);
    }
    b.classList.add("shown");
  }
  private hideBanner(): void {
    this.els.banner!.classList.remove("shown");
  }

  private toast(text: string): void {
    this.toastEl.textContent = text;
    this.toastEl.classList.add("shown");
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => this.toastEl.classList.remove("shown"), 4000);
  }

  private send(command: Record<string, unknown>): void {
    this.room.send(MSG.host, command);
  }

  // ---- layout ----

  private build(): void {
    const e = this.els;
    const join = joinLink(this.code);
    e.banner = h("div", { class: "banner" });
    e.stage = h("span", { class: "stage", "data-testid": "host-stage" });
    e.clock = h("span", { class: "clock" });
    e.qr = join.qr;

    // Controls
    const countdown = h(
      "select",
      { id: "countdown", "aria-label": "Countdown" },
      ...[3, 5, 10, 0].map((s) => h("option", { value: s, selected: s === 5 }, s === 0 ? "no countdown" : `${s} s countdown`)),
    );
    e.countdown = countdown;
    const btn = (id: string, label: string, onclick: () => void, cls = "secondary") =>
      (e[id] = h("button", { type: "button", class: cls, "data-testid": `host-${id}`, onclick }, label));
    const controls = h(
      "div",
      { class: "controls" },
      h(
        "div",
        { class: "row" },
        btn("start", "Start round", () => this.start(Number(countdown.value)), "primary"),
        countdown,
        btn("cancel", "Cancel countdown", () => this.send({ command: "cancel" })),
      ),
      h(
        "div",
        { class: "row" },
        btn("pause", "Pause", () => this.send({ command: "pause" })),
        btn("resume", "Resume", () => this.send({ command: "resume" }), "primary"),
        btn("end", "End round", () => this.send({ command: "end" }), "danger"),
      ),
      h(
        "div",
        { class: "row" },
        btn("nextPhase", "Grow the organisation now", () => this.send({ command: "nextPhase" })),
        btn("nextRound", "Next round, same people", () => this.send({ command: "nextRound" }), "primary"),
      ),
    );

    // Settings for the next round
    const scenario = h("select", { id: "s-scenario" }, ...SCENARIO_IDS.map((id) => h("option", { value: id }, SCENARIOS[id]!.name)));
    const duration = h("input", { id: "s-duration", type: "number", min: 10, max: 3600, step: 10 });
    const exponent = h(
      "select",
      { id: "s-exponent" },
      h("option", { value: 2 }, "steady"),
      h("option", { value: 3 }, "faster as it grows (normal)"),
      h("option", { value: 4 }, "explosive"),
    );
    const spread = h("input", { id: "s-spread", type: "number", min: 0, max: 400, step: 10 });
    const phase = h("select", { id: "s-phase" });
    const seats = h("input", { id: "s-seats", type: "number", min: 1, max: MAX_HOSTED_PLAYERS });
    const bots = h(
      "select",
      { id: "s-bots" },
      h("option", { value: "balanced,hero,preventer" }, "a mix (balanced, hero, preventer)"),
      h("option", { value: "hero" }, "heroes"),
      h("option", { value: "preventer" }, "preventers"),
      h("option", { value: "balanced" }, "balanced"),
      h("option", { value: "firefighter" }, "firefighters (nearest fire first)"),
      h("option", { value: "idle" }, "idle (stand still)"),
    );
    Object.assign(e, { scenario, duration, exponent, spread, phase, seats, bots });
    const fillPhases = () => {
      const sc = SCENARIOS[scenario.value]!;
      phase.replaceChildren(...sc.phases.map((p, i) => h("option", { value: i }, p.name)));
    };
    scenario.addEventListener("change", () => {
      const sc = SCENARIOS[scenario.value]!;
      fillPhases();
      duration.value = String(sc.durationSeconds);
      seats.value = String(Math.min(MAX_HOSTED_PLAYERS, sc.teamSize));
      exponent.value = String(sc.ignition.exponentHalves);
      spread.value = "100";
      phase.value = "0";
    });
    const settings = h(
      "form",
      { class: "settings" },
      field("Scenario", scenario, "Which organisation the team looks after, and how it grows."),
      field("Length (seconds)", duration, "How long the round lasts if nothing collapses first."),
      field(
        "How fast fires multiply",
        exponent,
        "How much faster new fires start as hidden risk and fires pile up. “Faster as it grows” is the lesson’s default.",
      ),
      field("Fire spread (% of normal)", spread, "How readily a fire jumps to the tiles next to it: 100 is normal, 50 half as often."),
      field("Starting phase", phase, "Start small, or skip ahead to a grown organisation."),
      field("Players in the round", seats, "People take seats first; bots play any seat left empty."),
      field("Bots", bots, "How the bots in empty seats play."),
      (e.apply = h("button", { type: "submit", class: "primary", "data-testid": "host-apply" }, "Apply to the next round")),
      (e.settingsNote = h("p", { class: "muted small" })),
    );
    settings.addEventListener("input", () => (this.dirty = true));
    this.settingsForm = settings as HTMLFormElement;
    settings.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.dirty = false;
      this.send({
        command: "settings",
        scenario: scenario.value,
        durationSeconds: Number(duration.value),
        exponentHalves: Number(exponent.value),
        spreadPct: Number(spread.value),
        startPhase: Number(phase.value),
        seats: Number(seats.value),
        bots: bots.value.split(","),
      });
    });

    // Views and room
    const board = h(
      "select",
      { id: "board", "data-testid": "host-board" },
      ...BOARD_MODES.map((m) => h("option", { value: m }, { praise: "praise leaderboard", value: "team value only", hidden: "nothing (hidden)" }[m])),
    );
    board.addEventListener("change", () => this.send({ command: "board", mode: board.value }));
    const hostDrop = h("select", { id: "hostDrop" }, h("option", { value: "continue" }, "keeps running"), h("option", { value: "pause" }, "pauses"));
    hostDrop.addEventListener("change", () => this.send({ command: "hostDrop", then: hostDrop.value }));
    e.lock = h(
      "button",
      { type: "button", class: "secondary", "data-testid": "host-lock", onclick: () => this.send({ command: this.frame?.hosted?.locked ? "unlock" : "lock" }) },
      "Lock room",
    );
    Object.assign(e, { board, hostDrop });

    const message = h("input", {
      id: "message",
      type: "text",
      maxlength: HOST_MESSAGE_MAX_LENGTH,
      placeholder: "e.g. Two minutes left: who is stepping back?",
    });
    const messageForm = h(
      "form",
      { class: "row message" },
      message,
      h("button", { type: "submit", class: "primary" }, "Show"),
      h("button", { type: "button", class: "secondary", onclick: () => this.send({ command: "message", text: "" }) }, "Clear"),
    );
    messageForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.send({ command: "message", text: message.value });
    });
    e.currentMessage = h("p", { class: "muted small" });

    e.people = h("tbody");
    e.peopleCount = h("span", { class: "muted" });
    e.rounds = h("tbody");
    e.charts = h("div", { class: "charts" });
    e.teamValue = h("strong", { class: "value" });
    e.phaseName = h("span");

    root.replaceChildren(
      e.banner,
      h(
        "header",
        {},
        h("h1", {}, "Smolder · host console"),
        h("div", { class: "code-box" }, h("span", { class: "muted" }, "Room code"), h("strong", { class: "room-code", "data-testid": "host-code" }, this.code)),
        h("div", { class: "join" }, h("span", { class: "muted" }, "Join link"), join.link, join.note),
        h("a", { class: "secondary button", href: `/screen/${this.code}`, target: "_blank", rel: "noopener" }, "Open projector view ↗"),
        h("a", { class: "secondary button", href: "/guide", target: "_blank", rel: "noopener", "data-testid": "guide-link" }, "Facilitator's guide ↗"),
      ),
      h(
        "div",
        { class: "status-bar" },
        e.stage,
        h("span", {}, "Time ", e.clock),
        h("span", {}, "Phase ", e.phaseName),
        h("span", {}, "Team value ", e.teamValue),
      ),
      h(
        "div",
        { class: "grid" },
        h(
          "div",
          { class: "col" },
          card("Round", controls),
          card("Message to every screen", messageForm, e.currentMessage),
          card("Next round's settings", settings),
          card(
            "Room",
            h(
              "div",
              { class: "room-row" },
              e.qr,
              h(
                "div",
                { class: "stack" },
                field("Leaderboard shows", board),
                field("If you lose this console (Wi-Fi, closed laptop), the round", hostDrop, "Open this page again on any device with your key to take over."),
                e.lock,
              ),
            ),
          ),
        ),
        h(
          "div",
          { class: "col wide" },
          card(
            h("span", {}, "People ", e.peopleCount),
            h(
              "table",
              { class: "people" },
              h(
                "thead",
                {},
                h("tr", {}, h("th", {}, "Name"), h("th", {}, "Seat"), h("th", {}, "Status"), h("th", { class: "num" }, "Praise"), h("th", {}, "")),
              ),
              e.people,
            ),
          ),
          card("Live: this round", e.charts),
          card(
            "Rounds so far",
            h(
              "table",
              { class: "rounds" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", {}, "#"),
                  h("th", {}, "Scenario"),
                  h("th", {}, "Ended"),
                  h("th", { class: "num" }, "Time"),
                  h("th", { class: "num" }, "Team value"),
                  h("th", {}, "Most praise"),
                  h("th", {}, "Did most good"),
                  h("th", {}, ""),
                ),
              ),
              e.rounds,
            ),
            this.sessionId ? exportButtons(this.sessionId) : null,
          ),
        ),
      ),
      (e.debriefCard = card("Debrief", this.workbench.el)),
      this.toastEl,
    );
    e.debriefCard.hidden = true;
    this.buildCharts();
    fillPhases();
    window.addEventListener("resize", () => this.sizeCharts());
  }

  private buildCharts(): void {
    const box = this.els.charts!;
    const mk = (title: string, series: uPlot.Series[], axes: uPlot.Axis[], scales: uPlot.Scales = {}) => {
      const holder = h("div", { class: "chart" });
      box.append(holder);
      const opts: uPlot.Options = {
        title,
        width: 400,
        height: 170,
        scales: { x: { time: false }, ...scales },
        series: [{ label: "Time" }, ...series.map((s) => ({ points: { show: false }, ...s }))],
        // x is seconds into the round, labelled m:ss on whole seconds only.
        axes: [{ stroke: "#9aa1b2", grid: { stroke: "#262b36" }, values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? formatClock(v) : "")) }, ...axes],
        legend: { live: false },
        cursor: { show: false },
      };
      return new uPlot(opts, [[]], holder);
    };
    const axis = (scale: string, side: 1 | 3 = 3, fmt?: (v: number) => string): uPlot.Axis => ({
      scale,
      side,
      stroke: "#9aa1b2",
      grid: { show: side === 3, stroke: "#262b36" },
      values: fmt ? (_u, vals) => vals.map(fmt) : undefined,
      size: 50,
    });
    this.charts = [
      mk(
        "Fires, and fires waiting to happen",
        [
          { label: "Fires", stroke: "#e69f00", width: 2, scale: "fires" },
          { label: "Waiting to happen (hidden risk)", stroke: "#cc79a7", width: 2, scale: "risk" },
        ],
        [axis("fires"), axis("risk", 1)],
      ),
      mk(
        "Team value and praise",
        [
          { label: "Team value", stroke: "#009e73", width: 2, scale: "value" },
          { label: "Praise", stroke: "#f0e442", width: 2, scale: "praise" },
        ],
        [axis("value", 3, (v) => formatValue(v)), axis("praise", 1)],
      ),
      mk(
        "Effort split (% of player time)",
        EFFORT_GROUPS.map((s) => ({ label: s.label, stroke: s.color, width: 2, scale: "pct" })),
        [axis("pct", 3, (v) => `${v}%`)],
        { pct: { range: [0, 100] } },
      ),
    ];
    this.sizeCharts();
  }

  private sizeCharts(): void {
    const w = Math.max(260, this.els.charts!.clientWidth);
    const per = w >= 1100 ? Math.floor(w / 3) - 12 : w >= 700 ? Math.floor(w / 2) - 12 : w - 4;
    for (const c of this.charts) c.setSize({ width: per, height: 190 });
  }

  private onTimeline(t: { round: number; from: number; fires: number[]; risk: number[]; value: number[]; praise: number[]; effort: number[] }): void {
    if (t.round !== this.timelineRound || t.from === 0) {
      this.timelineRound = t.round;
      this.timeline = { fires: [], risk: [], value: [], praise: [], effort: [] };
    }
    const tl = this.timeline;
    for (const k of ["fires", "risk", "value", "praise"] as const) {
      tl[k].length = t.from;
      tl[k].push(...t[k]);
    }
    tl.effort.length = t.from;
    const n = EFFORTS.length;
    for (let i = 0; i < t.fires.length; i++) tl.effort.push(t.effort.slice(i * n, i * n + n));
    const x = tl.fires.map((_, i) => i);
    const perSecond = tl.effort.map((row) => groupShares(row));
    const shares = EFFORT_GROUPS.map((_, g) => perSecond.map((row) => Math.round(row[g]!)));
    const riskMax = getScenario(this.frame?.scenario ?? "")?.risk.max ?? 0;
    this.charts[0]!.setData([x, tl.fires, tl.risk.map((r) => firesWaiting(riskMax, r))]);
    this.charts[1]!.setData([x, tl.value, tl.praise]);
    this.charts[2]!.setData([x, ...shares]);
  }

  private render(f: Frame): void {
    this.frame = f;
    const hosted = f.hosted;
    if (!hosted) return;
    const e = this.els;
    const stageText: Record<string, string> = {
      lobby: "Lobby: people are joining",
      countdown: `Starting in ${f.countdown} s`,
      playing: "Round in progress",
      ended: `Round over (${f.ended === "host" ? "ended by you" : f.ended === "collapse" ? "collapsed" : "time up"})`,
    };
    // A round the store has not accepted yet is said where the host looks first.
    e.stage!.textContent = `Round ${hosted.round} · ${hosted.paused ? "PAUSED" : (stageText[f.stage] ?? f.stage)}${hosted.unsaved ? ` · ⚠ ${hosted.unsaved}` : ""}`;
    e.stage!.className = `stage ${f.stage}${hosted.paused ? " paused" : ""}`;
    e.clock!.textContent = roundClock(f).text;
    e.phaseName!.textContent = f.phaseName;
    e.teamValue!.textContent = formatValue(f.value);
    const show = (id: string, on: boolean) => ((e[id] as HTMLButtonElement).disabled = !on);
    const running = f.stage === "playing" || f.stage === "countdown";
    show("start", f.stage === "lobby");
    show("cancel", f.stage === "countdown");
    (e.countdown as HTMLSelectElement).disabled = f.stage !== "lobby";
    show("pause", running && !hosted.paused);
    show("resume", hosted.paused);
    show("end", f.stage === "playing");
    show("nextPhase", f.stage === "playing");
    show("nextRound", f.stage === "ended");
    const between = f.stage === "lobby" || f.stage === "ended";
    show("apply", between);
    e.settingsNote!.textContent = between
      ? f.stage === "ended"
        ? "Applies when you start the next round."
        : "Everyone's map follows these at once."
      : "Settings can change between rounds.";
    e.lock!.textContent = hosted.locked ? "Unlock room" : "Lock room";
    e.lock!.classList.toggle("danger", hosted.locked);
    e.currentMessage!.textContent = hosted.message ? `Showing: “${hosted.message}”` : "No message showing.";
    if (document.activeElement !== e.board) (e.board as HTMLSelectElement).value = hosted.board;
    if (document.activeElement !== e.hostDrop) (e.hostDrop as HTMLSelectElement).value = hosted.hostDrop;
    if (!this.dirty) this.fillSettings(f);
    this.renderPeople(f);
  }

  /** What the form shows is what runs: settings changed but not applied are applied on the way. */
  private start(countdownSeconds: number): void {
    if (this.dirty) this.settingsForm?.requestSubmit();
    this.send({ command: "start", countdownSeconds });
  }

  private fillSettings(f: Frame): void {
    const hosted = f.hosted!;
    const e = this.els as Record<string, HTMLInputElement | HTMLSelectElement>;
    if (e.scenario!.value !== hosted.nextScenario && SCENARIOS[hosted.nextScenario]) {
      e.scenario!.value = hosted.nextScenario;
      e.scenario!.dispatchEvent(new Event("change"));
    }
    e.duration!.value = String(hosted.duration);
    e.exponent!.value = String(hosted.exponentHalves);
    e.spread!.value = String(hosted.spreadPct);
    e.phase!.value = String(hosted.startPhase);
    e.seats!.value = String(hosted.seats);
    this.dirty = false;
  }

  private renderPeople(f: Frame): void {
    const hosted = f.hosted!;
    const rows: HTMLElement[] = [];
    const people = f.players.filter((p) => !p.bot);
    const bots = f.players.filter((p) => p.bot);
    const kick = (key: string, name: string) =>
      h(
        "button",
        {
          type: "button",
          class: "link danger-text",
          "aria-label": `Remove ${name}`,
          onclick: () => confirm(`Remove ${name} from the room?`) && this.send({ command: "kick", key }),
        },
        "Remove",
      );
    for (const p of people)
      rows.push(
        h(
          "tr",
          { class: p.status },
          h("td", {}, p.name),
          h("td", {}, `Seat ${p.seat + 1}`),
          h("td", {}, statusBadge(p.status)),
          h("td", { class: "num" }, p.praise),
          h("td", {}, p.status === "left" ? "" : kick(p.key, p.name)),
        ),
      );
    for (const w of hosted.watchers)
      rows.push(
        h(
          "tr",
          { class: w.status },
          h("td", {}, w.name),
          h("td", {}, w.role === "screen" ? "Projector" : "Watching"),
          h("td", {}, statusBadge(w.status)),
          h("td", { class: "num" }, ""),
          h("td", {}, kick(w.key, w.name)),
        ),
      );
    for (const p of bots)
      rows.push(
        h(
          "tr",
          { class: "bot" },
          h("td", {}, p.name),
          h("td", {}, `Seat ${p.seat + 1}`),
          h("td", {}, h("span", { class: "badge left" }, "bot")),
          h("td", { class: "num" }, p.praise),
          h("td", {}, ""),
        ),
      );
    if (rows.length === 0) rows.push(h("tr", {}, h("td", { colspan: 5, class: "muted" }, "Nobody yet. Share the code, the link or the QR code.")));
    this.els.people!.replaceChildren(...rows);
    const present = people.filter((p) => p.status !== "left").length;
    this.els.peopleCount!.textContent = `· ${present} playing, ${hosted.watchers.filter((w) => w.role !== "screen").length} watching${hosted.hostOnline ? "" : ""}`;
  }

  private renderRounds(rounds: RoundRow[]): void {
    const body = this.els.rounds!;
    if (rounds.length === 0) return void body.replaceChildren(h("tr", {}, h("td", { colspan: 8, class: "muted" }, "No round finished yet.")));
    body.replaceChildren(
      ...rounds.map((r) => {
        const people = r.players;
        const { praised, good, goodKind } = headlines(people);
        const goodCell = good ? `${creditName(good)}${goodKind === "least harm" ? " (least harm)" : ""}` : "—";
        return h(
          "tr",
          {},
          h("td", {}, r.round),
          h("td", {}, SCENARIOS[r.scenario]?.name ?? r.scenario),
          h("td", {}, r.ended === "host" ? "by you" : r.ended === "collapse" ? "collapsed" : "time up"),
          h("td", { class: "num" }, formatClock(r.seconds)),
          h("td", { class: "num" }, formatValue(r.value)),
          h("td", {}, praised ? creditName(praised) : "—"),
          h("td", {}, goodCell),
          h(
            "td",
            {},
            h("button", { type: "button", class: "secondary", "data-testid": `debrief-${r.round}`, onclick: () => this.workbench.open(r.round) }, "Debrief"),
          ),
        );
      }),
    );
  }
}

interface RoundRow {
  round: number;
  scenario: string;
  seed: number;
  ended: string;
  seconds: number;
  value: number;
  hash: string;
  players: { name: string; bot: string | null; praise: number; net: number }[];
}

function card(title: string | HTMLElement, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

/** A labelled setting, with one line in a facilitator's words under it when it needs one. */
function field(label: string, input: HTMLElement, help?: string): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input, ...(help ? [h("small", { class: "help" }, help)] : []));
}

function statusBadge(status: string): HTMLElement {
  const text: Record<string, string> = { playing: "connected", burntOut: "burnt out", away: "dropped", left: "left", watching: "connected" };
  return h("span", { class: `badge ${status}` }, text[status] ?? status);
}

// ---- start ----
const params = new URLSearchParams(location.search);
const wanted = tidyCode(params.get("code") ?? "");
const sessionParam = params.get("session");
const workshopParam = tidyCode(params.get("workshop") ?? "");
if (params.get("new") === "workshop") {
  root.replaceChildren(h("p", { class: "muted" }, "Creating a workshop…"));
  createRoom(undefined, true).then(
    (c) => openWorkshopPage(c.code),
    (e: Error) => landing(`Could not create a workshop: ${e.message}`),
  );
} else if (workshopParam) openWorkshopPage(workshopParam);
else if (params.get("new") === "1") {
  root.replaceChildren(h("p", { class: "muted" }, "Creating a room…"));
  createRoom().then(
    (c) => open(c.code),
    (e: Error) => landing(`Could not create a room: ${e.message}`),
  );
} else if (sessionParam) void reopen(sessionParam);
else if (wanted) open(wanted);
else landing();
