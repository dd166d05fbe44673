// The workshop console once the teams are open: the same round settings for every team, and
// commands for all of them at once.
import type { BotKind } from "../../shared/index.js";
import type { HostCommand } from "../../shared/protocol/index.js";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import { h } from "../ui/dom.js";
import type { TeamCard } from "./team-card.js";

export interface EveryTeam {
  cards(): Iterable<TeamCard>;
  toast(text: string): void;
}

export function everyTeamCard(teams: EveryTeam): HTMLElement {
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
  scenario.addEventListener("change", () => (duration.value = String(SCENARIOS[scenario.value]!.durationSeconds)));
  /** Sends the form's settings to the teams in the lobby; `quiet` when a start does it on the way. */
  const apply = (quiet = false) => {
    const seed = Math.floor(Math.random() * 0xffffffff);
    for (const card of teams.cards()) {
      if (!card.inLobby()) continue;
      card.send({
        command: "settings",
        scenario: scenario.value,
        durationSeconds: Number(duration.value),
        seats: Number(seats.value),
        bots: bots.value.split(",") as BotKind[],
        // The same map and luck for every team by default, so differences come from play.
        seed: sameSeed.checked ? seed : Math.floor(Math.random() * 0xffffffff),
      });
    }
    if (quiet) return;
    teams.toast(sameSeed.checked ? `Every team plays seed ${seed}.` : "Each team plays its own seed.");
  };
  const all = (command: HostCommand) => () => {
    for (const card of teams.cards()) card.send(command);
  };
  // What the form shows is what runs: starting applies it first to every team still waiting,
  // so a facilitator who never pressed Apply does not get last round's (or the default) settings.
  const startAll = () => {
    apply(true);
    all({ command: "start", countdownSeconds: 5 })();
    const label = scenario.selectedOptions[0]?.textContent ?? "";
    teams.toast(
      `Starting every team: ${label}, ${duration.value} s${sameSeed.checked ? ", the same map for every team" : ", a map of its own for each team"}.`,
    );
  };
  const showOwnDebriefs = () => {
    for (const card of teams.cards()) {
      const round = card.lastFinishedRound();
      if (round) card.send({ command: "debrief", rounds: [round] });
    }
  };
  return h(
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
      h("button", { type: "button", class: "secondary", onclick: showOwnDebriefs }, "Show each team its debrief"),
    ),
  );
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input);
}
