// A chart for people who cannot see it. The drawing is one image with a short name (its title),
// and a visually hidden paragraph beside it holds the numbers a sighted person reads off it,
// linked as the image's description. The paragraph is no live region: a live chart changes every
// second, and a screen reader would otherwise read it over everything else.
import { h } from "../ui/dom.js";
import "./sr-only.css";

let made = 0;

export class ChartText {
  /** The paragraph a screen reader reads (tests read it too). */
  readonly summary: HTMLElement;
  private readonly id = `chart-text-${++made}`;

  /** Marks `drawing` as an image named `label`, described by the summary (place `summary` after it). */
  constructor(drawing: HTMLElement, label: string) {
    this.summary = h("p", { class: "sr-only", id: this.id, "data-testid": "chart-summary" });
    drawing.setAttribute("role", "img");
    drawing.setAttribute("aria-label", label);
    drawing.setAttribute("aria-describedby", this.id);
  }

  /** The words for what the chart shows now; an unchanged text leaves the page alone. */
  say(text: string): void {
    if (this.summary.textContent !== text) this.summary.textContent = text;
  }
}
