// The built-in scenarios, validated once when this module loads so a bad edit fails fast.
import { parseScenario, type Scenario } from "../scenario.js";
import classic from "./classic.json";
import startup from "./startup.json";
import workshop from "./workshop.json";

function load(data: unknown): Scenario {
  const r = parseScenario(data);
  if (!r.ok) throw new Error(`built-in scenario is invalid: ${r.error}`);
  return r.scenario;
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.freeze({
  startup: load(startup),
  workshop: load(workshop),
  classic: load(classic),
});

export const SCENARIO_IDS = Object.keys(SCENARIOS);

export function getScenario(id: string): Scenario | undefined {
  return Object.prototype.hasOwnProperty.call(SCENARIOS, id) ? SCENARIOS[id] : undefined;
}
