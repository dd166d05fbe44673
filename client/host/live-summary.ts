// The host console's live charts in words, as they stand this second: each line now and at its
// peak so far, and the effort split lately and over the round so far.
import { lineText, sentences, sharesText, summed } from "../debrief/chart-summary.js";
import { groupShares } from "../debrief/efforts.js";
import { t } from "../i18n/index.js";
import { formatValue } from "../ui/dom.js";

/** The seconds the "lately" split covers (as a workshop team card's bar). */
export const RECENT_SECONDS = 10;

export interface LiveSeries {
  fires: readonly number[];
  /** Fires waiting to happen, per second (hidden risk in fires). */
  waiting: readonly number[];
  value: readonly number[];
  praise: readonly number[];
  /** The team's effort counters per second. */
  effort: readonly (readonly number[])[];
}

export interface LiveTexts {
  fires: string;
  value: string;
  effort: string;
}

export function liveTexts(s: LiveSeries): LiveTexts {
  if (s.fires.length === 0) {
    const empty = t("chartText.empty");
    return { fires: empty, value: empty, effort: empty };
  }
  const recent = s.effort.slice(-RECENT_SECONDS).flat();
  return {
    fires: sentences(lineText({ label: t("charts.fires"), values: s.fires }, true), lineText({ label: t("charts.waiting"), values: s.waiting }, true)),
    value: sentences(
      lineText({ label: t("charts.value"), values: s.value, fmt: formatValue }, true),
      lineText({ label: t("charts.praise"), values: s.praise, total: true }, true),
    ),
    effort: sentences(
      t("chartText.recent", { count: Math.min(RECENT_SECONDS, s.effort.length), shares: sharesText(groupShares(summed(recent))) }),
      t("chartText.soFar", { shares: sharesText(groupShares(summed(s.effort.flat()))) }),
    ),
  };
}
