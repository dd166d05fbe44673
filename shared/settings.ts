// A hosted round's settings: the facilitator's choices for the next round and how a change
// merges into them. A rule, not room policy: the console shows what a change will do before
// sending it, and the room applies exactly the same merge.
import { type Customisation, customise } from "./customise.js";
import type { RoundSettingsInput } from "./protocol/commands.js";
import { MAX_HOSTED_PLAYERS } from "./protocol/wire.js";
import type { Scenario } from "./scenario.js";
import { getScenario } from "./scenarios/index.js";
import type { BotKind } from "./state.js";

export interface RoundSettings {
  scenarioId: string;
  customisation: Customisation;
  /** Seats that bots fill up to when the round starts. */
  seats: number;
  bots: BotKind[];
  /** Null: a new random seed every round. */
  seed: number | null;
}

export const DEFAULT_ROUND_SETTINGS: Readonly<RoundSettings> = {
  scenarioId: "classic",
  customisation: {},
  seats: 4,
  bots: ["balanced", "hero", "preventer"],
  seed: null,
};

/** Seats a round fills by default: the scenario's team, within a hosted room's seats. */
export function defaultSeats(base: Scenario): number {
  return Math.min(MAX_HOSTED_PLAYERS, base.teamSize);
}

export type SettingsResult = { ok: true; settings: RoundSettings } | { ok: false; error: string };

/**
 * The settings after a change. A new scenario starts from its own defaults; otherwise the
 * earlier choices carry over, except that a new starting phase drops a length chosen for the
 * old one (the scenario's own length from that phase applies). Checked with customise().
 */
export function mergeSettings(current: RoundSettings, input: RoundSettingsInput): SettingsResult {
  const scenarioId = input.scenario ?? current.scenarioId;
  const base = getScenario(scenarioId);
  if (!base) return { ok: false, error: `unknown scenario "${scenarioId}"` };
  const changedScenario = scenarioId !== current.scenarioId;
  const customisation: Customisation = changedScenario ? {} : { ...current.customisation };
  if (input.durationSeconds !== undefined) customisation.durationSeconds = input.durationSeconds;
  if (input.exponentHalves !== undefined) customisation.exponentHalves = input.exponentHalves;
  if (input.spreadPct !== undefined) customisation.spreadPct = input.spreadPct;
  if (input.startPhase !== undefined) customisation.startPhase = input.startPhase;
  if (input.startPhase !== undefined && !changedScenario && input.durationSeconds === undefined) delete customisation.durationSeconds;
  const check = customise(base, customisation);
  if (!check.ok) return check;
  return {
    ok: true,
    settings: {
      scenarioId,
      customisation,
      seats: input.seats ?? (changedScenario ? defaultSeats(base) : current.seats),
      bots: input.bots ?? current.bots,
      seed: input.seed ?? current.seed,
    },
  };
}

/** The built-in scenario the settings name, and the rules' scenario after the host's changes. */
export function settingsScenario(settings: RoundSettings): { base: Scenario; scenario: Scenario } {
  const base = getScenario(settings.scenarioId)!;
  const custom = customise(base, settings.customisation);
  // Settings are checked with mergeSettings() before they are kept; this cannot fail.
  return { base, scenario: custom.ok ? custom.scenario : base };
}
