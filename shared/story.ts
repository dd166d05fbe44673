// The results' sentence about *you*: your praise, then what your quick fixes and dust started
// later and what that cost the team, from the rules' own attribution (firesCaused and
// damageCharged in each player's stats). Pure, so every screen and the tests say the same.
import type { PlayerSummary } from "./summary.js";

/** Value units → the figure players see (healthy tile-seconds / 10), as the HUD prints it. */
export function valueFigure(v: number): string {
  return Math.round(v / 1000).toLocaleString("en-US");
}

type StoryPlayer = Pick<PlayerSummary, "seat" | "praise" | "saves" | "firesCaused" | "indirect" | "net" | "effort">;

/** Whose work a fire came from, in the player's terms. */
function source(p: StoryPlayer): string {
  const fixes = p.saves > 0;
  const dust = (p.effort.sprint ?? 0) > 0;
  if (fixes && dust) return "Embers from your quick fixes and dust from your sprinting";
  if (fixes) return "Embers from your quick fixes";
  if (dust) return "Dust from your sprinting";
  return "Risk you left behind";
}

/** Two or three short sentences about the player in `seat`, or null if they had no seat. */
export function storyOf(players: readonly StoryPlayer[], seat: number | null | undefined): string | null {
  const p = players.find((x) => x.seat === seat);
  if (!p) return null;
  const out = [p.praise > 0 ? `You earned ${p.praise} praise.` : "You earned no praise."];
  if (p.firesCaused > 0) {
    const fires = p.firesCaused === 1 ? "1 fire" : `${p.firesCaused} fires`;
    const cost = valueFigure(p.indirect);
    out.push(`${source(p)} started ${fires} later${cost !== "0" ? `, which cost the team ${cost} value` : ""}.`);
  } else if (p.saves > 0) out.push("None of your quick fixes started a fire later.");
  const net = valueFigure(Math.abs(p.net));
  if (net !== "0") out.push(p.net > 0 ? `All told, your work added ${net} value.` : `All told, your work cost the team ${net} value.`);
  return out.join(" ");
}
