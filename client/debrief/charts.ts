// The debrief's charts (uPlot): fires and hidden risk, team value and praise, the team's
// effort split, and rounds compared. The tipping point is a dashed line on every chart of its
// round; a click on a chart picks that moment (the host console scrubs the replay there; the
// replay's slider is the keyboard's way). Each chart says its numbers in words (ChartText).
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type Debrief, type DebriefRound, EFFORTS, firesWaiting, getScenario, type Recap } from "../../shared/index.js";
import { describedPlot } from "../a11y/plot.js";
import { formatClock, formatValue, h } from "../ui/dom.js";
import { effortText, lineText, marksText, sentences, summed } from "./chart-summary.js";
import { EFFORT_GROUPS, groupShares } from "./efforts.js";
import { num, t } from "../i18n/index.js";

const GRID = "#262b36";
const AXIS = "#9aa1b2";
/** Colours of rounds set side by side (Okabe–Ito, the first round's stays green). */
// Compared rounds and teams: sky blue against orange first (the colour-blind-safe pair that
// differs most), each with its own dash too, so the lines part even in greyscale.
export const ROUND_COLORS = ["#56b4e9", "#e69f00", "#cc79a7", "#f0e442"];
const ROUND_DASHES: (number[] | undefined)[] = [undefined, [9, 4], [2, 3], [10, 3, 2, 3]];

type Series = uPlot.Series & { data: (number | null)[] };
interface Marker {
  at: number;
  color: string;
  label: string;
  /** Label at the foot of the line, so two markers close together stay readable. */
  low?: boolean;
}

export interface ChartOptions {
  onMoment?: (second: number) => void;
  /** Taller charts and bigger type (the projector). */
  big?: boolean;
}

/** A padded series back to the points it has. */
const unpadded = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);

function padTo(values: readonly number[], n: number): (number | null)[] {
  const out: (number | null)[] = values.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}

class Chart {
  readonly plot: uPlot;
  markers: Marker[] = [];
  moment: number | null = null;

  constructor(
    holder: HTMLElement,
    title: string,
    series: Series[],
    axes: uPlot.Axis[],
    scales: uPlot.Scales,
    x: number[],
    opts: ChartOptions,
    summary: string,
  ) {
    const box = h("div", { class: "d-chart" });
    holder.append(box);
    const draw = (u: uPlot) => {
      const ctx = u.ctx;
      const line = (sec: number, color: string, dash: number[], label: string, low = false) => {
        const px = u.valToPos(sec, "x", true);
        if (!Number.isFinite(px) || px < u.bbox.left - 1 || px > u.bbox.left + u.bbox.width + 1) return;
        ctx.save();
        ctx.strokeStyle = color;
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash(dash.map((d) => d * devicePixelRatio));
        ctx.beginPath();
        ctx.moveTo(px, u.bbox.top);
        ctx.lineTo(px, u.bbox.top + u.bbox.height);
        ctx.stroke();
        if (label) {
          ctx.setLineDash([]);
          ctx.fillStyle = color;
          ctx.font = `${(opts.big ? 28 : 11) * devicePixelRatio}px system-ui, sans-serif`;
          const w = ctx.measureText(label).width;
          const left = px + 4 * devicePixelRatio + w > u.bbox.left + u.bbox.width ? px - w - 4 * devicePixelRatio : px + 4 * devicePixelRatio;
          ctx.fillText(label, left, low ? u.bbox.top + u.bbox.height - 6 * devicePixelRatio : u.bbox.top + 14 * devicePixelRatio);
        }
        ctx.restore();
      };
      for (const m of this.markers) line(m.at, m.color, [6, 4], m.label, m.low);
      if (this.moment !== null) line(this.moment, "#ffffff", [], "");
    };
    this.plot = new uPlot(
      {
        title,
        width: 400,
        height: 190,
        scales: { x: { time: false }, ...scales },
        series: [
          { label: t("debrief.time"), value: (_u, v) => (v === null ? "" : formatClock(v)) },
          ...series.map(({ data: _d, ...s }) => ({ points: { show: false }, ...s })),
        ],
        axes: [
          {
            stroke: AXIS,
            grid: { stroke: GRID },
            values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? formatClock(v) : "")),
            ...(opts.big ? { font: "28px system-ui, sans-serif", size: 56 } : {}),
          },
          ...axes,
        ],
        legend: { live: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        hooks: { draw: [draw] },
      },
      [x, ...series.map((s) => s.data)] as uPlot.AlignedData,
      box,
    );
    describedPlot(box, title, this.plot).say(summary);
    if (opts.onMoment) {
      const over = this.plot.over;
      over.style.cursor = "pointer";
      over.title = t("debrief.clickMoment");
      over.addEventListener("click", (e) => {
        const sec = Math.round(this.plot.posToVal(e.offsetX, "x"));
        if (Number.isFinite(sec)) opts.onMoment!(Math.max(0, sec));
      });
    }
  }
}

