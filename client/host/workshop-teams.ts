// The workshop console while teams form: one column per team, people dragged between them (or
// moved with the list beside a name), team names edited in place, teams added and removed.
import type { WorkshopCommand } from "../../shared/protocol/index.js";
import { TEAM_SIZE_MAX, TEAM_SIZE_MIN } from "../../shared/protocol/index.js";
import type { WorkshopParticipant, WorkshopView } from "../net/workshop.js";
import { h } from "../ui/dom.js";

type Send = (command: WorkshopCommand) => void;

export class TeamForming {
  readonly el: HTMLElement;
  private readonly count = h("span", { class: "muted" });
  private readonly columns = h("div", { class: "ws-teams", "data-testid": "ws-teams" });

  constructor(private readonly send: Send) {
    const size = h(
      "select",
      { "aria-label": "People per team", "data-testid": "ws-size" },
      ...Array.from({ length: TEAM_SIZE_MAX - TEAM_SIZE_MIN + 1 }, (_, i) => TEAM_SIZE_MIN + i).map((n) =>
        h("option", { value: n, selected: n === 4 }, `${n} per team`),
      ),
    );
    this.el = h(
      "section",
      { class: "card" },
      h("h2", {}, "Teams ", this.count),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          { type: "button", class: "primary", "data-testid": "ws-form", onclick: () => send({ command: "form", size: Number(size.value) }) },
          "Form teams automatically",
        ),
        size,
        h("button", { type: "button", class: "secondary", onclick: () => send({ command: "addTeam" }) }, "Add a team"),
        h("button", { type: "button", class: "primary", "data-testid": "ws-open", onclick: () => send({ command: "open" }) }, "Open the teams' rooms"),
      ),
      h(
        "p",
        { class: "muted small" },
        "Drag people between teams (or pick a team from the list beside a name). Names can be edited until the teams open; people who arrive later join the smallest team.",
      ),
      this.columns,
    );
  }

  /** The head count, on every state change (also once the teams are open). */
  counted(st: WorkshopView): void {
    const n = st.people.size;
    this.count.textContent = `· ${n} ${n === 1 ? "person" : "people"}, ${st.teams.size} teams`;
  }

  render(st: WorkshopView): void {
    const people = [...st.people.entries()];
    const cols: HTMLElement[] = [];
    for (const t of st.teams.values()) {
      const name = h("input", { type: "text", value: t.name, maxlength: 24, "aria-label": "Team name", class: "ws-name" });
      name.addEventListener("change", () => this.send({ command: "rename", team: t.id, name: name.value }));
      const remove = h(
        "button",
        { type: "button", class: "link", title: "Remove this (empty) team", onclick: () => this.send({ command: "removeTeam", team: t.id }) },
        "×",
      );
      cols.push(this.column(st, people, t.id, h("div", { class: "row" }, name, remove)));
    }
    const unplaced = people.filter(([, p]) => !st.teams.has(p.team));
    if (unplaced.length > 0 || st.teams.size === 0) cols.unshift(this.column(st, people, "", st.teams.size === 0 ? "Here so far" : "Not in a team yet"));
    // Keep focus in a name field that is being edited.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && this.columns.contains(focused) && focused.classList.contains("ws-name")) return;
    this.columns.replaceChildren(...cols);
  }

  private column(st: WorkshopView, people: [string, WorkshopParticipant][], teamId: string, title: HTMLElement | string): HTMLElement {
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
      const key = ev.dataTransfer?.getData("text/plain");
      if (key && teamId) this.send({ command: "move", key, team: teamId });
    });
    for (const [key, p] of members) {
      const pick = h(
        "select",
        { "aria-label": `Team for ${p.name}` },
        ...[...st.teams.values()].map((t) => h("option", { value: t.id, selected: t.id === p.team }, t.name)),
      );
      pick.addEventListener("change", () => this.send({ command: "move", key, team: pick.value }));
      const chip = h("div", { class: `ws-chip ${p.status}`, draggable: "true", "data-key": key }, h("span", {}, p.name), pick);
      chip.addEventListener("dragstart", (ev) => ev.dataTransfer?.setData("text/plain", key));
      col.append(chip);
    }
    return col;
  }
}
