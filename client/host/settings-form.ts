// The next round's settings in the host console. The form shows what the room will run: it
// follows the room until the host edits it, and an edit not yet applied is applied when the
// round starts.
import type { BotKind } from "../../shared/index.js";
import type { HostCommand } from "../../shared/protocol/index.js";
import { MAX_HOSTED_PLAYERS } from "../../shared/protocol/index.js";
import { SCENARIOS, SCENARIO_IDS } from "../../shared/index.js";
import type { Frame, HostedInfo } from "../net/frame.js";
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
    h("option", { value: 2 }, "steady"),
    h("option", { value: 3 }, "faster as it grows (normal)"),
    h("option", { value: 4 }, "explosive"),
  );
  private readonly spread = h("input", { id: "s-spread", type: "number", min: 0, max: 400, step: 10 });
  private readonly phase = h("select", { id: "s-phase" });
  private readonly seats = h("input", { id: "s-seats", type: "number", min: 1, max: MAX_HOSTED_PLAYERS });
  private readonly bots = h(
    "select",
    { id: "s-bots" },
    h("option", { value: "balanced,hero,preventer" }, "a mix (balanced, hero, preventer)"),
    h("option", { value: "hero" }, "heroes"),
    h("option", { value: "preventer" }, "preventers"),
    h("option", { value: "balanced" }, "balanced"),
    h("option", { value: "firefighter" }, "firefighters (nearest fire first)"),
    h("option", { value: "idle" }, "idle (stand still)"),
  );
  private readonly apply = h("button", { type: "submit", class: "primary", "data-testid": "host-apply" }, "Apply to the next round");
  private readonly note = h("p", { class: "muted small" });

  constructor(private readonly send: Send) {
    this.scenario.addEventListener("change", () => this.scenarioChosen());
    this.el = h(
      "form",
      { class: "settings" },
      field("Scenario", this.scenario, "Which organisation the team looks after, and how it grows."),
      field("Length (seconds)", this.duration, "How long the round lasts if nothing collapses first."),
      field(
        "How fast fires multiply",
        this.exponent,
        "How much faster new fires start as hidden risk and fires pile up. “Faster as it grows” is the lesson’s default.",
      ),
      field("Fire spread (% of normal)", this.spread, "How readily a fire jumps to the tiles next to it: 100 is normal, 50 half as often."),
      field("Starting phase", this.phase, "Start small, or skip ahead to a grown organisation."),
      field("Players in the round", this.seats, "People take seats first; bots play any seat left empty."),
      field("Bots", this.bots, "How the bots in empty seats play."),
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
    this.note.textContent = between
      ? f.stage === "ended"
        ? "Applies when you start the next round."
        : "Everyone's map follows these at once."
      : "Settings can change between rounds.";
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
    this.phase.replaceChildren(...sc.phases.map((p, i) => h("option", { value: i }, p.name)));
  }
}
