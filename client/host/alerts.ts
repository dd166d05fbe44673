// The two ways a console speaks up: a banner across the top for the connection (it stays until
// things are back), and a toast for a refused command or a passing note (it fades).
import { h } from "../ui/dom.js";
import type { Notice } from "./notice.js";

export class Banner {
  readonly el = h("div", { class: "banner", role: "alert" });

  /** Shows `notice` (hides the banner when it says nothing); its button runs `act`, then hides the banner. */
  show(notice: Notice, act: () => void): void {
    if (!notice.text) return this.hide();
    this.el.replaceChildren(notice.text);
    if (notice.action) {
      const btn = h("button", { class: "secondary", type: "button" }, notice.action);
      btn.addEventListener("click", () => {
        this.hide();
        act();
      });
      this.el.append(" ", btn);
    }
    this.el.classList.add("shown");
  }

  hide(): void {
    this.el.classList.remove("shown");
  }
}

export class Toast {
  readonly el = h("div", { class: "toast", role: "alert" });
  private timer = 0;

  say(text: string): void {
    this.el.textContent = text;
    this.el.classList.add("shown");
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.el.classList.remove("shown"), 4000);
  }
}
