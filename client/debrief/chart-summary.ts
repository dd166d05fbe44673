// The numbers a sighted person reads off a chart, in sentences: where each line peaked and
// where it ended (or stands now), the effort split in percent, the marks drawn on it. Pure:
// series in, words out, in the page's language. The debrief's charts and the host console's
// live charts both say themselves with these.
import { EFFORTS, type DebriefRound } from "../../shared/index.js";
import { num, t } from "../i18n/index.js";
import { shownName } from "../i18n/player-names.js";
import { formatClock } from "../ui/dom.js";
import { EFFORT_GROUPS, groupShares } from "./efforts.js";

export interface Line {
  label: string;
  values: readonly number[];
  /** How a value is written: a count by default; team value as players see it (formatValue). */
  fmt?: (v: number) => string;
  /** A running total (praise) has no peak worth naming: only where it stands. */
  total?: boolean;
}

/** The first highest point: its value and its second (the chart's x, one point a second). */
export function peakOf(values: readonly number[]): { value: number; at: number } {
  let at = 0;
  values.forEach((v, i) => v > values[at]! && (at = i));
  return { value: values[at] ?? 0, at };
}

/** One sentence per line; `live` says "now" for the last point, a finished round says "at the end".
 *  A line that ends at its highest says so rather than naming the same figure twice. */
export function lineText(line: Line, live: boolean): string {
  const fmt = line.fmt ?? ((v: number) => num(v));
  const lastValue = line.values.at(-1) ?? 0;
  const last = { label: line.label, now: fmt(lastValue), end: fmt(lastValue) };
  const peak = peakOf(line.values);
  if (line.total || peak.value <= 0) return t(live ? "chartText.now" : "chartText.end", last);
  // Compared as written: a peak a rounding away from the end is the end.
  if (last.now === fmt(peak.value)) return t(live ? "chartText.nowAtPeak" : "chartText.endAtPeak", last);
  const p = { ...last, peak: fmt(peak.value), at: formatClock(peak.at) };
  return t(live ? "chartText.nowPeak" : "chartText.peakEnd", p);
}

/** A percentage as the language writes it ("62%", "62 %"). */
export const percent = (share: number): string => num(Math.round(share) / 100, { style: "percent" });

/** The effort groups' shares ("Extinguish 62%; Invest 20%; …"); groups with none left out. */
export function sharesText(shares: readonly number[]): string {
  const parts = EFFORT_GROUPS.flatMap((g, i) => (Math.round(shares[i] ?? 0) > 0 ? [t("chartText.share", { label: g.label, pct: percent(shares[i]!) })] : []));
  return parts.length > 0 ? parts.join("; ") : t("chartText.noEffort");
}

/** Counters summed over the whole span (EFFORTS.length per step, flattened). */
export function summed(row: readonly number[]): number[] {
  const n = EFFORTS.length;
  const out = new Array<number>(n).fill(0);
  row.forEach((v, k) => (out[k % n]! += v));
  return out;
}

/** The debrief's effort chart: the split over the round, and the bin where firefighting peaked. */
export function effortText(perBin: readonly (readonly number[])[], binSeconds: number, whole: readonly number[]): string {
  const out = [t("chartText.whole", { shares: sharesText(groupShares(whole)) })];
  const fighting = perBin.map((s) => Math.round(s[0] ?? 0));
  const peak = peakOf(fighting);
  if (peak.value > 0) out.push(t("chartText.highest", { label: EFFORT_GROUPS[0]!.label, pct: percent(peak.value), at: formatClock(peak.at * binSeconds) }));
  return out.join(" ");
}

/** The effort strips: each player's split over the round, in the strips' order. */
export function stripsText(r: DebriefRound, you: number | null): string {
  return r.players
    .map((p, row) => {
      const name = p.seat === you ? t("common.withYou", { name: shownName(p) }) : shownName(p);
      return t("chartText.strip", { name, shares: sharesText(groupShares(summed(r.effortBins[row] ?? []))) });
    })
    .join(" ");
}

/** The dashed marks a chart draws: where the round tipped, where a what-if starts. */
export function marksText(tipping: number | null, whatIfFrom: number | null = null): string {
  const out: string[] = [];
  if (tipping !== null) out.push(t("chartText.tipped", { time: formatClock(tipping) }));
  if (whatIfFrom !== null && whatIfFrom > 0) out.push(t("chartText.whatIfFrom", { time: formatClock(whatIfFrom) }));
  return out.join(" ");
}

/** Sentences into one text, none empty. */
export const sentences = (...parts: string[]): string => parts.filter((p) => p !== "").join(" ");
