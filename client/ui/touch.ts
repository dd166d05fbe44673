// On-screen controls for touch screens: a direction pad and action buttons.
import type { Controls } from "../input/controls.js";
import { h, layer, removeLayer } from "./dom.js";
import { t } from "../i18n/index.js";

const PAD: [string, number, number][] = [
  ["↖", -1, -1],
  ["↑", 0, -1],
  ["↗", 1, -1],
  ["←", -1, 0],
  ["", 0, 0],
  ["→", 1, 0],
  ["↙", -1, 1],
  ["↓", 0, 1],
  ["↘", 1, 1],
];

export function showTouchControls(controls: Controls): void {
  const hold = (el: HTMLElement, down: () => void, up: () => void) => {
    el.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      down();
    });
    for (const ev of ["pointerup", "pointercancel", "lostpointercapture"]) el.addEventListener(ev, up);
  };
  const pad = h("div", { class: "pad", "aria-label": t("touch.move"), "data-reserve": "" });
  for (const [label, dx, dy] of PAD) {
    const b = h(
      "button",
      { type: "button", class: label ? "dir" : "dir hub", "aria-label": label ? t("touch.moveDir", { dir: label }) : t("touch.stop") },
      label,
    );
    hold(
      b,
      () => controls.setDirection(dx, dy),
      () => controls.setDirection(0, 0),
    );
    pad.append(b);
  }
  const sprint = h("button", { type: "button", class: "act sprint" }, t("touch.sprint"));
  hold(
    sprint,
    () => controls.setSprint(true),
    () => controls.setSprint(false),
  );
  const action = (label: string, cls: string, act: "extinguish" | "invest" | "stepBack") => {
    const b = h("button", { type: "button", class: `act ${cls}` }, label);
    b.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      controls.act(act);
    });
    return b;
  };
  layer(
    "touch",
    pad,
    h(
      "div",
      { class: "actions", "data-reserve": "" },
      action(t("touch.putOut"), "fire", "extinguish"),
      action(t("touch.invest"), "invest", "invest"),
      action(t("touch.stepBack"), "back", "stepBack"),
      sprint,
    ),
  );
}

export function hideTouchControls(): void {
  removeLayer("touch");
}

export function isTouchDevice(): boolean {
  return matchMedia("(pointer: coarse)").matches || new URLSearchParams(location.search).has("touch");
}
