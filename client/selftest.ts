// Plays a bot game on the shared rules inside the browser, so a test can compare its hash
// with the same game in Node: the rules must be bit-exact across engines.
import { type BotKind, getScenario, stateHash } from "../shared/index.js";
import { playBots } from "../shared/bots/match.js";

const q = new URLSearchParams(location.search);
const scenario = getScenario(q.get("scenario") ?? "startup");
const seed = Number(q.get("seed") ?? 1);
const team = (q.get("team") ?? "hero,balanced,preventer,hero").split(",") as BotKind[];
const out = document.getElementById("result")!;
if (!scenario) out.textContent = "error: unknown scenario";
else {
  const { state } = playBots(scenario, seed, team);
  out.textContent = `${stateHash(state)} ${state.tick}`;
  out.dataset.done = "1";
}