const axis = (scale: string, side: 1 | 3, fmt?: (v: number) => string, big = false): uPlot.Axis => ({
  scale,
  side,
  stroke: AXIS,
  grid: { show: side === 3, stroke: GRID },
  values: fmt ? (_u, vals) => vals.map(fmt) : undefined,
  size: big ? 130 : 64,
  // uPlot reads an explicit undefined as a font; leave the key out for its default.
  ...(big ? { font: "28px system-ui, sans-serif" } : {}),
});
/** A value axis label in a few characters ("850", "1.5k", "12k"), as players see value. */
const shortValue = (v: number): string => {
  const shown = Math.round(v / 1000);
  if (Math.abs(shown) >= 10_000) return `${Math.round(shown / 1000)}k`;
  if (Math.abs(shown) >= 1000) return `${(shown / 1000).toFixed(1)}k`;
  return String(shown);
};
const kilo = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 1000)}k` : String(v));

export class DebriefCharts {
  readonly el = h("div", { class: "d-charts" });
  private charts: Chart[] = [];

  constructor(private readonly opts: ChartOptions = {}) {}

  set(d: Debrief): void {
    for (const c of this.charts) c.plot.destroy();
    this.el.replaceChildren();
    this.charts = [];
    const lead = d.rounds[0];
    if (!lead) return;
    const w = d.whatIf && d.whatIf.round === lead.round ? d.whatIf : null;
    const n = Math.max(lead.seconds, w?.seconds ?? 0, ...d.rounds.map((r) => r.seconds));
    const x = Array.from({ length: n }, (_, i) => i);
    const big = this.opts.big === true;
    const add = (title: string, summary: string, series: Series[], axes: uPlot.Axis[], scales: uPlot.Scales = {}, xs = x) => {
      const c = new Chart(this.el, title, series, axes, scales, xs, this.opts, summary);
      this.charts.push(c);
      return c;
    };
    const riskMax = getScenario(lead.scenarioId)?.risk.max ?? 0;
    const tip = (r: DebriefRound, color = "#ff9b73"): Marker[] =>
      r.tipping === null ? [] : [{ at: r.tipping, color, label: t("debrief.tipped", { time: formatClock(r.tipping) }) }];

    const fires: Series[] = [
      { label: t("debrief.fires"), stroke: "#e69f00", width: 3, scale: "fires", data: padTo(lead.fires, n) },
      {
        label: t("debrief.waiting"),
        stroke: "#cc79a7",
        width: 2,
        scale: "risk",
        data: padTo(
          lead.risk.map((r) => firesWaiting(riskMax, r)),
          n,
        ),
      },
    ];
    const value: Series[] = [
      { label: t("debrief.value"), stroke: "#009e73", width: 3, scale: "value", data: padTo(lead.value, n) },
      { label: t("debrief.praiseLine"), stroke: "#f0e442", width: 2, scale: "praise", data: padTo(lead.praise, n) },
    ];
    if (w) {
      fires.push({ label: t("debrief.firesWhatIf"), stroke: "#e69f00", width: 2, dash: [6, 5], scale: "fires", data: padTo(w.fires, n) });
      value.push({ label: t("debrief.valueWhatIf"), stroke: "#7fe0b9", width: 2, dash: [6, 5], scale: "value", data: padTo(w.value, n) });
      value.push({ label: t("debrief.praiseWhatIf"), stroke: "#f0e442", width: 1, dash: [3, 4], scale: "praise", data: padTo(w.praise, n) });
    }
    const whatIfMarks: Marker[] = w && w.fromSecond > 0 ? [{ at: w.fromSecond, color: "#9ad0ff", label: t("debrief.whatIfHere"), low: true }] : [];
    // In words: each line as drawn (the what-if's too), then the marks.
    const said = (lines: Series[], fmt: Record<string, (v: number) => string>) =>
      lines.map((l) => lineText({ label: String(l.label), values: unpadded(l.data), fmt: fmt[l.scale ?? ""], total: l.scale === "praise" }, false));
    const marks = marksText(lead.tipping, w?.fromSecond ?? null);
    add(t("debrief.firesTitle"), sentences(...said(fires, {}), marks), fires, [axis("fires", 3, undefined, big), axis("risk", 1, undefined, big)]).markers = [
      ...tip(lead),
      ...whatIfMarks,
    ];
    add(t("debrief.valueTitle"), sentences(...said(value, { value: formatValue }), marks), value, [
      axis("value", 3, formatValue, big),
      axis("praise", 1, undefined, big),
    ]).markers = [...tip(lead), ...whatIfMarks];

    // The team's effort split, per bin of the effort strips.
    const bins = Math.ceil(lead.seconds / lead.binSeconds);
    const team: number[] = new Array<number>(bins * EFFORTS.length).fill(0);
    for (const row of lead.effortBins) for (let k = 0; k < team.length; k++) team[k]! += row[k] ?? 0;
    const bx = Array.from({ length: bins }, (_, b) => b * lead.binSeconds);
    const shares = Array.from({ length: bins }, (_, b) => groupShares(team, b * EFFORTS.length));
    // A round shorter than two bins has no split over time to draw.
    if (bins >= 2)
      add(
        t("debrief.effortTitle"),
        sentences(effortText(shares, lead.binSeconds, summed(team)), marksText(lead.tipping)),
        EFFORT_GROUPS.map((g, gi) => ({ label: g.label, stroke: g.color, width: 2, scale: "pct", data: shares.map((s) => Math.round(s[gi]!)) })),
        [axis("pct", 3, (v) => `${v}%`, big)],
        { pct: { range: [0, 100] } },
        bx,
      ).markers = tip(lead);

    if (d.rounds.length > 1) {
      const marks = d.rounds.flatMap((r, i) => tip(r, ROUND_COLORS[i]!));
      const teams = d.rounds.some((r) => r.label);
      // One line per compared round (or team): its own colour and dash, on the given scale.
      const compared = (title: string, scale: "value" | "fires", pick: (r: DebriefRound) => number[], fmt?: (v: number) => string): void => {
        const name = (r: DebriefRound) => r.label ?? t("debrief.round", { n: r.round });
        const series = d.rounds.map((r, i) => ({
          label: name(r),
          stroke: ROUND_COLORS[i]!,
          dash: ROUND_DASHES[i],
          width: 2.5,
          scale,
          data: padTo(pick(r), n),
        }));
        const summary = sentences(
          ...d.rounds.map((r) => lineText({ label: name(r), values: pick(r), fmt }, false)),
          ...d.rounds.flatMap((r) => (r.tipping === null ? [] : [t("chartText.tippedOf", { label: name(r), time: formatClock(r.tipping) })])),
        );
        add(title, summary, series, [axis(scale, 3, fmt, big)]).markers = marks;
      };
      compared(t(teams ? "debrief.comparedValue" : "debrief.roundsComparedValue"), "value", (r) => r.value, formatValue);
      compared(t(teams ? "debrief.comparedFires" : "debrief.roundsComparedFires"), "fires", (r) => r.fires);
    }
    this.resize();
  }

  /** The replay's moment, drawn as a white line on every chart. */
  mark(second: number | null): void {
    for (const c of this.charts) {
      c.moment = second;
      c.plot.redraw(false, false);
    }
  }

  resize(): void {
    const width = Math.max(260, this.el.clientWidth || 800);
    const columns = this.opts.big ? 1 : width >= 1100 ? 3 : width >= 700 ? 2 : 1;
    const per = Math.floor(width / columns) - (columns > 1 ? 12 : 4);
    for (const c of this.charts) c.plot.setSize({ width: per, height: this.opts.big ? 300 : 190 });
  }

  destroy(): void {
    for (const c of this.charts) c.plot.destroy();
    this.charts = [];
  }
}

/** What a sighted person reads off the recap chart, in words: the value's peak and end, the praise reached. */
export function recapSummary(recap: Recap): string {
  let peak = 0;
  recap.value.forEach((v, i) => (v > recap.value[peak]! ? (peak = i) : undefined));
  const last = recap.value.length - 1;
  return t("results.chartSummary", {
    peak: formatValue(recap.value[peak] ?? 0),
    peakAt: formatClock(recap.seconds[peak] ?? 0),
    end: formatValue(recap.value[last] ?? 0),
    praise: num(recap.praise[last] ?? 0),
  });
}

/** The results screen's one chart: the team's value and the praise over the round, with the
 *  tipping point, from the summary's recap. Sized to its holder, so it fits a phone. */
export class RecapChart {
  readonly el = h("div", { class: "d-charts recap-chart", "data-testid": "results-chart" });
  private readonly chart: Chart;

  constructor(recap: Recap) {
    const series: Series[] = [
      { label: t("results.chartValue"), stroke: "#009e73", width: 3, scale: "value", data: recap.value },
      { label: t("results.chartPraise"), stroke: "#f0e442", width: 2, scale: "praise", data: recap.praise },
    ];
    // Narrow axes: on a phone the plot itself needs the width.
    const narrow = (a: uPlot.Axis): uPlot.Axis => ({ ...a, size: 42 });
    this.chart = new Chart(
      this.el,
      t("results.chartLabel"),
      series,
      [narrow(axis("value", 3, shortValue)), narrow(axis("praise", 1, kilo))],
      {},
      recap.seconds,
      {},
      recapSummary(recap),
    );
    this.chart.markers =
      recap.tipping === null ? [] : [{ at: recap.tipping, color: "#ff9b73", label: t("results.tippedMark", { time: formatClock(recap.tipping) }) }];
  }

  resize(): void {
    const width = Math.max(220, this.el.clientWidth || 300);
    this.chart.plot.setSize({ width, height: width < 420 ? 150 : 180 });
  }

  destroy(): void {
    this.chart.plot.destroy();
  }
}
