// The workshop console once the teams are open: the same round settings for every team, and
// commands for all of them at once.
import type { BotKind } from "../../shared/index.js";
import type { HostCommand } from "../../shared/protocol/index.js";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import { t } from "../i18n/index.js";
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
  const seats = h("input", { type: "number", min: 1, max: 16, value: 4, class: "short", "aria-label": t("workshop.seatsLabel") });
  const bots = h(
    "select",
    { "aria-label": t("workshop.bots") },
    h("option", { value: "balanced,hero,preventer" }, t("workshop.botsMix")),
    h("option", { value: "balanced" }, t("workshop.botsBalanced")),
    h("option", { value: "hero" }, t("workshop.botsHero")),
    h("option", { value: "preventer" }, t("workshop.botsPreventer")),
    h("option", { value: "firefighter" }, t("workshop.botsFirefighter")),
    h("option", { value: "idle" }, t("workshop.botsIdle")),
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
    teams.toast(sameSeed.checked ? t("workshop.sameSeed", { seed }) : t("workshop.ownSeed"));
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
    teams.toast(t(sameSeed.checked ? "workshop.startingSame" : "workshop.startingOwn", { scenario: label, n: Number(duration.value) }));
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
    h("h2", {}, t("workshop.everyTeam")),
    h(
      "form",
      { class: "row ws-settings", onsubmit: (ev: Event) => (ev.preventDefault(), apply()) },
      field(t("workshop.scenario"), scenario),
      field(t("workshop.seconds"), duration),
      field(t("workshop.playersPerTeam"), seats),
      field(t("workshop.bots"), bots),
      h("label", { class: "inline" }, sameSeed, t("workshop.sameMap")),
      h("button", { type: "submit", class: "secondary", "data-testid": "ws-apply" }, t("workshop.apply")),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", class: "primary", "data-testid": "ws-start", onclick: startAll }, t("workshop.startAll")),
      h("button", { type: "button", class: "secondary", onclick: all({ command: "pause" }) }, t("workshop.pauseAll")),
      h("button", { type: "button", class: "secondary", onclick: all({ command: "resume" }) }, t("workshop.resumeAll")),
      h("button", { type: "button", class: "danger", onclick: all({ command: "end" }) }, t("workshop.endAll")),
      h("button", { type: "button", class: "secondary", "data-testid": "ws-next", onclick: all({ command: "nextRound" }) }, t("workshop.nextAll")),
      h("button", { type: "button", class: "secondary", onclick: showOwnDebriefs }, t("workshop.debriefs")),
    ),
  );
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input);
}
