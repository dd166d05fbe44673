// The next round's settings in the host console. The form shows what the room will run: it
// follows the room until the host edits it, and an edit not yet applied is applied when the
// round starts.
import type { BotKind } from "../../shared/index.js";
import type { HostCommand } from "../../shared/protocol/index.js";
import { MAX_HOSTED_PLAYERS } from "../../shared/protocol/index.js";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import type { Frame, HostedInfo } from "../net/frame.js";
import { phaseLabel, t } from "../i18n/index.js";
import { h } from "../ui/dom.js";

type Send = (command: HostCommand) => void;

/** A labelled setting, with one line in a facilitator's words under it when it needs one. */
export function field(label: string, input: HTMLElement, help?: string): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), input, ...(help ? [h("small", { class: "help" }, help)] : []));
}

export class SettingsForm {
  readonly el: HTMLFormElement;
  /** Edited since the room last said what it will run. */
  private dirty = false;
  private readonly scenario = h("select", { id: "s-scenario" }, ...SCENARIO_IDS.map((id) => h("option", { value: id }, SCENARIOS[id]!.name)));
  private readonly duration = h("input", { id: "s-duration", type: "number", min: 10, max: 3600, step: 10 });
  private readonly exponent = h(
    "select",
    { id: "s-exponent" },
    h("option", { value: 2 }, t("settings.steady")),
    h("option", { value: 3 }, t("settings.faster")),
    h("option", { value: 4 }, t("settings.explosive")),
  );
  private readonly spread = h("input", { id: "s-spread", type: "number", min: 0, max: 400, step: 10 });
  private readonly phase = h("select", { id: "s-phase" });
  private readonly seats = h("input", { id: "s-seats", type: "number", min: 1, max: MAX_HOSTED_PLAYERS });
  private readonly bots = h(
    "select",
    { id: "s-bots" },
    h("option", { value: "balanced,hero,preventer" }, t("settings.botsMix")),
    h("option", { value: "hero" }, t("settings.botsHero")),
    h("option", { value: "preventer" }, t("settings.botsPreventer")),
    h("option", { value: "balanced" }, t("settings.botsBalanced")),
    h("option", { value: "firefighter" }, t("settings.botsFirefighter")),
    h("option", { value: "idle" }, t("settings.botsIdle")),
  );
  private readonly apply = h("button", { type: "submit", class: "primary", "data-testid": "host-apply" }, t("settings.apply"));
  private readonly note = h("p", { class: "muted small" });

  constructor(private readonly send: Send) {
    this.scenario.addEventListener("change", () => this.scenarioChosen());
    this.el = h(
      "form",
      { class: "settings" },
      field(t("settings.scenario"), this.scenario, t("settings.scenarioHelp")),
      field(t("settings.length"), this.duration, t("settings.lengthHelp")),
      field(t("settings.exponent"), this.exponent, t("settings.exponentHelp")),
      field(t("settings.spread"), this.spread, t("settings.spreadHelp")),
      field(t("settings.startPhase"), this.phase, t("settings.startPhaseHelp")),
      field(t("settings.seats"), this.seats, t("settings.seatsHelp")),
      field(t("settings.bots"), this.bots, t("settings.botsHelp")),
      this.apply,
      this.note,
    );
    this.el.addEventListener("input", () => (this.dirty = true));
    this.el.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.submit();
    });
    this.fillPhases();
  }

  /** What the form shows is what runs: an edit not applied yet is applied on the way to a start. */
  applyEdits(): void {
    // requestSubmit, not submit(): a value outside a field's limits stops it, as Apply would be stopped.
    if (this.dirty) this.el.requestSubmit();
  }

  render(f: Frame, hosted: HostedInfo): void {
    const between = f.stage === "lobby" || f.stage === "ended";
    this.apply.disabled = !between;
    this.note.textContent = between ? (f.stage === "ended" ? t("settings.appliesNext") : t("settings.appliesNow")) : t("settings.betweenRounds");
    if (!this.dirty) this.fill(hosted);
  }

  private submit(): void {
    this.dirty = false;
    this.send({
      command: "settings",
      scenario: this.scenario.value,
      durationSeconds: Number(this.duration.value),
      exponentHalves: Number(this.exponent.value) as 2 | 3 | 4,
      spreadPct: Number(this.spread.value),
      startPhase: Number(this.phase.value),
      seats: Number(this.seats.value),
      bots: this.bots.value.split(",") as BotKind[],
    });
  }

  private fill(hosted: HostedInfo): void {
    if (this.scenario.value !== hosted.nextScenario && SCENARIOS[hosted.nextScenario]) {
      this.scenario.value = hosted.nextScenario;
      this.scenarioChosen();
    }
    this.duration.value = String(hosted.duration);
    this.exponent.value = String(hosted.exponentHalves);
    this.spread.value = String(hosted.spreadPct);
    this.phase.value = String(hosted.startPhase);
    this.seats.value = String(hosted.seats);
  }

  /** A new scenario brings its own phases, length, team size and growth; spread back to normal. */
  private scenarioChosen(): void {
    const sc = SCENARIOS[this.scenario.value]!;
    this.fillPhases();
    this.duration.value = String(sc.durationSeconds);
    this.seats.value = String(Math.min(MAX_HOSTED_PLAYERS, sc.teamSize));
    this.exponent.value = String(sc.ignition.exponentHalves);
    this.spread.value = "100";
    this.phase.value = "0";
  }

  private fillPhases(): void {
    const sc = SCENARIOS[this.scenario.value]!;
    this.phase.replaceChildren(...sc.phases.map((p, i) => h("option", { value: i }, phaseLabel(p.name))));
  }
}
