// Words for a round's outcome and turning point, shared by every debrief screen.
import type { DebriefRound, DebriefWhatIf } from "../../shared/index.js";
import { type Key, t } from "../i18n/index.js";
import { formatClock, formatValue } from "../ui/dom.js";

/** How the round ended, in a sentence with the team's value. */
export function outcome(r: Pick<DebriefRound, "ended" | "seconds" | "finalValue">): string {
  const key = r.ended === "collapse" ? "debrief.collapsedAt" : r.ended === "host" ? "debrief.hostEndedAt" : "debrief.heldOut";
  return t(key, { time: formatClock(r.seconds), value: formatValue(r.finalValue) });
}

export function tippingText(r: Pick<DebriefRound, "tipping">): string {
  return r.tipping === null ? t("debrief.neverTipped") : t("debrief.tippedAt", { time: formatClock(r.tipping) });
}

const TEAM_NAMES: Record<string, Key> = {
  balanced: "debrief.teamBalanced",
  hero: "debrief.teamHero",
  preventer: "debrief.teamPreventer",
  firefighter: "debrief.teamFirefighter",
  idle: "debrief.teamIdle",
};

export function whatIfTitle(w: Pick<DebriefWhatIf, "team" | "fromSecond">): string {
  const who = TEAM_NAMES[w.team] ? t(TEAM_NAMES[w.team]!) : w.team;
  return w.fromSecond === 0 ? t("debrief.whatIfStart", { who }) : t("debrief.whatIfFrom", { who, time: formatClock(w.fromSecond) });
}

/** The outcome in a table cell. */
export function outcomeShort(r: Pick<DebriefRound, "ended" | "seconds">): string {
  const at = formatClock(r.seconds);
  return t(r.ended === "collapse" ? "debrief.shortCollapsed" : r.ended === "host" ? "debrief.shortEnded" : "debrief.shortTimeUp", { time: at });
}

/** A value with a true minus sign (tables and cards). */
export function signed(v: number): string {
  const text = formatValue(Math.abs(v));
  return v < 0 && text !== "0" ? `−${text}` : text;
}
