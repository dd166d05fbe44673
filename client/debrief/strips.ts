// Effort per player over time: one strip per player, one column per bin, each column split
// into the effort groups' colours. Side by side, a room sees at a glance who spent the round
// putting out fires and who built guard, and when the whole team got dragged into firefighting.
import { EFFORTS, type DebriefRound } from "../../shared/index.js";
import { ChartText } from "../a11y/chart-text.js";
import { t } from "../i18n/index.js";
import { shownName } from "../i18n/player-names.js";
import { formatClock, h } from "../ui/dom.js";
import { stripsText } from "./chart-summary.js";
import { EFFORT_GROUPS, groupShares } from "./efforts.js";

export interface StripOptions {
  you?: number | null;
  big?: boolean;
}

export function effortStrips(r: DebriefRound, opts: StripOptions = {}): HTMLElement {
  const rowH = opts.big ? 40 : 20;
  const nameW = opts.big ? 300 : 120;
  const bins = Math.ceil(r.seconds / r.binSeconds);
  const canvas = h("canvas", { class: "d-strips" });
  const text = new ChartText(canvas, t("debrief.stripsLabel", { n: r.round }));
  text.say(stripsText(r, opts.you ?? null));
  const legend = h("div", { class: "d-legend" }, ...EFFORT_GROUPS.map((g) => h("span", {}, h("i", { style: `background:${g.color}` }), g.label)));
  const wrap = h("div", { class: "d-strips-wrap" }, canvas, text.summary, legend);
  const draw = () => {
    const width = Math.max(320, wrap.clientWidth || 800);
    const height = rowH * r.players.length + 22;
    const dpr = devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    ctx.font = `${opts.big ? 28 : 12}px system-ui, sans-serif`;
    ctx.textBaseline = "middle";
    const plotW = width - nameW - 8;
    const colW = plotW / Math.max(1, bins);
    r.players.forEach((p, row) => {
      const y = row * rowH;
      const you = opts.you === p.seat;
      if (you) {
        ctx.fillStyle = "rgba(230,159,0,0.18)";
        ctx.fillRect(0, y, width, rowH);
      }
      ctx.fillStyle = you ? "#ffd27a" : p.bot ? "#9aa1b2" : "#e8eaf0";
      const label = shownName(p);
      ctx.fillText(label.length > 18 ? `${label.slice(0, 17)}…` : label, 4, y + rowH / 2);
      const row0 = r.effortBins[row] ?? [];
      for (let b = 0; b < bins; b++) {
        const shares = groupShares(row0, b * EFFORTS.length);
        let top = y + 2;
        const x = nameW + b * colW;
        for (let g = 0; g < EFFORT_GROUPS.length; g++) {
          const hgt = ((rowH - 4) * shares[g]!) / 100;
          if (hgt <= 0) continue;
          ctx.fillStyle = EFFORT_GROUPS[g]!.color;
          ctx.fillRect(x, top, Math.max(1, colW - 1), hgt);
          top += hgt;
        }
      }
    });
    // Time axis and the tipping point.
    const axisY = rowH * r.players.length + 12;
    ctx.fillStyle = "#9aa1b2";
    for (let t = 0; t <= r.seconds; t += r.seconds > 300 ? 120 : 30) {
      const label = formatClock(t);
      const lw = ctx.measureText(label).width;
      ctx.fillText(label, Math.min(width - lw - 2, nameW + (t / r.binSeconds) * colW - lw / 2), axisY);
    }
    if (r.tipping !== null) {
      const x = nameW + (r.tipping / r.binSeconds) * colW;
      ctx.strokeStyle = "#ff9b73";
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, rowH * r.players.length);
      ctx.stroke();
    }
  };
  requestAnimationFrame(draw);
  (wrap as HTMLElement & { redraw?: () => void }).redraw = draw;
  return wrap;
}
