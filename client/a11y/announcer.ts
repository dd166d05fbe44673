// The text channel beside the canvas: a polite live region (role=log) that screen readers read
// as lines are added. It keeps the last few lines, so a line is never cut off by the next.
import { h, layer, removeLayer } from "../ui/dom.js";
import "./sr-only.css";

const KEEP = 6;

export class Announcer {
  private readonly el: HTMLElement;

  constructor(private readonly id = "announcer") {
    this.el = h("div", { class: "sr-only", role: "log", "aria-live": "polite", "aria-relevant": "additions", "data-testid": "announcer" });
    layer(id, this.el);
  }

  say(...lines: string[]): void {
    for (const line of lines) if (line) this.el.append(h("p", {}, line));
    while (this.el.childElementCount > KEEP) this.el.firstElementChild!.remove();
  }

  destroy(): void {
    removeLayer(this.id);
  }
}
