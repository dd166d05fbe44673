// A uPlot chart for screen readers and keyboards: the drawing is one image named by the chart's
// title and described by its numbers in words (ChartText), and the legend's names, which hide or
// show a line when clicked, are toggle buttons a keyboard reaches too (Tab, then Enter or Space).
import type uPlot from "uplot";
import { ChartText } from "./chart-text.js";
import "./plot.css";

/** Marks `plot` (drawn into `box`) as one image named `title`; the summary goes after it in `box`. */
export function describedPlot(box: HTMLElement, title: string, plot: uPlot): ChartText {
  const drawing = plot.root.querySelector<HTMLElement>(".u-wrap") ?? plot.root;
  // The image carries the title as its name; the drawn title would be read twice.
  plot.root.querySelector(".u-title")?.setAttribute("aria-hidden", "true");
  const text = new ChartText(drawing, title);
  box.append(text.summary);
  keyboardLegend(plot);
  return text;
}

function keyboardLegend(u: uPlot): void {
  const rows = [...u.root.querySelectorAll<HTMLElement>(".u-legend tr.u-series")];
  // The x series has no row when the legend is not live.
  const offset = u.series.length - rows.length;
  const toggles = rows.map((row, i) => {
    const name = row.querySelector("th");
    if (!name || i + offset === 0) return null;
    name.tabIndex = 0;
    name.setAttribute("role", "button");
    name.setAttribute("aria-pressed", String(u.series[i + offset]?.show !== false));
    name.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      name.click();
    });
    return name;
  });
  u.hooks.setSeries = [
    ...(u.hooks.setSeries ?? []),
    () => toggles.forEach((name, i) => name?.setAttribute("aria-pressed", String(u.series[i + offset]?.show !== false))),
  ];
}
