// The help overlay (?), in the game's own words. (The first game's lesson is the practice.)
import { h, layer, removeLayer } from "./dom.js";

const CONTROLS: [string, string][] = [
  ["Move", "WASD or arrow keys · the pad on a phone"],
  ["Sprint", "hold Shift · costs energy and kicks up dust"],
  ["Put out a fire", "Space, or click/tap a burning tile next to you"],
  ["Invest", "E on your tile, or click/tap a healthy tile next to you"],
  ["Step back", "Q · stand still for 3 s: energy returns and the whole team sees the hidden risk"],
  ["Help", "? · this panel"],
];

export function helpPanel(onClose: () => void): HTMLElement {
  return h(
    "div",
    { class: "panel help", role: "dialog", "aria-label": "How to play" },
    h("h2", {}, "How Smolder works"),
    h(
      "p",
      {},
      "Your team keeps an organisation running. Healthy tiles make ",
      h("b", {}, "team value"),
      " every second; burning tiles make nothing and cost more the hotter they get.",
    ),
    h(
      "p",
      {},
      "Putting out a fire is quick and earns you ",
      h("b", {}, "praise"),
      " on the spot. But every quick fix leaves embers: hidden risk that starts the next fires, and they are charged to you.",
    ),
    h(
      "p",
      {},
      "Investing is slow, earns no praise and costs a little value now. It guards the tile, clears the risk around it, and guarded neighbours make each other worth more.",
    ),
    h("p", {}, "As the organisation grows, fires spread faster. If more than half of it burns for five seconds, it collapses."),
    h("dl", { class: "controls" }, ...CONTROLS.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h("button", { type: "button", class: "primary", onclick: onClose }, "Back to the game"),
  );
}

export function toggleHelp(): void {
  if (document.getElementById("help")) return removeLayer("help");
  layer(
    "help",
    helpPanel(() => removeLayer("help")),
  );
}
