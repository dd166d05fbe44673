// The workshop console while teams form: one column per team, people dragged between them (or
// moved with the list beside a name), team names edited in place, teams added and removed.
import type { WorkshopCommand } from "../../shared/protocol/index.js";
import { TEAM_SIZE_MAX, TEAM_SIZE_MIN } from "../../shared/protocol/index.js";
import type { WorkshopParticipant, WorkshopView } from "../net/workshop.js";
import { FocusKeeper } from "../a11y/focus.js";
import { t } from "../i18n/index.js";
import { h } from "../ui/dom.js";

type Send = (command: WorkshopCommand) => void;

export class TeamForming {
  readonly el: HTMLElement;
  private readonly count = h("span", { class: "muted" });
  private readonly columns = h("div", { class: "ws-teams", "data-testid": "ws-teams" });
  private readonly focus: FocusKeeper;

  constructor(private readonly send: Send) {
    const size = h(
      "select",
      { "aria-label": t("workshop.perTeam"), "data-testid": "ws-size" },
      ...Array.from({ length: TEAM_SIZE_MAX - TEAM_SIZE_MIN + 1 }, (_, i) => TEAM_SIZE_MIN + i).map((n) =>
        h("option", { value: n, selected: n === 4 }, t("workshop.nPerTeam", { n })),
      ),
    );
    this.el = h(
      "section",
      { class: "card" },
      h("h2", {}, t("workshop.teams"), this.count),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          { type: "button", class: "primary", "data-testid": "ws-form", onclick: () => send({ command: "form", size: Number(size.value) }) },
          t("workshop.form"),
        ),
        size,
        h("button", { type: "button", class: "secondary", onclick: () => send({ command: "addTeam" }) }, t("workshop.addTeam")),
        h("button", { type: "button", class: "primary", "data-testid": "ws-open", onclick: () => send({ command: "open" }) }, t("workshop.open")),
      ),
      h("p", { class: "muted small" }, t("workshop.formHelp")),
      this.columns,
    );
    // The columns are drawn again on every change: a focused control is found again by what it is for.
    this.focus = new FocusKeeper(this.el, (gone) => this.columns.querySelector(`[data-focus="${gone.dataset.focus ?? ""}"]`));
  }

  /** The head count, on every state change (also once the teams are open). */
  counted(st: WorkshopView): void {
    const n = st.people.size;
    this.count.textContent = t("workshop.count", { count: n }) + t("workshop.teamCount", { count: st.teams.size });
  }

  render(st: WorkshopView): void {
    const people = [...st.people.entries()];
    const cols: HTMLElement[] = [];
    for (const team of st.teams.values()) {
      const name = h("input", {
        type: "text",
        value: team.name,
        maxlength: 24,
        "aria-label": t("workshop.teamName"),
        class: "ws-name",
        "data-focus": `name:${team.id}`,
      });
      name.addEventListener("change", () => this.send({ command: "rename", team: team.id, name: name.value }));
      const remove = h(
        "button",
        {
          type: "button",
          class: "link",
          title: t("workshop.removeTeam"),
          "aria-label": t("workshop.removeTeamNamed", { name: team.name }),
          "data-focus": `remove:${team.id}`,
          onclick: () => this.send({ command: "removeTeam", team: team.id }),
        },
        "×",
      );
      cols.push(this.column(st, people, team.id, h("div", { class: "row" }, name, remove)));
    }
    const unplaced = people.filter(([, p]) => !st.teams.has(p.team));
    if (unplaced.length > 0 || st.teams.size === 0)
      cols.unshift(this.column(st, people, "", t(st.teams.size === 0 ? "workshop.hereSoFar" : "workshop.notInTeam")));
    // Keep focus in a name field that is being edited.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && this.columns.contains(focused) && focused.classList.contains("ws-name")) return;
    this.columns.replaceChildren(...cols);
    this.focus.settle();
  }

  private column(st: WorkshopView, people: [string, WorkshopParticipant][], teamId: string, title: HTMLElement | string): HTMLElement {
    const members = people.filter(([, p]) => p.team === teamId);
    const col = h(
      "div",
      { class: "ws-team", "data-team": teamId },
      typeof title === "string" ? h("h3", {}, title) : title,
      h("span", { class: "muted small" }, t("workshop.members", { count: members.length })),
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
        { "aria-label": t("workshop.teamFor", { name: p.name }), "data-focus": `move:${key}` },
        ...[...st.teams.values()].map((team) => h("option", { value: team.id, selected: team.id === p.team }, team.name)),
      );
      pick.addEventListener("change", () => this.send({ command: "move", key, team: pick.value }));
      const chip = h("div", { class: `ws-chip ${p.status}`, draggable: "true", "data-key": key }, h("span", {}, p.name), pick);
      chip.addEventListener("dragstart", (ev) => ev.dataTransfer?.setData("text/plain", key));
      col.append(chip);
    }
    return col;
  }
}
