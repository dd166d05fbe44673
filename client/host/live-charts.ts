// The host console's live charts of the round: fires and fires waiting to happen, team value
// and praise, and the effort split, a point a second as the room sends its timeline. Each chart
// keeps its numbers in words up to date for screen readers (read when asked, never announced).
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { EFFORTS, firesWaiting } from "../../shared/index.js";
import type { ChartText } from "../a11y/chart-text.js";
import { describedPlot } from "../a11y/plot.js";
import { EFFORT_GROUPS, groupShares } from "../debrief/efforts.js";
import { t } from "../i18n/index.js";
import { formatClock, formatValue, h } from "../ui/dom.js";
import { liveTexts } from "./live-summary.js";

/** The room's timeline since second `from`; `effort` holds EFFORTS.length counters per second. */
export interface TimelineMessage {
  round: number;
  from: number;
  fires: number[];
  risk: number[];
  value: number[];
  praise: number[];
  effort: number[];
}

interface Timeline {
  fires: number[];
  risk: number[];
  value: number[];
  praise: number[];
  effort: number[][];
}

const empty = (): Timeline => ({ fires: [], risk: [], value: [], praise: [], effort: [] });

interface Described {
  plot: uPlot;
  text: ChartText;
}

interface Charts {
  fires: Described;
  value: Described;
  effort: Described;
}

export class LiveCharts {
  readonly el = h("div", { class: "charts" });
  private timeline = empty();
  private round = 0;
  private charts: Charts | null = null;

  /** Draws the (empty) charts once `el` is in the page, where uPlot can measure it. */
  mount(): void {
    this.charts ??= {
      fires: this.chart(
        t("charts.firesTitle"),
        [
          { label: t("charts.fires"), stroke: "#e69f00", width: 2, scale: "fires" },
          { label: t("charts.waiting"), stroke: "#cc79a7", width: 2, scale: "risk" },
        ],
        [axis("fires"), axis("risk", 1)],
      ),
      value: this.chart(
        t("charts.valueTitle"),
        [
          { label: t("charts.value"), stroke: "#009e73", width: 2, scale: "value" },
          { label: t("charts.praise"), stroke: "#f0e442", width: 2, scale: "praise" },
        ],
        [axis("value", 3, (v) => formatValue(v)), axis("praise", 1)],
      ),
      effort: this.chart(
        t("charts.effortTitle"),
        EFFORT_GROUPS.map((s) => ({ label: s.label, stroke: s.color, width: 2, scale: "pct" })),
        [axis("pct", 3, (v) => `${v}%`)],
        { pct: { range: [0, 100] } },
      ),
    };
    this.size();
    this.describe([]);
  }

  /** Fits the charts to the width they have: three abreast, two, or one. */
  size(): void {
    const w = Math.max(260, this.el.clientWidth);
    const per = w >= 1100 ? Math.floor(w / 3) - 12 : w >= 700 ? Math.floor(w / 2) - 12 : w - 4;
    const c = this.charts;
    for (const chart of c ? [c.fires, c.value, c.effort] : []) chart.plot.setSize({ width: per, height: 190 });
  }

  /** Adds the seconds the room sent; `riskMax` turns hidden risk into fires waiting to happen. */
  add(t: TimelineMessage, riskMax: number): void {
    if (t.round !== this.round || t.from === 0) {
      this.round = t.round;
      this.timeline = empty();
    }
    const tl = this.timeline;
    for (const k of ["fires", "risk", "value", "praise"] as const) {
      tl[k].length = t.from;
      tl[k].push(...t[k]);
    }
    tl.effort.length = t.from;
    const n = EFFORTS.length;
    for (let i = 0; i < t.fires.length; i++) tl.effort.push(t.effort.slice(i * n, i * n + n));
    const x = tl.fires.map((_, i) => i);
    const perSecond = tl.effort.map((row) => groupShares(row));
    const shares = EFFORT_GROUPS.map((_, g) => perSecond.map((row) => Math.round(row[g]!)));
    const waiting = tl.risk.map((r) => firesWaiting(riskMax, r));
    this.charts?.fires.plot.setData([x, tl.fires, waiting]);
    this.charts?.value.plot.setData([x, tl.value, tl.praise]);
    this.charts?.effort.plot.setData([x, ...shares]);
    this.describe(waiting);
  }

  private describe(waiting: number[]): void {
    const c = this.charts;
    if (!c) return;
    const tl = this.timeline;
    const said = liveTexts({ fires: tl.fires, waiting, value: tl.value, praise: tl.praise, effort: tl.effort });
    c.fires.text.say(said.fires);
    c.value.text.say(said.value);
    c.effort.text.say(said.effort);
  }

  private chart(title: string, series: uPlot.Series[], axes: uPlot.Axis[], scales: uPlot.Scales = {}): Described {
    const holder = h("div", { class: "chart" });
    this.el.append(holder);
    const opts: uPlot.Options = {
      title,
      width: 400,
      height: 170,
      scales: { x: { time: false }, ...scales },
      series: [{ label: t("charts.time") }, ...series.map((s) => ({ points: { show: false }, ...s }))],
      // x is seconds into the round, labelled m:ss on whole seconds only.
      axes: [{ stroke: "#9aa1b2", grid: { stroke: "#262b36" }, values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? formatClock(v) : "")) }, ...axes],
      legend: { live: false },
      cursor: { show: false },
    };
    const plot = new uPlot(opts, [[]], holder);
    return { plot, text: describedPlot(holder, title, plot) };
  }
}

function axis(scale: string, side: 1 | 3 = 3, fmt?: (v: number) => string): uPlot.Axis {
  return {
    scale,
    side,
    stroke: "#9aa1b2",
    grid: { show: side === 3, stroke: "#262b36" },
    values: fmt ? (_u, vals) => vals.map(fmt) : undefined,
    size: 50,
  };
}
