// Words for a round's outcome and turning point, shared by every debrief screen.
import type { DebriefRound, DebriefWhatIf } from "../../shared/index.js";
import { formatClock, formatValue } from "../ui/dom.js";

export function outcome(r: Pick<DebriefRound, "ended" | "seconds">): string {
  if (r.ended === "collapse") return `collapsed at ${formatClock(r.seconds)}`;
  if (r.ended === "host") return `ended by the host at ${formatClock(r.seconds)}`;
  return `held out to the end (${formatClock(r.seconds)})`;
}

export function tippingText(r: Pick<DebriefRound, "tipping">): string {
  if (r.tipping === null) return "Never tipped: however busy it got, the fires never spiralled away from the team.";
  return `Tipped at ${formatClock(r.tipping)}: from then on more fires burned than there were people to fight them, nobody was left to prevent the next ones, and they spiralled.`;
}

const TEAM_NAMES: Record<string, string> = {
  balanced: "balanced players",
  hero: "heroes",
  preventer: "preventers",
  firefighter: "firefighters",
  idle: "people standing still",
};

export function whatIfTitle(w: Pick<DebriefWhatIf, "team" | "fromSecond">): string {
  const who = TEAM_NAMES[w.team] ?? w.team;
  return w.fromSecond === 0 ? `What if every seat had been ${who} from the start?` : `What if every seat had been ${who} from ${formatClock(w.fromSecond)}?`;
}

/** The outcome in a table cell. */
export function outcomeShort(r: Pick<DebriefRound, "ended" | "seconds">): string {
  const at = formatClock(r.seconds);
  return r.ended === "collapse" ? `collapsed ${at}` : r.ended === "host" ? `ended ${at}` : `time up ${at}`;
}

/** A value with a true minus sign (tables and cards). */
export function signed(v: number): string {
  const text = formatValue(Math.abs(v));
  return v < 0 && text !== "0" ? `−${text}` : text;
}
